// One-shot messages (a form's confirmation, the last attendance change and its undo) travel in a
// cookie of their own rather than in the session: a form then costs one database commit (its
// transaction), not three (the session saved with the message, then saved again without it).
// Messages may name a youth: the cookie is encrypted and authenticated (AES-256-GCM).
import type { CookieOptions, RequestHandler, Response } from "express";
import { z } from "zod";
import { IV_BYTES, openText, sealingKey, sealText, TAG_BYTES } from "../auth/sealing.ts";

export const FLASH_COOKIE = "spid.flash";
/** Long enough for the redirect that follows a form, short enough that a forgotten one goes. */
const FLASH_MAX_AGE_MS = 120 * 1000;

const attendanceChangeSchema = z.object({
  lessonId: z.string(),
  message: z.string(),
  undo: z.object({ attendance: z.string(), lateMin: z.number().nullable(), reason: z.string().nullable() }).nullable(),
});

/** The last attendance change, shown on its lesson card with a way to put the previous value back. */
export type AttendanceChange = z.infer<typeof attendanceChangeSchema>;

const messageSchema = z.object({
  /** Who it is for: shown only to the same person (null: signed out). */
  userId: z.string().nullable(),
  /** Milliseconds since the epoch: the cookie's Max-Age, checked on our side too. */
  expiresAt: z.number(),
  flash: z.string().optional(),
  attendanceChange: attendanceChangeSchema.optional(),
});

export type OneShotMessage = z.infer<typeof messageSchema>;

/** Sealing and opening the cookie, under a key of its own derived from the session secret. */
export function messageCodec(secret: string) {
  const key = sealingKey(secret, "spid-flash-cookie");
  return {
    /** `<iv><tag><ciphertext>`, base64url. */
    seal(message: OneShotMessage): string {
      const { iv, tag, encrypted } = sealText(key, JSON.stringify(message));
      return Buffer.concat([iv, tag, encrypted]).toString("base64url");
    },
    /** The message, or null when the cookie was not sealed by us, is malformed or has expired. */
    open(token: string, now: number): OneShotMessage | null {
      const sealed = Buffer.from(token, "base64url");
      if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const json = openText(key, {
          iv: sealed.subarray(0, IV_BYTES),
          tag: sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
          encrypted: sealed.subarray(IV_BYTES + TAG_BYTES),
        });
        const parsed = messageSchema.safeParse(JSON.parse(json));
        return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

/** HttpOnly, SameSite=Lax, Secure as the session cookie; sign-out clears it with the same ones. */
export function flashCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/" };
}

type Exchange = { codec: ReturnType<typeof messageCodec>; secure: boolean; written: Omit<OneShotMessage, "userId" | "expiresAt"> | null };

const exchanges = new WeakMap<Response, Exchange>();

/** The value of one cookie of the request (ours are base64url: nothing to decode). */
function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** Sets (or clears, with null) the cookie, in place of any Set-Cookie of it this response had. */
function putCookie(res: Response, value: string | null, secure: boolean): void {
  const previous = res.getHeader("Set-Cookie");
  if (typeof previous === "string" || Array.isArray(previous)) {
    const others = [previous].flat().filter((line) => !line.startsWith(`${FLASH_COOKIE}=`));
    if (others.length > 0) res.setHeader("Set-Cookie", others);
    else res.removeHeader("Set-Cookie");
  }
  if (value === null) res.clearCookie(FLASH_COOKIE, flashCookieOptions(secure));
  else res.cookie(FLASH_COOKIE, value, { ...flashCookieOptions(secure), maxAge: FLASH_MAX_AGE_MS });
}

/** Reads the message left by the previous response into res.locals (flash, attendanceChange), for
 * the signed-in person it was left for. Only a rendered page consumes it: a redirect passes it on.
 * A cookie that does not open is ignored and cleared. Mounted after the session and passport. */
export function oneShotMessages(secret: string, secure: boolean): RequestHandler {
  const codec = messageCodec(secret);
  return (req, res, next) => {
    const exchange: Exchange = { codec, secure, written: null };
    exchanges.set(res, exchange);
    res.locals.flash = undefined;
    res.locals.attendanceChange = undefined;
    const token = cookieOf(req.headers.cookie, FLASH_COOKIE);
    if (!token) return next();
    const message = codec.open(token, Date.now());
    if (!message) {
      putCookie(res, null, secure);
      return next();
    }
    if (message.userId === (req.user?.id ?? null)) {
      res.locals.flash = message.flash;
      res.locals.attendanceChange = message.attendanceChange;
    }
    const render = res.render.bind(res) as (...args: unknown[]) => void;
    res.render = (...args: unknown[]) => {
      if (!exchange.written) putCookie(res, null, secure);
      render(...args);
    };
    next();
  };
}

function leave(res: Response, message: NonNullable<Exchange["written"]>): void {
  const exchange = exchanges.get(res);
  if (!exchange) throw new Error("oneShotMessages is not mounted before this route");
  exchange.written = { ...exchange.written, ...message };
  const sealed = exchange.codec.seal({ userId: res.req.user?.id ?? null, expiresAt: Date.now() + FLASH_MAX_AGE_MS, ...exchange.written });
  putCookie(res, sealed, exchange.secure);
}

/** The message shown once on the next page, at its top. */
export function setFlash(res: Response, message: string): void {
  leave(res, { flash: message });
}

/** The attendance change shown once on its lesson card of the next page, with its undo. */
export function setAttendanceChange(res: Response, change: AttendanceChange): void {
  leave(res, { attendanceChange: change });
}
