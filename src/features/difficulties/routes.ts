import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { DIFFICULTY_CATEGORY_LABELS } from "../../domain/enums.ts";
import { difficultySchema } from "./schemas.ts";
import * as difficulties from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const page = await difficulties.difficultyFormFor(actorOf(req), String(req.params.id));
  res.status(status).render("difficulties/new", { title: "Signaler une difficulté", ...page, values, errors, categories: DIFFICULTY_CATEGORY_LABELS });
}

async function showNew(req: Request, res: Response) {
  await renderNew(req, res, 200, {}, {});
}

async function report(req: Request, res: Response) {
  const form = parseForm(difficultySchema, req.body);
  if (!form.ok) return renderNew(req, res, 422, form.values, form.errors);
  const { youthId, notified, duplicate } = await difficulties.reportDifficulty(actorOf(req), String(req.params.id), form.data);
  setFlash(req, duplicate ? "Cette difficulté venait d'être signalée : elle n'est enregistrée qu'une fois." : notified ? "Difficulté signalée : le ou la référent·e du jeune est prévenu·e." : "Difficulté signalée. Ce jeune n'a pas encore de référent·e désigné·e : la Mission Locale la verra dans son suivi.");
  res.redirect(303, `/youths/${youthId}`);
}

export const DIFFICULTY_ROUTES: readonly Route[] = [
  { method: "get", path: "/enrolments/:id/difficulties/new", permission: "difficulty:report", handler: showNew, audit: { kind: "record", entity: "Enrolment" } },
  { method: "post", path: "/enrolments/:id/difficulties", permission: "difficulty:report", handler: report },
];
