// The part of autocannon 9's library API that bench/run.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Options = {
    url: string;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** A run before the measured one, with its own options; its responses are not reported. */
    warmup?: { connections?: number; duration?: number };
  };

  type Stats = { average: number; mean: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number };

  type Result = {
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    requests: Stats & { total: number; sent: number };
    /** Milliseconds. */
    latency: Stats;
  };

  type Instance = EventEmitter<{ response: [client: unknown, statusCode: number, bytes: number, milliseconds: number] }> &
    PromiseLike<Result>;

  export default function autocannon(options: Options): Instance;
}
