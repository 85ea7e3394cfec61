import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { SKILL_LEVEL_LABELS } from "../../domain/remc.ts";
import { bookletQuerySchema, skillSchema } from "./schemas.ts";
import * as booklet from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderBooklet(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const lessonId = values.lessonId || bookletQuerySchema.parse(req.query).lessonId;
  const page = await booklet.bookletPage(actorOf(req), String(req.params.id), lessonId);
  const youth = page.enrolment.youth;
  res.status(status).render("booklet/show", { title: `Livret — ${youth.firstName} ${youth.lastName}`, ...page, values, errors });
}

async function show(req: Request, res: Response) {
  await renderBooklet(req, res, 200, {}, {});
}

async function assess(req: Request, res: Response) {
  const id = String(req.params.id);
  const form = parseForm(skillSchema, req.body);
  if (!form.ok) {
    await booklet.bookletPage(actorOf(req), id); // out of scope → 404 before any message
    return renderBooklet(req, res, 422, form.values, form.errors);
  }
  try {
    const { changed } = await booklet.recordSkill(actorOf(req), id, form.data);
    const level = SKILL_LEVEL_LABELS[form.data.level] ?? form.data.level;
    setFlash(req, changed ? `${form.data.skillCode} : ${level}.` : `${form.data.skillCode} était déjà au niveau « ${level} » : rien à changer.`);
    const back = `/enrolments/${id}/booklet${form.data.lessonId ? `?lessonId=${form.data.lessonId}` : ""}#skill-${form.data.skillCode}`;
    res.redirect(303, form.data.returnTo ?? back);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderBooklet(req, res, 422, values, errors);
  }
}

export const BOOKLET_ROUTES: readonly Route[] = [
  // Reading the booklet follows the training record (the youth and the counsellor may print it).
  { method: "get", path: "/enrolments/:id/booklet", permission: "youth:read-training", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/enrolments/:id/skills", permission: "skill:assess", handler: assess },
];
