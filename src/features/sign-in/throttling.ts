import type { Request } from "express";
import { DEVICE_COOKIE, readDeviceToken } from "../../auth/device-cookies.ts";
import { hashActivationCode } from "../../auth/activation-codes.ts";
import { ipKeyOf } from "../../http/throttle.ts";
import { findAccountId } from "./service.ts";

function deviceCookieOf(req: Request): unknown {
  const cookies: unknown = req.cookies;
  return typeof cookies === "object" && cookies !== null ? (cookies as Record<string, unknown>)[DEVICE_COOKIE] : undefined;
}

/** What a sign-in attempt is counted under. The identifier is resolved to its account first, so
 * that an e-mail and a reference share one count. A browser holding a valid device cookie for
 * that account is counted under its cookie alone: neither the account's lockout nor the IP's
 * applies to it, and its own limit stops the cookie being used to guess. Any other attempt is
 * counted under the IP and the account (or the text typed, when no account matches). */
export async function signInThrottleKeys(req: Request, identifier: string, secret: string): Promise<string[]> {
  const accountId = await findAccountId(identifier);
  if (accountId) return accountThrottleKeys(req, accountId, secret);
  return [ipKeyOf(req), `typed:${identifier.trim().toLowerCase()}`];
}

/** The same keys for a known account: a wrong second-factor code counts with the wrong passwords. */
export function accountThrottleKeys(req: Request, accountId: string, secret: string): string[] {
  const device = readDeviceToken(secret, deviceCookieOf(req));
  if (device?.accountId === accountId) return [`device:${device.nonce}`];
  return [ipKeyOf(req), `account:${accountId}`];
}

/** An activation attempt is counted under the IP and the code tried (its hash: codes are secrets). */
export function activationThrottleKeys(req: Request, code: string): string[] {
  return [ipKeyOf(req), `code:${hashActivationCode(code)}`];
}
