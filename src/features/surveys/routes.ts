import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { OWN_FILE, type Route } from "../../http/routes.ts";
import { EMPLOYMENT_STATUSES, SURVEY_DUE_STATE_LABELS, SURVEY_EMPLOYMENT_LABELS } from "../../domain/survey.ts";
import { ownAnswerSchema, staffAnswerSchema, surveyListQuerySchema, unreachableSchema } from "./schemas.ts";
import * as surveys from "./service.ts";

const employmentOptions = EMPLOYMENT_STATUSES.map((value) => ({ value, label: SURVEY_EMPLOYMENT_LABELS[value] }));
const VIEW_LABELS = { employment: SURVEY_EMPLOYMENT_LABELS, dueState: SURVEY_DUE_STATE_LABELS };

async function list(req: Request, res: Response) {
  const query = surveyListQuerySchema.parse(req.query);
  const result = await surveys.listSurveys(actorOf(req), query);
  res.render("surveys/list", { title: "Enquêtes de suivi", ...result, surveyLabels: VIEW_LABELS });
}

async function renderEntry(req: Request, res: Response, page: FormPage) {
  const found = await surveys.surveyInScope(actorOf(req), String(req.params.id));
  res.render("surveys/entry", {
    title: `Enquête à ${found.survey.monthsAfter} mois — ${found.survey.youth.firstName} ${found.survey.youth.lastName}`,
    ...found,
    ...page,
    employmentOptions,
    surveyLabels: VIEW_LABELS,
  });
}

async function showEntry(req: Request, res: Response) {
  await renderEntry(req, res, { values: {}, errors: {} });
}

const record = formAction({
  schema: staffAnswerSchema,
  inScope: (actor, req) => surveys.surveyInScope(actor, String(req.params.id)),
  act: (actor, form, req) => surveys.recordAnswer(actor, String(req.params.id), form),
  rejected: renderEntry,
  done: ({ youthName, monthsAfter }) => ({ to: "/surveys", flash: `Enquête à ${monthsAfter} mois de ${youthName} enregistrée.` }),
});

const unreachable = formAction({
  schema: unreachableSchema,
  inScope: (actor, req) => surveys.surveyInScope(actor, String(req.params.id)),
  act: (actor, _form, req) => surveys.recordUnreachable(actor, String(req.params.id)),
  rejected: renderEntry,
  done: ({ youthName, monthsAfter }) => ({
    to: "/surveys",
    flash: `Enquête à ${monthsAfter} mois : ${youthName} est noté·e injoignable.`,
  }),
});

async function renderOwn(req: Request, res: Response, page: FormPage) {
  const found = await surveys.ownSurvey(actorOf(req), String(req.params.id));
  res.render("surveys/own", { title: "Mon questionnaire", ...found, ...page, employmentOptions });
}

async function showOwn(req: Request, res: Response) {
  await renderOwn(req, res, { values: {}, errors: {} });
}

const answerOwn = formAction({
  schema: ownAnswerSchema,
  inScope: (actor, req) => surveys.ownSurvey(actor, String(req.params.id)),
  act: (actor, form, req) => surveys.answerOwnSurvey(actor, String(req.params.id), form),
  rejected: renderOwn,
  done: () => ({ to: "/me", flash: "Merci ! Vos réponses sont bien envoyées." }),
});

export const SURVEY_ROUTES: readonly Route[] = [
  { method: "get", path: "/surveys", permission: "survey:record", handler: list, audit: { kind: "list", entity: "FollowUpSurvey" } },
  {
    method: "get",
    path: "/surveys/:id",
    permission: "survey:record",
    handler: showEntry,
    audit: { kind: "record", entity: "FollowUpSurvey" },
  },
  { method: "post", path: "/surveys/:id", permission: "survey:record", handler: record },
  { method: "post", path: "/surveys/:id/unreachable", permission: "survey:record", handler: unreachable },
  { method: "get", path: "/me/surveys/:id", permission: "survey:answer-own", handler: showOwn, audit: OWN_FILE },
  { method: "post", path: "/me/surveys/:id", permission: "survey:answer-own", handler: answerOwn },
];
