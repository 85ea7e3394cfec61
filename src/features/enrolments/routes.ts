import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { FormValues } from "../../http/forms.ts";
import { REMC } from "../../domain/remc.ts";
import { parisIsoDay } from "../../domain/time.ts";
import { assessmentSchema, createEnrolmentSchema, GEARBOX_LABELS } from "./schemas.ts";
import * as enrolments from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, page: FormPage) {
  const options = await enrolments.enrolmentFormOptions(actorOf(req), String(req.params.id));
  res.render("enrolments/new", { title: "Inscrire en auto-école", ...options, ...page, gearboxLabels: GEARBOX_LABELS });
}

async function showNew(req: Request, res: Response) {
  await renderNew(req, res, { values: { gearbox: "MANUAL" }, errors: {} });
}

const create = formAction({
  schema: createEnrolmentSchema,
  act: (actor, form, req) => enrolments.createEnrolment(actor, String(req.params.id), form),
  rejected: renderNew,
  done: (_result, _form, req) => ({
    to: `/youths/${String(req.params.id)}`,
    flash: "Inscription enregistrée. L'auto-école doit maintenant faire l'évaluation de départ.",
  }),
});

async function renderAssessment(req: Request, res: Response, page: FormPage) {
  const enrolment = await enrolments.enrolmentSummary(actorOf(req), String(req.params.id));
  res.render("enrolments/assessment", {
    title: "Évaluation de départ",
    enrolment,
    ...page,
    gearboxLabels: GEARBOX_LABELS,
    minimumHours: REMC.minimumDrivingHours,
  });
}

async function showAssessment(req: Request, res: Response) {
  const enrolment = await enrolments.enrolmentSummary(actorOf(req), String(req.params.id));
  const values: FormValues = {
    assessedOn: parisIsoDay(enrolment.initialAssessmentAt ?? new Date()),
    gearbox: enrolment.gearbox,
    forecastHours: enrolment.forecastHours ? String(enrolment.forecastHours) : "",
    note: enrolment.initialAssessmentNote ?? "",
  };
  await renderAssessment(req, res, { values, errors: {} });
}

const assess = formAction({
  schema: assessmentSchema,
  act: (actor, form, req) => enrolments.recordInitialAssessment(actor, String(req.params.id), form),
  rejected: renderAssessment,
  done: (enrolment, form) => ({
    to: `/youths/${enrolment.youth.id}`,
    flash: `Évaluation de départ enregistrée : ${form.forecastHours} h de conduite prévues.`,
  }),
});

export const ENROLMENT_ROUTES: readonly Route[] = [
  {
    method: "get",
    path: "/youths/:id/enrolments/new",
    permission: "enrolment:manage",
    handler: showNew,
    audit: { kind: "record", entity: "Youth" },
  },
  { method: "post", path: "/youths/:id/enrolments", permission: "enrolment:manage", handler: create },
  {
    method: "get",
    path: "/enrolments/:id/assessment",
    permission: "enrolment:assess",
    handler: showAssessment,
    audit: { kind: "record", entity: "Enrolment" },
  },
  { method: "post", path: "/enrolments/:id/assessment", permission: "enrolment:assess", handler: assess },
];
