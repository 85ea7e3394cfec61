import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

/** A fresh nonce per response, for the rare inline <script> a page needs (none needs one yet). */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

/** helmet with a strict CSP: scripts only from this origin or with the response's nonce,
 * no inline styles, no framing, forms only to this origin. */
export function securityHeaders(cookieSecure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: Express.Locals }).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: cookieSecure,
    referrerPolicy: { policy: "same-origin" },
  });
}

/** Signed-in pages hold personal data: never kept by the browser or a proxy. */
export const noStore: RequestHandler = (req, res, next) => {
  if (req.user) res.setHeader("Cache-Control", "no-store");
  next();
};
