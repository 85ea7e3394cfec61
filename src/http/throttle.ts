import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

/** Failed attempts (sign-in, activation) counted per key over a fixed window. A key is "ip:…",
 * "account:…", "device:…": the callers decide what an attempt is counted under. Asynchronous:
 * the counters live in the database, shared by every server process. */
export interface FailureThrottle {
  /** Counts the attempt under each key before it is checked, so that attempts sent in parallel
   * cannot slip past the limit. False when a key is over the limit: refuse without checking. */
  attempt(keys: readonly string[]): Promise<boolean>;
  /** The attempt did not fail: it is taken back (successes are not counted). */
  forgive(keys: readonly string[]): Promise<void>;
}

/** The client's address as a key; IPv6 addresses are grouped by /56 (one subscriber's block). */
export function ipKeyOf(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? "")}`;
}
