import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { setFlash } from "../../http/flash.ts";
import { DIFFICULTY_CATEGORY_LABELS } from "../../domain/enums.ts";
import { difficultyListQuerySchema, difficultySchema, resolutionSchema } from "./schemas.ts";
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

async function list(req: Request, res: Response) {
  const query = difficultyListQuerySchema.parse(req.query);
  const result = await difficulties.listDifficulties(actorOf(req), query);
  res.render("difficulties/list", { title: "Difficultés signalées", ...result });
}

const TAKE_CHARGE_FLASH = {
  taken: "Difficulté prise en charge : l'auto-école la voit suivie.",
  "already-taken": "Cette difficulté était déjà prise en charge.",
  resolved: "Cette difficulté est déjà résolue.",
} as const;

async function takeCharge(req: Request, res: Response) {
  const { youthId, outcome } = await difficulties.takeCharge(actorOf(req), String(req.params.id));
  setFlash(res, TAKE_CHARGE_FLASH[outcome]);
  res.redirect(303, `/youths/${youthId}`);
}

async function renderResolve(req: Request, res: Response, page: FormPage) {
  const found = await difficulties.difficultyToResolve(actorOf(req), String(req.params.id));
  res.render("difficulties/resolve", { title: "Résoudre une difficulté", ...found, ...page, categories: DIFFICULTY_CATEGORY_LABELS });
}

const resolve = formAction({
  schema: resolutionSchema,
  inScope: (actor, req) => difficulties.difficultyToResolve(actor, String(req.params.id)),
  act: (actor, form, req) => difficulties.resolveDifficulty(actor, String(req.params.id), form),
  rejected: renderResolve,
  done: ({ youthId, notified }) => ({
    to: `/youths/${youthId}`,
    flash: notified ? "Difficulté résolue : l'auto-école qui l'a signalée est prévenue." : "Difficulté résolue.",
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
  { method: "get", path: "/difficulties", permission: "difficulty:read", handler: list, audit: { kind: "list", entity: "Difficulty" } },
  { method: "post", path: "/difficulties/:id/take-charge", permission: "difficulty:handle", handler: takeCharge },
  { method: "post", path: "/difficulties/:id/resolve", permission: "difficulty:handle", handler: resolve },
];
