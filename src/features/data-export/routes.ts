import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";
import { NotFoundError } from "../../http/errors.ts";
import { exportYouthData, type EXPORT_ACTIONS } from "./service.ts";

function sendExport(res: Response, exported: Awaited<ReturnType<typeof exportYouthData>>) {
  res
    .type("application/json; charset=utf-8")
    // Quoted, and only characters no browser or header parser reads differently.
    .set("Content-Disposition", `attachment; filename="${exported.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`)
    .set("Cache-Control", "no-store")
    .send(JSON.stringify(exported.document, null, 2));
}

function exportFor(by: keyof typeof EXPORT_ACTIONS, youthIdOf: (req: Request) => string | null) {
  return async (req: Request, res: Response) => {
    const youthId = youthIdOf(req);
    if (!youthId) throw new NotFoundError();
    sendExport(res, await exportYouthData(actorOf(req), youthId, by));
  };
}

export const DATA_EXPORT_ROUTES: readonly Route[] = [
  {
    method: "get",
    path: "/me/export.json",
    permission: "me:export",
    handler: exportFor("own", (req) => actorOf(req).youthId),
    audit: YOUTH_BY_SERVICE,
  },
  {
    method: "get",
    path: "/youths/:id/export.json",
    permission: "youth:export",
    handler: exportFor("staff", (req) => String(req.params.id)),
    audit: YOUTH_BY_SERVICE,
  },
];
