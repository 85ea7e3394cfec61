import type { RequestHandler } from "express";
import { csrfSync } from "csrf-sync";

// Synchroniser token kept in the session, sent back as the `_csrf` field of every form.
const { csrfSynchronisedProtection, generateToken } = csrfSync({
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
