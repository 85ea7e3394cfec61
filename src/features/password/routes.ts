import type { NextFunction, Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formRejection, parseForm } from "../../http/forms.ts";
import type { FormPage } from "../../http/form-action.ts";
import { setFlash } from "../../http/flash.ts";
import type { Route } from "../../http/routes.ts";
import { findSessionUser } from "../sign-in/service.ts";
import { passwordChangeSchema } from "./schemas.ts";
import { changePassword, endOtherSessions } from "./service.ts";

const TITLE = "Changer mon mot de passe";

function render(res: Response, page: FormPage) {
  res.render("password/change", { title: TITLE, ...page });
}

async function change(req: Request, res: Response, next: NextFunction) {
  const actor = actorOf(req);
  const form = parseForm(passwordChangeSchema, req.body);
  if (!form.ok) return render(res.status(422), { values: {}, errors: form.errors });
  let version: number;
  try {
    version = await changePassword(actor, form.data.currentPassword, form.data.password);
  } catch (error) {
    // Passwords are never sent back into the form.
    return render(res.status(422), { ...formRejection(error, {}), values: {} });
  }
  const user = await findSessionUser(actor.id, version);
  if (!user) return res.redirect(303, "/login");
  const signedInAt = req.session.signedInAt;
  // This session stays, under a new id and the new sessionVersion; every other one ends.
  req.login(user, (error) => {
    if (error) return next(error);
    req.session.signedInAt = signedInAt;
    endOtherSessions(actor, req.sessionID)
      .then(() => {
        setFlash(res, "Votre mot de passe est changé. Vos autres sessions sont fermées.");
        res.redirect(303, "/account/password");
      })
      .catch(next);
  });
}

export const PASSWORD_ROUTES: readonly Route[] = [
  {
    method: "get",
    path: "/account/password",
    permission: "password:change",
    handler: (_req, res) => render(res, { values: {}, errors: {} }),
  },
  { method: "post", path: "/account/password", permission: "password:change", handler: change },
];
