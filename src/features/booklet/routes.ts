import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { SKILL_LEVEL_LABELS } from "../../domain/remc.ts";
import { bookletQuerySchema, skillSchema } from "./schemas.ts";
import * as booklet from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderBooklet(req: Request, res: Response, page: FormPage) {
  const lessonId = page.values.lessonId || bookletQuerySchema.parse(req.query).lessonId;
  const shown = await booklet.bookletPage(actorOf(req), String(req.params.id), lessonId);
  const youth = shown.enrolment.youth;
  res.render("booklet/show", { title: `Livret — ${youth.firstName} ${youth.lastName}`, ...shown, ...page });
}

async function show(req: Request, res: Response) {
  await renderBooklet(req, res, { values: {}, errors: {} });
}

const assess = formAction({
  schema: skillSchema,
  inScope: (actor, req) => booklet.ensureBookletInScope(actor, String(req.params.id)),
  act: (actor, form, req) => booklet.recordSkill(actor, String(req.params.id), form),
  rejected: renderBooklet,
  done: ({ changed }, form, req) => {
    const level = SKILL_LEVEL_LABELS[form.level] ?? form.level;
    const back = `/enrolments/${String(req.params.id)}/booklet${form.lessonId ? `?lessonId=${form.lessonId}` : ""}#skill-${form.skillCode}`;
    return {
      to: form.returnTo ?? back,
      flash: changed ? `${form.skillCode} : ${level}.` : `${form.skillCode} était déjà au niveau « ${level} » : rien à changer.`,
    };
  },
});

export const BOOKLET_ROUTES: readonly Route[] = [
  // Reading the booklet follows the training record (the youth and the counsellor may print it).
  { method: "get", path: "/enrolments/:id/booklet", permission: "youth:read-training", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/enrolments/:id/skills", permission: "skill:assess", handler: assess },
];
