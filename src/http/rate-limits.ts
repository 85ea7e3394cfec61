import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

function identifierOf(body: unknown): string {
  if (typeof body === "object" && body !== null && "email" in body && typeof body.email === "string") {
    return body.email.trim().toLowerCase().slice(0, 320);
  }
  return "";
}

/** After 10 failed sign-ins within 15 minutes for one account or from one IP, 429 until the
 * window passes, even with the right password. Successful sign-ins (3xx) are not counted.
 * Built per app so that each test app starts with empty counters. */
export function signInLimiters(onLimited: RequestHandler): RequestHandler[] {
  const common = {
    windowMs: WINDOW_MS,
    limit: MAX_FAILURES,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8" as const,
    legacyHeaders: false,
    handler: onLimited,
  };
  return [
    rateLimit({ ...common, identifier: "sign-in-ip" }),
    rateLimit({
      ...common,
      identifier: "sign-in-account",
      keyGenerator: (req) => `account:${identifierOf(req.body)}`,
      skip: (req) => identifierOf(req.body) === "",
    }),
  ];
}
