import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

const NONCE_BYTES = 16;
// Random bytes drawn for 256 nonces at a time: a draw costs about 5 µs whatever its size (as
// crypto.randomUUID does with its own pool). Each nonce is used once.
const NONCE_POOL_BYTES = NONCE_BYTES * 256;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(): string {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64", nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/** A fresh nonce per response, for the rare inline <script> a page needs (none needs one yet). */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = freshNonce();
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
