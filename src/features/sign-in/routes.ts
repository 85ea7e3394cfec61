import type { NextFunction, Request, RequestHandler, Response } from "express";
import cookieParser from "cookie-parser";
import type passport from "passport";
import type { Config } from "../../config.ts";
import { FormError } from "../../http/errors.ts";
import { formRejection, parseForm } from "../../http/forms.ts";
import { FLASH_COOKIE, flashCookieOptions, setFlash } from "../../http/flash.ts";
import type { Route } from "../../http/routes.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../http/session.ts";
import type { FailureThrottle } from "../../http/throttle.ts";
import { DEVICE_COOKIE, deviceCookieOptions, issueDeviceToken } from "../../auth/device-cookies.ts";
import { recordAudit } from "../audit/service.ts";
import { activateAccount } from "../accounts/service.ts";
import { homePathOf } from "../homes/service.ts";
import { activationSchema, signInSchema } from "./schemas.ts";
import { databaseThrottle, type SignedInUser } from "./service.ts";
import { SECOND_FACTOR_ENROLMENT, SECOND_FACTOR_SIGN_IN } from "../../auth/second-factor-gate.ts";
import { secondFactorRequired } from "../../auth/policy.ts";
import { activationThrottleKeys, signInThrottleKeys } from "./throttling.ts";

const BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
const TOO_MANY_ATTEMPTS =
  "Trop de tentatives de connexion. Par sécurité, la connexion est bloquée pendant 15 minutes. Réessayez plus tard ou demandez un nouveau code à votre conseiller·ère.";
const TOO_MANY_ACTIVATIONS =
  "Trop de codes refusés. Par sécurité, l'activation est bloquée pendant 15 minutes. Réessayez plus tard ou demandez un nouveau code à votre conseiller·ère.";

export type SignInSettings = Pick<Config, "sessionSecret" | "cookieSecure" | "requireTotp">;

function showSignIn(req: Request, res: Response) {
  if (req.user) return res.redirect(302, homePathOf(req.user));
  res.render("sign-in/login", { title: "Connexion", values: {}, errors: {}, expired: req.query.expire === "1" });
}

function tooManyAttempts(res: Response) {
  res.status(429).render("sign-in/login", { title: "Connexion", values: {}, errors: { _form: TOO_MANY_ATTEMPTS }, expired: false });
}

function badCredentials(res: Response, email: string) {
  res.status(401).render("sign-in/login", { title: "Connexion", values: { email }, errors: { _form: BAD_CREDENTIALS }, expired: false });
}

function signIn(auth: passport.PassportStatic, throttle: FailureThrottle, settings: SignInSettings) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const form = parseForm(signInSchema, req.body);
    if (!form.ok) return res.status(422).render("sign-in/login", { title: "Connexion", ...form, expired: false });
    // passport-local reads the identifier from the body: the parsed one, as the counters see it.
    req.body = { ...(req.body as object), email: form.data.email };
    const keys = await signInThrottleKeys(req, form.data.email, settings.sessionSecret);
    // Counted before the password is checked: once blocked, even the right password gets 429.
    if (!(await throttle.attempt(keys))) return tooManyAttempts(res);
    const authenticate = auth.authenticate("local", (error: unknown, user: SignedInUser | false) => {
      if (error) return next(error);
      if (!user) return badCredentials(res, form.data.email);
      if (user.secondFactor) return awaitSecondFactor(req, res, next, user, () => throttle.forgive(keys));
      completeSignIn(req, res, next, user, settings, () => throttle.forgive(keys));
    }) as RequestHandler;
    authenticate(req, res, next);
  };
}

/** The password was right for an account enrolled in the second factor: a new session that is not
 * signed in, only marked as waiting for the code (src/auth/second-factor-gate.ts keeps it there). */
function awaitSecondFactor(req: Request, res: Response, next: NextFunction, user: SignedInUser, forgive: () => Promise<void>) {
  req.session.regenerate((error) => {
    if (error) return next(error);
    req.session.pendingSignIn = { id: user.id, v: user.sessionVersion, at: Date.now() };
    forgive()
      .then(() => res.redirect(303, SECOND_FACTOR_SIGN_IN))
      .catch(next);
  });
}

