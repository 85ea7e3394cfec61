import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

/** Failed attempts (sign-in, activation) counted per key over a fixed window. A key is "ip:…",
 * "account:…", "device:…": the callers decide what an attempt is counted under. Asynchronous so
 * that a store shared by several instances (the database) can take the place of memory. */
export interface FailureThrottle {
  /** Counts the attempt under each key before it is checked, so that attempts sent in parallel
   * cannot slip past the limit. False when a key is over the limit: refuse without checking. */
  attempt(keys: readonly string[]): Promise<boolean>;
  /** The attempt did not fail: it is taken back (successes are not counted). */
  forgive(keys: readonly string[]): Promise<void>;
}

type Window = { attempts: number; endsAt: number };

/** Counters in this process's memory: right for one instance; each app built gets its own. */
export function memoryThrottle(limit = MAX_FAILURES, windowMs = THROTTLE_WINDOW_MS, now: () => number = Date.now): FailureThrottle {
  const windows = new Map<string, Window>();
  let nextSweep = now() + windowMs;
  const current = (key: string): Window | undefined => {
    const window = windows.get(key);
    return window && window.endsAt > now() ? window : undefined;
  };
  const open = (key: string): Window => {
    const window = { attempts: 0, endsAt: now() + windowMs };
    windows.set(key, window);
    return window;
  };
  // Expired windows are dropped once per window, so that many one-off keys do not pile up.
  const sweep = () => {
    if (now() < nextSweep) return;
    for (const [key, window] of windows) if (window.endsAt <= now()) windows.delete(key);
    nextSweep = now() + windowMs;
  };
  return {
    attempt(keys) {
      sweep();
      const counted = keys.map((key) => current(key) ?? open(key));
      for (const window of counted) window.attempts += 1;
      return Promise.resolve(counted.every((window) => window.attempts <= limit));
    },
    forgive(keys) {
      for (const key of keys) {
        const window = current(key);
        if (window && window.attempts > 0) window.attempts -= 1;
      }
      return Promise.resolve();
    },
  };
}

/** The client's address as a key; IPv6 addresses are grouped by /56 (one subscriber's block). */
export function ipKeyOf(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? "")}`;
}
