import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { ownYouthId, viewYouthFile, youthLessons } from "./service.ts";
import { lessonsQuerySchema } from "./schemas.ts";
import { ownApplication } from "../applications/service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";
import type { FormPage } from "../../http/form-action.ts";

async function show(req: Request, res: Response) {
  const file = await viewYouthFile(actorOf(req), String(req.params.id));
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file });
}

/** The /me page; with a "Je ne pourrai pas venir" form sent back (422) open on its lesson. */
export async function renderMe(req: Request, res: Response, absenceNotice?: FormPage & { lessonId: string }) {
  const actor = actorOf(req);
  const [file, own] = await Promise.all([viewYouthFile(actor, ownYouthId(actor)), ownApplication(actor)]);
  res.render("youths/me", { title: "Mon parcours", ...file, own, absenceNotice });
}

async function me(req: Request, res: Response) {
  await renderMe(req, res);
}

async function lessons(req: Request, res: Response) {
  const query = lessonsQuerySchema.parse(req.query);
  const result = await youthLessons(actorOf(req), String(req.params.id), query.page);
  res.render("youths/lessons", { title: `Leçons — ${result.youth.firstName} ${result.youth.lastName}`, ...result, now: new Date() });
}

export const YOUTH_ROUTES: readonly Route[] = [
  { method: "get", path: "/me", permission: "me:view", handler: me, audit: YOUTH_BY_SERVICE },
  { method: "get", path: "/youths/:id", permission: "youth:read", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "get", path: "/youths/:id/lessons", permission: "youth:read-training", handler: lessons, audit: YOUTH_BY_SERVICE },
];
