import type { NextFunction, Request, Response } from "express";
import type passport from "passport";
import { formRejection, parseForm } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { signInLimiters } from "../../http/rate-limits.ts";
import type { Route } from "../../http/routes.ts";
import { recordAudit } from "../audit/service.ts";
import { activateAccount } from "../accounts/service.ts";
import { homePathOf } from "../homes/paths.ts";
import { activationSchema, signInSchema } from "./schemas.ts";

const BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
const TOO_MANY_ATTEMPTS =
  "Trop de tentatives de connexion. Par sécurité, la connexion est bloquée pendant 15 minutes. Réessayez plus tard ou demandez un nouveau code à votre conseiller·ère.";

function showSignIn(req: Request, res: Response) {
  if (req.user) return res.redirect(302, homePathOf(req.user));
  res.render("sign-in/login", { title: "Connexion", values: {}, errors: {}, expired: req.query.expire === "1" });
}

function tooManyAttempts(_req: Request, res: Response) {
  res.status(429).render("sign-in/login", { title: "Connexion", values: {}, errors: { _form: TOO_MANY_ATTEMPTS }, expired: false });
}

function signIn(auth: passport.PassportStatic) {
  return (req: Request, res: Response, next: NextFunction) => {
    const form = parseForm(signInSchema, req.body);
    if (!form.ok) return res.status(422).render("sign-in/login", { title: "Connexion", ...form, expired: false });
    auth.authenticate("local", (error: unknown, user: Express.User | false) => {
      if (error) return next(error);
      if (!user) {
        return res.status(401).render("sign-in/login", {
          title: "Connexion",
          values: { email: form.data.email },
          errors: { _form: BAD_CREDENTIALS },
          expired: false,
        });
      }
      // passport 0.7 regenerates the session here (no session fixation).
      req.login(user, (loginError) => {
        if (loginError) return next(loginError);
        req.session.signedInAt = Date.now();
        recordAudit({ actorId: user.id, action: "SIGN_IN", entity: "User", entityId: user.id })
          .then(() => res.redirect(303, homePathOf(user)))
          .catch(next);
      });
    })(req, res, next);
  };
}

async function signOut(req: Request, res: Response, next: NextFunction) {
  const actorId = req.user?.id;
  if (actorId) await recordAudit({ actorId, action: "SIGN_OUT", entity: "User", entityId: actorId });
  req.logout((error) => {
    if (error) return next(error);
    req.session.destroy(() => res.redirect(303, "/login"));
  });
}

function showActivation(_req: Request, res: Response) {
  res.render("sign-in/activate", { title: "Activer mon compte", values: {}, errors: {} });
}

async function activate(req: Request, res: Response) {
  const form = parseForm(activationSchema, req.body);
  if (!form.ok) return res.status(422).render("sign-in/activate", { title: "Activer mon compte", ...form });
  try {
    await activateAccount(form.data.code, form.data.password);
  } catch (error) {
    // The code is kept in the form: a 28-character code with one typo is corrected, not retyped.
    return res.status(422).render("sign-in/activate", { title: "Activer mon compte", ...formRejection(error, req.body) });
  }
  setFlash(req, "Votre compte est activé. Connectez-vous avec votre nouveau mot de passe.");
  res.redirect(303, "/login");
}

/** Public routes: mounted before requireAuth. */
export function signInRoutes(auth: passport.PassportStatic): readonly Route[] {
  return [
    { method: "get", path: "/login", permission: "public", handler: showSignIn },
    { method: "post", path: "/login", permission: "public", before: signInLimiters(tooManyAttempts), handler: signIn(auth) },
    { method: "post", path: "/logout", permission: "public", handler: signOut },
    { method: "get", path: "/activate", permission: "public", handler: showActivation },
    { method: "post", path: "/activate", permission: "public", handler: activate },
  ];
}
