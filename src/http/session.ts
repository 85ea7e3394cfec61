import type { RequestHandler } from "express";
import session from "express-session";
import { PrismaSessionStore } from "@quixo3/prisma-session-store";
import type { Db } from "../db/client.ts";

export const SESSION_COOKIE = "spid.sid";
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** The session cookie's attributes; logout clears it with the same ones. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
}

/** Sessions live in the SQLite database (they survive a restart). The cookie's maxAge is the idle
 * timeout, renewed on every request (rolling). */
export function sessions(prisma: Db, secret: string, secure: boolean): RequestHandler {
  const store = new PrismaSessionStore(prisma, {
    checkPeriod: 10 * 60 * 1000,
    dbRecordIdIsSessionId: true,
    logger: false,
  });
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { ...sessionCookieOptions(secure), maxAge: IDLE_TIMEOUT_MS },
  });
}

/** Ends a signed-in session 12 h after sign-in, whatever the activity. */
export const absoluteTimeout: RequestHandler = (req, res, next) => {
  const signedInAt = req.session?.signedInAt;
  if (req.user && signedInAt && Date.now() - signedInAt > ABSOLUTE_TIMEOUT_MS) {
    req.session.destroy(() => res.redirect(303, "/login?expire=1"));
    return;
  }
  next();
};
