import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { REMC } from "../../domain/remc.ts";
import { parisIsoDay } from "../../domain/time.ts";
import { assessmentSchema, createEnrolmentSchema, GEARBOX_LABELS } from "./schemas.ts";
import * as enrolments from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const options = await enrolments.enrolmentFormOptions(actorOf(req), String(req.params.id));
  res.status(status).render("enrolments/new", { title: "Inscrire en auto-école", ...options, values, errors, gearboxLabels: GEARBOX_LABELS });
}

async function showNew(req: Request, res: Response) {
  await renderNew(req, res, 200, { gearbox: "MANUAL" }, {});
}

async function create(req: Request, res: Response) {
  const form = parseForm(createEnrolmentSchema, req.body);
  if (!form.ok) return renderNew(req, res, 422, form.values, form.errors);
  try {
    await enrolments.createEnrolment(actorOf(req), String(req.params.id), form.data);
    setFlash(req, "Inscription enregistrée. L'auto-école doit maintenant faire l'évaluation de départ.");
    res.redirect(303, `/youths/${String(req.params.id)}`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderNew(req, res, 422, values, errors);
  }
}

async function renderAssessment(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const enrolment = await enrolments.enrolmentSummary(actorOf(req), String(req.params.id));
  res.status(status).render("enrolments/assessment", {
    title: "Évaluation de départ",
    enrolment,
    values,
    errors,
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
  await renderAssessment(req, res, 200, values, {});
}

async function assess(req: Request, res: Response) {
  const form = parseForm(assessmentSchema, req.body);
  if (!form.ok) return renderAssessment(req, res, 422, form.values, form.errors);
  try {
    const enrolment = await enrolments.recordInitialAssessment(actorOf(req), String(req.params.id), form.data);
    setFlash(req, `Évaluation de départ enregistrée : ${form.data.forecastHours} h de conduite prévues.`);
    res.redirect(303, `/youths/${enrolment.youth.id}`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderAssessment(req, res, 422, values, errors);
  }
}

export const ENROLMENT_ROUTES: readonly Route[] = [
  { method: "get", path: "/youths/:id/enrolments/new", permission: "enrolment:manage", handler: showNew, audit: { kind: "record", entity: "Youth" } },
  { method: "post", path: "/youths/:id/enrolments", permission: "enrolment:manage", handler: create },
  { method: "get", path: "/enrolments/:id/assessment", permission: "enrolment:assess", handler: showAssessment, audit: { kind: "record", entity: "Enrolment" } },
  { method: "post", path: "/enrolments/:id/assessment", permission: "enrolment:assess", handler: assess },
];
