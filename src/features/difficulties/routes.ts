import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { DIFFICULTY_CATEGORY_LABELS } from "../../domain/enums.ts";
import { difficultySchema } from "./schemas.ts";
import * as difficulties from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, page: FormPage) {
  const form = await difficulties.difficultyFormFor(actorOf(req), String(req.params.id));
  res.render("difficulties/new", { title: "Signaler une difficulté", ...form, ...page, categories: DIFFICULTY_CATEGORY_LABELS });
}

async function showNew(req: Request, res: Response) {
  await renderNew(req, res, { values: {}, errors: {} });
}

const report = formAction({
  schema: difficultySchema,
  act: (actor, form, req) => difficulties.reportDifficulty(actor, String(req.params.id), form),
  rejected: renderNew,
  done: ({ youthId, notified, duplicate }) => ({
    to: `/youths/${youthId}`,
    flash: duplicate
      ? "Cette difficulté venait d'être signalée : elle n'est enregistrée qu'une fois."
      : notified
        ? "Difficulté signalée : le ou la référent·e du jeune est prévenu·e."
        : "Difficulté signalée. Ce jeune n'a pas encore de référent·e désigné·e : la Mission Locale la verra dans son suivi.",
  }),
});

export const DIFFICULTY_ROUTES: readonly Route[] = [
  {
    method: "get",
    path: "/enrolments/:id/difficulties/new",
    permission: "difficulty:report",
    handler: showNew,
    audit: { kind: "record", entity: "Enrolment" },
  },
  { method: "post", path: "/enrolments/:id/difficulties", permission: "difficulty:report", handler: report },
];
