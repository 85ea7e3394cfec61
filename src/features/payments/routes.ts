import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { enrolmentSummary } from "../enrolments/service.ts";
import { viewYouthFile } from "../youths/service.ts";
import { paymentSchema } from "./schemas.ts";
import { recordPayment } from "./service.ts";
import type { Route } from "../../http/routes.ts";

/** The form sits on the youth file: a refused payment brings the file back, the form open with
 * what was typed and the reason by its field. */
async function renderFile(req: Request, res: Response, page: FormPage) {
  const actor = actorOf(req);
  const enrolment = await enrolmentSummary(actor, String(req.params.id));
  const file = await viewYouthFile(actor, enrolment.youth.id);
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file, paymentForm: page });
}

const record = formAction({
  schema: paymentSchema,
  inScope: (actor, req) => enrolmentSummary(actor, String(req.params.id)),
  act: (actor, form, req) => recordPayment(actor, String(req.params.id), form),
  rejected: renderFile,
  done: ({ youthId, duplicate }, form) => ({
    to: `/youths/${youthId}#financement`,
    flash: duplicate
      ? "Ce paiement venait d'être enregistré : il ne l'est qu'une fois."
      : form.amount < 0
        ? "Correction enregistrée."
        : "Paiement enregistré.",
  }),
});

export const PAYMENT_ROUTES: readonly Route[] = [
  { method: "post", path: "/enrolments/:id/payments", permission: "payment:record", handler: record },
];