/** Signs the person in (after the password, or after the second factor): a new session, a device
 * cookie for this browser, the failure counted by the throttle taken back, the event audited. */
export function completeSignIn(
  req: Request,
  res: Response,
  next: NextFunction,
  user: SignedInUser,
  settings: SignInSettings,
  forgive: () => Promise<void>,
) {
  const enrolmentDue = settings.requireTotp && secondFactorRequired(user) && !user.secondFactor;
  // passport 0.7 regenerates the session here (no session fixation).
  req.login(user, (loginError) => {
    if (loginError) return next(loginError);
    req.session.signedInAt = Date.now();
    // A fresh device cookie at each success: this browser is trusted for this account.
    res.cookie(DEVICE_COOKIE, issueDeviceToken(settings.sessionSecret, user.id), deviceCookieOptions(settings.cookieSecure));
    Promise.all([forgive(), recordAudit({ actorId: user.id, action: "SIGN_IN", entity: "User", entityId: user.id })])
      .then(() => res.redirect(303, enrolmentDue ? SECOND_FACTOR_ENROLMENT : homePathOf(user)))
      .catch(next);
  });
}

function signOut(settings: SignInSettings) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const actorId = req.user?.id;
    if (actorId) await recordAudit({ actorId, action: "SIGN_OUT", entity: "User", entityId: actorId });
    req.logout((error) => {
      if (error) return next(error);
      req.session.destroy(() => {
        // Same options as when it was set, or the browser keeps it.
        res.clearCookie(SESSION_COOKIE, sessionCookieOptions(settings.cookieSecure));
        res.clearCookie(FLASH_COOKIE, flashCookieOptions(settings.cookieSecure));
        res.redirect(303, "/login");
      });
    });
  };
}

function showActivation(_req: Request, res: Response) {
  res.render("sign-in/activate", { title: "Activer mon compte", values: {}, errors: {} });
}

function activate(throttle: FailureThrottle) {
  return async (req: Request, res: Response) => {
    const form = parseForm(activationSchema, req.body);
    if (!form.ok) return res.status(422).render("sign-in/activate", { title: "Activer mon compte", ...form });
    const keys = activationThrottleKeys(req, form.data.code);
    if (!(await throttle.attempt(keys))) {
      return res
        .status(429)
        .render("sign-in/activate", { title: "Activer mon compte", values: {}, errors: { _form: TOO_MANY_ACTIVATIONS } });
    }
    try {
      await activateAccount(form.data.code, form.data.password);
    } catch (error) {
      // Only a refused code counts: a weak password with the right code guesses nothing.
      if (!(error instanceof FormError && error.field === "code")) await throttle.forgive(keys);
      // The code is kept in the form: a 28-character code with one typo is corrected, not retyped.
      return res.status(422).render("sign-in/activate", { title: "Activer mon compte", ...formRejection(error, req.body) });
    }
    await throttle.forgive(keys);
    setFlash(res, "Votre compte est activé. Connectez-vous avec votre nouveau mot de passe.");
    res.redirect(303, "/login");
  };
}

/** Public routes: mounted before requireAuth. The failure counters are in the database, shared
 * by every server process. */
export function signInRoutes(auth: passport.PassportStatic, settings: SignInSettings): readonly Route[] {
  const signInThrottle = databaseThrottle("login");
  const activationThrottle = databaseThrottle("activate");
  return [
    { method: "get", path: "/login", permission: "public", handler: showSignIn },
    { method: "post", path: "/login", permission: "public", before: [cookieParser()], handler: signIn(auth, signInThrottle, settings) },
    { method: "post", path: "/logout", permission: "public", handler: signOut(settings) },
    { method: "get", path: "/activate", permission: "public", handler: showActivation },
    { method: "post", path: "/activate", permission: "public", handler: activate(activationThrottle) },
  ];
}
