import type { Request, RequestHandler, Response } from "express";
import { secondFactorRequired } from "./policy.ts";

export const SECOND_FACTOR_SIGN_IN = "/login/second-factor";
export const SECOND_FACTOR_ENROLMENT = "/account/second-factor";
const SIGN_OUT = "/logout";

function holdBack(req: Request, res: Response, to: string) {
  if (req.method === "GET" || req.method === "HEAD") return res.redirect(302, to);
  res.status(401).render("errors/401", { title: "Connexion requise" });
}

/** Mounted before every page (static files and probes come earlier): a session whose password was
 * right but whose code is still due reaches only the code's page and sign-out; with REQUIRE_TOTP,
 * a coordinator or evaluator not enrolled yet reaches only the enrolment and sign-out. */
export function secondFactorGate(requireTotp: boolean): RequestHandler {
  return (req, res, next) => {
    if (req.session?.pendingSignIn && !req.user) {
      if (req.path === SECOND_FACTOR_SIGN_IN || req.path === SIGN_OUT) return next();
      return holdBack(req, res, SECOND_FACTOR_SIGN_IN);
    }
    if (requireTotp && req.user && !req.user.secondFactor && secondFactorRequired(req.user)) {
      if (req.path === SECOND_FACTOR_ENROLMENT || req.path === SIGN_OUT) return next();
      return holdBack(req, res, SECOND_FACTOR_ENROLMENT);
    }
    next();
  };
}
