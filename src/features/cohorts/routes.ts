import type { Request, Response } from "express";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { cohortSchema, DEFAULT_AID_CAP_CENTS, DEFAULT_CONTRIBUTION_CENTS, quotaSchema } from "./schemas.ts";
import * as cohorts from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function list(_req: Request, res: Response) {
  res.render("cohorts/list", { title: "Promotions", cohorts: await cohorts.listCohorts() });
}

function renderNew(_req: Request, res: Response, page: FormPage) {
  res.render("cohorts/new", { title: "Nouvelle promotion", ...page });
}

function showNew(req: Request, res: Response) {
  renderNew(req, res, {
    values: { aidCap: String(DEFAULT_AID_CAP_CENTS / 100), contribution: String(DEFAULT_CONTRIBUTION_CENTS / 100) },
    errors: {},
  });
}

const create = formAction({
  schema: cohortSchema,
  act: (actor, form) => cohorts.createCohort(actor, form),
  rejected: renderNew,
  done: (id) => ({ to: `/cohorts/${id}`, flash: "La promotion est créée. Indiquez maintenant les places de chaque Mission Locale." }),
});

async function renderShow(req: Request, res: Response, page: FormPage) {
  const cohort = await cohorts.findCohort(String(req.params.id));
  res.render("cohorts/show", { title: cohort.cohort.name, ...cohort, ...page });
}

async function show(req: Request, res: Response) {
  await renderShow(req, res, { values: {}, errors: {} });
}

const setQuota = formAction({
  schema: quotaSchema,
  inScope: (_actor, req) => cohorts.findCohort(String(req.params.id)),
  act: (actor, form, req) => cohorts.setQuota(actor, String(req.params.id), form),
  rejected: renderShow,
  done: (_result, _form, req) => ({ to: `/cohorts/${String(req.params.id)}`, flash: "Les places sont enregistrées." }),
});

export const COHORT_ROUTES: readonly Route[] = [
  { method: "get", path: "/cohorts", permission: "cohort:manage", handler: list },
  { method: "get", path: "/cohorts/new", permission: "cohort:manage", handler: showNew },
  { method: "post", path: "/cohorts", permission: "cohort:manage", handler: create },
  { method: "get", path: "/cohorts/:id", permission: "cohort:manage", handler: show },
  { method: "post", path: "/cohorts/:id/quotas", permission: "cohort:manage", handler: setQuota },
];
