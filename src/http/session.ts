import type { RequestHandler } from "express";
import session from "express-session";
import { DatabaseSessionStore } from "../db/session-store.ts";

export const SESSION_COOKIE = "spid.sid";
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** How old a session's stored expiry may get before a request rewrites it. */
const EXPIRY_REFRESH_MS = 60 * 1000;

/** The session cookie's attributes; logout clears it with the same ones. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
}

/** Sessions live in the database (they survive a restart and are shared by every server process).
 * The cookie's maxAge is the idle timeout; the row and the cookie get a new expiry whenever the
 * session is saved. The store has no touch: refreshIdleExpiry renews the expiry by a save, at most
 * once a minute, instead of a write at the end of every request. */
export function sessions(secret: string, secure: boolean): RequestHandler[] {
  const store = new DatabaseSessionStore();
  const middleware = session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { ...sessionCookieOptions(secure), maxAge: IDLE_TIMEOUT_MS },
  });
  return [middleware, refreshIdleExpiry];
}

/** A session read from the store carries the expiry it was last saved with. Once that save is a
 * minute old, a change to the session makes express-session save it again: a new expiry for the
 * row and the cookie. So a session ends 29 to 30 minutes after its last request, and requests
 * within the same minute write nothing. */
const refreshIdleExpiry: RequestHandler = (req, _res, next) => {
  const remaining = req.session?.cookie.maxAge;
  if (typeof remaining === "number" && IDLE_TIMEOUT_MS - remaining >= EXPIRY_REFRESH_MS) req.session.refreshedAt = Date.now();
  next();
};

/** Ends a signed-in session 12 h after sign-in, whatever the activity. */
export const absoluteTimeout: RequestHandler = (req, res, next) => {
  const signedInAt = req.session?.signedInAt;
  if (req.user && signedInAt && Date.now() - signedInAt > ABSOLUTE_TIMEOUT_MS) {
    req.session.destroy(() => res.redirect(303, "/login?expire=1"));
    return;
  }
  next();
};
