import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { ownYouthId, viewYouthFile } from "./service.ts";
import { ownApplication } from "../applications/service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function show(req: Request, res: Response) {
  const file = await viewYouthFile(actorOf(req), String(req.params.id));
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file });
}

async function me(req: Request, res: Response) {
  const actor = actorOf(req);
  const [file, own] = await Promise.all([viewYouthFile(actor, ownYouthId(actor)), ownApplication(actor)]);
  res.render("youths/me", { title: "Mon parcours", ...file, own });
}

export const YOUTH_ROUTES: readonly Route[] = [
  { method: "get", path: "/me", permission: "me:view", handler: me, audit: YOUTH_BY_SERVICE },
  { method: "get", path: "/youths/:id", permission: "youth:read", handler: show, audit: YOUTH_BY_SERVICE },
];
