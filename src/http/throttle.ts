import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

/** Failed attempts (sign-in, activation) counted per key over a fixed window. A key is "ip:…",
 * "account:…", "device:…": the callers decide what an attempt is counted under. Asynchronous so
 * that a store shared by several instances (the database) can take the place of memory. */
export interface FailureThrottle {
  /** True when one of the keys has reached the limit: the attempt is refused before any check. */
  isBlocked(keys: readonly string[]): Promise<boolean>;
  /** Counts one failure under each key. */
  recordFailure(keys: readonly string[]): Promise<void>;
}

type Window = { failures: number; endsAt: number };

/** Counters in this process's memory: right for one instance; each app built gets its own. */
export function memoryThrottle(limit = MAX_FAILURES, windowMs = THROTTLE_WINDOW_MS, now: () => number = Date.now): FailureThrottle {
  const windows = new Map<string, Window>();
  let nextSweep = now() + windowMs;
  const current = (key: string): Window | undefined => {
    const window = windows.get(key);
    return window && window.endsAt > now() ? window : undefined;
  };
  // Expired windows are dropped once per window, so that many one-off keys do not pile up.
  const sweep = () => {
    if (now() < nextSweep) return;
    for (const [key, window] of windows) if (window.endsAt <= now()) windows.delete(key);
    nextSweep = now() + windowMs;
  };
  return {
    isBlocked(keys) {
      return Promise.resolve(keys.some((key) => (current(key)?.failures ?? 0) >= limit));
    },
    recordFailure(keys) {
      sweep();
      for (const key of keys) {
        const window = current(key);
        if (window) window.failures += 1;
        else windows.set(key, { failures: 1, endsAt: now() + windowMs });
      }
      return Promise.resolve();
    },
  };
}

/** The client's address as a key; IPv6 addresses are grouped by /56 (one subscriber's block). */
export function ipKeyOf(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? "")}`;
}
