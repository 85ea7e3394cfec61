// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser where
// an account signed in successfully gets a long-lived cookie naming that account. An attempt that
// presents it is counted apart, so failures from elsewhere cannot lock the person out.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { CookieOptions } from "express";

export const DEVICE_COOKIE = "spid.device";
const DEVICE_COOKIE_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

export type Device = { accountId: string; nonce: string };

// The purpose is part of the MAC: nothing else signed with the session secret can pass for a device.
function macOf(secret: string, accountId: string, nonce: string): Buffer {
  return createHmac("sha256", secret).update(`spid-device\n${accountId}\n${nonce}`, "utf8").digest();
}

/** `<account id>.<random nonce>.<HMAC-SHA-256 with the session secret>`, base64url. */
export function issueDeviceToken(secret: string, accountId: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${accountId}.${nonce}.${macOf(secret, accountId, nonce).toString("base64url")}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by us. */
export function readDeviceToken(secret: string, token: unknown): Device | null {
  if (typeof token !== "string") return null;
  const [accountId, nonce, mac, ...rest] = token.split(".");
  if (!accountId || !nonce || !mac || rest.length > 0) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = macOf(secret, accountId, nonce);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { accountId, nonce };
}

/** Sent only to the sign-in pages; HttpOnly, SameSite=Lax, Secure when cookies are. */
export function deviceCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/login", maxAge: DEVICE_COOKIE_MAX_AGE_MS };
}
