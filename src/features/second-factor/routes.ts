import type { Request, Response } from "express";
import QRCode from "qrcode";
import type { Config } from "../../config.ts";
import { actorOf } from "../../auth/middleware.ts";
import { secondFactorRequired } from "../../auth/policy.ts";
import { SECOND_FACTOR_ENROLMENT } from "../../auth/second-factor-gate.ts";
import { RECOVERY_CODE_COUNT, totpUri } from "../../auth/totp.ts";
import { FormError } from "../../http/errors.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { Route } from "../../http/routes.ts";
import { homePathOf } from "../homes/service.ts";
import { secondFactorCodeSchema } from "./schemas.ts";
import * as secondFactor from "./service.ts";

type Settings = Pick<Config, "pseudonymKey" | "requireTotp">;

const SIGN_IN_TITLE = "Double authentification";
const REQUIRED_FOR_ROLE = "La double authentification est obligatoire pour votre rôle : elle ne peut pas être désactivée.";

function manage(settings: Settings) {
  const required = (req: Request) => settings.requireTotp && secondFactorRequired(actorOf(req));

  async function render(req: Request, res: Response, page: FormPage) {
    const status = await secondFactor.secondFactorStatus(actorOf(req), settings.pseudonymKey);
    if (status.enabled) {
      return res.render("second-factor/status", { title: SIGN_IN_TITLE, status, required: required(req), ...page });
    }
    const qrSvg = await QRCode.toString(totpUri(status.secret, status.label), { type: "svg", margin: 2 });
    res.render("second-factor/enrol", {
      title: SIGN_IN_TITLE,
      secret: status.secret,
      qrSvg,
      required: required(req),
      recoveryCodeCount: RECOVERY_CODE_COUNT,
      ...page,
    });
  }

  const enrol = formAction({
    schema: secondFactorCodeSchema,
    act: (actor, form) => secondFactor.confirmEnrolment(actor, form.code, settings.pseudonymKey),
    rejected: render,
    // Shown once, in the response of the POST that made them: never stored but as hashes.
    respond: (req, res, codes) =>
      res.render("second-factor/recovery-codes", { title: "Codes de secours", codes, next: homePathOf(actorOf(req)) }),
  });

  const disable = formAction({
    schema: secondFactorCodeSchema,
    act: async (actor, form, req) => {
      if (required(req)) throw new FormError("_form", REQUIRED_FOR_ROLE);
      await secondFactor.disableSecondFactor(actor, form.code, settings.pseudonymKey);
    },
    rejected: render,
    done: () => ({ to: SECOND_FACTOR_ENROLMENT, flash: "La double authentification est désactivée." }),
  });

  return { show: (req: Request, res: Response) => render(req, res, { values: {}, errors: {} }), enrol, disable };
}

/** One's own second factor: enrolment (QR code, secret, first code), status, turning it off. */
export function secondFactorRoutes(settings: Settings): readonly Route[] {
  const handlers = manage(settings);
  return [
    { method: "get", path: SECOND_FACTOR_ENROLMENT, permission: "second-factor:manage", handler: handlers.show },
    { method: "post", path: SECOND_FACTOR_ENROLMENT, permission: "second-factor:manage", handler: handlers.enrol },
    { method: "post", path: `${SECOND_FACTOR_ENROLMENT}/disable`, permission: "second-factor:manage", handler: handlers.disable },
  ];
}
