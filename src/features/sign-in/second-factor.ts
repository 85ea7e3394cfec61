// The sign-in's second step, for an account enrolled in the second factor: the session whose
// password was right (not signed in yet) sends its code here.
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../../config.ts";
import { SECOND_FACTOR_SIGN_IN } from "../../auth/second-factor-gate.ts";
import type { FormPage } from "../../http/form-action.ts";
import { parseForm } from "../../http/forms.ts";
import type { Route } from "../../http/routes.ts";
import { homePathOf } from "../homes/service.ts";
import { checkSecondFactor } from "../second-factor/service.ts";
import { completeSignIn, type SignInSettings } from "./routes.ts";
import { secondFactorSignInSchema } from "./schemas.ts";
import { databaseThrottle, findSessionUser } from "./service.ts";
import { accountThrottleKeys } from "./throttling.ts";

type Settings = SignInSettings & Pick<Config, "pseudonymKey">;

const WRONG_CODE = "Code incorrect. Saisissez le code à 6 chiffres affiché maintenant par votre application, ou un code de secours.";
const TOO_MANY_ATTEMPTS =
  "Trop de tentatives de connexion. Par sécurité, la connexion est bloquée pendant 15 minutes. Réessayez plus tard.";
/** The code is due within this time after the password; then the sign-in starts again. */
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

function renderCodeForm(res: Response, page: FormPage) {
  res.render("sign-in/second-factor", { title: "Double authentification", ...page });
}

/** The sign-in waiting for its code, or undefined (none, or too old: dropped). */
function pendingOf(req: Request) {
  const pending = req.session?.pendingSignIn;
  if (pending && Date.now() - pending.at <= PENDING_MAX_AGE_MS) return pending;
  if (pending) delete req.session.pendingSignIn;
  return undefined;
}

function showCodeForm(req: Request, res: Response) {
  if (req.user) return res.redirect(302, homePathOf(req.user));
  if (!pendingOf(req)) return res.redirect(302, "/login");
  renderCodeForm(res, { values: {}, errors: {} });
}

function checkCode(settings: Settings) {
  const throttle = databaseThrottle("login");
  return async (req: Request, res: Response, next: NextFunction) => {
    const pending = pendingOf(req);
    if (!pending) return res.redirect(303, "/login?expire=1");
    const form = parseForm(secondFactorSignInSchema, req.body);
    if (!form.ok) return renderCodeForm(res.status(422), form);
    // The same counters as the password: a wrong code is one more failure for the account and IP.
    const keys = accountThrottleKeys(req, pending.id, settings.sessionSecret);
    if (!(await throttle.attempt(keys))) return renderCodeForm(res.status(429), { values: {}, errors: { _form: TOO_MANY_ATTEMPTS } });
    const user = await findSessionUser(pending.id, pending.v);
    if (!user) {
      delete req.session.pendingSignIn;
      return res.redirect(303, "/login");
    }
    if (!(await checkSecondFactor(user.id, form.data.code, settings.pseudonymKey))) {
      return renderCodeForm(res.status(401), { values: {}, errors: { code: WRONG_CODE } });
    }
    completeSignIn(req, res, next, user, settings, () => throttle.forgive(keys));
  };
}

/** Public rows (the session is not signed in yet); the gate lets such a session reach only these
 * and sign-out. */
export function secondFactorSignInRoutes(settings: Settings): readonly Route[] {
  return [
    { method: "get", path: SECOND_FACTOR_SIGN_IN, permission: "public", handler: showCodeForm },
    { method: "post", path: SECOND_FACTOR_SIGN_IN, permission: "public", handler: checkCode(settings) },
  ];
}
