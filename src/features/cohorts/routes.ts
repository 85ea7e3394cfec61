import { Router, type Request, type Response } from "express";
import { actorOf, requirePermission } from "../../auth/middleware.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { cohortSchema, DEFAULT_AID_CAP_CENTS, DEFAULT_CONTRIBUTION_CENTS, quotaSchema } from "./schemas.ts";
import * as cohorts from "./service.ts";

async function list(_req: Request, res: Response) {
  res.render("cohorts/list", { title: "Promotions", cohorts: await cohorts.listCohorts() });
}

function renderNew(res: Response, status: number, values: FormValues, errors: FieldErrors) {
  res.status(status).render("cohorts/new", { title: "Nouvelle promotion", values, errors });
}

function showNew(_req: Request, res: Response) {
  renderNew(res, 200, { aidCap: String(DEFAULT_AID_CAP_CENTS / 100), contribution: String(DEFAULT_CONTRIBUTION_CENTS / 100) }, {});
}

async function create(req: Request, res: Response) {
  const form = parseForm(cohortSchema, req.body);
  if (!form.ok) return renderNew(res, 422, form.values, form.errors);
  try {
    const id = await cohorts.createCohort(actorOf(req), form.data);
    setFlash(req, "La promotion est créée. Indiquez maintenant les places de chaque Mission Locale.");
    res.redirect(303, `/cohorts/${id}`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    renderNew(res, 422, values, errors);
  }
}

async function renderShow(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const page = await cohorts.findCohort(String(req.params.id));
  res.status(status).render("cohorts/show", { title: page.cohort.name, ...page, values, errors });
}

async function show(req: Request, res: Response) {
  await renderShow(req, res, 200, {}, {});
}

async function setQuota(req: Request, res: Response) {
  const form = parseForm(quotaSchema, req.body);
  if (!form.ok) return renderShow(req, res, 422, form.values, form.errors);
  try {
    await cohorts.setQuota(actorOf(req), String(req.params.id), form.data);
    setFlash(req, "Les places sont enregistrées.");
    res.redirect(303, `/cohorts/${String(req.params.id)}`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderShow(req, res, 422, values, errors);
  }
}

export function cohortRoutes(): Router {
  const router = Router();
  router.get("/cohorts", requirePermission("cohort:manage"), list);
  router.get("/cohorts/new", requirePermission("cohort:manage"), showNew);
  router.post("/cohorts", requirePermission("cohort:manage"), create);
  router.get("/cohorts/:id", requirePermission("cohort:manage"), show);
  router.post("/cohorts/:id/quotas", requirePermission("cohort:manage"), setQuota);
  return router;
}
