import type { RequestHandler } from "express";
import { csrfSync } from "csrf-sync";

// Synchroniser token kept in the session, sent back as the `_csrf` field of every form. 32 random
// bytes (256 bits, 64 hex characters) rather than the library's 128: a list with a form per row
// (the caseload's suggestions) repeats it dozens of times.
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => {
    const body: unknown = req.body;
    if (typeof body === "object" && body !== null && "_csrf" in body && typeof body._csrf === "string") return body._csrf;
    const header = req.get("x-csrf-token");
    return header ?? undefined;
  },
  errorConfig: { statusCode: 403, message: "Jeton de sécurité invalide", code: "EBADCSRFTOKEN" },
});

export const csrfProtection: RequestHandler = csrfSynchronisedProtection;

/** Puts the session's token in res.locals for the forms of the page. */
export const csrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
