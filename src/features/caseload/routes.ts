import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import type { Route } from "../../http/routes.ts";
import { caseloadQuerySchema } from "./schemas.ts";
import * as caseloads from "./service.ts";

async function list(req: Request, res: Response) {
  const query = caseloadQuerySchema.parse(req.query);
  const result = await caseloads.caseload(actorOf(req), query);
  res.render("caseload/list", { title: "Suivi des jeunes", ...result, query });
}

export const CASELOAD_ROUTES: readonly Route[] = [
  { method: "get", path: "/caseload", permission: "caseload:view", handler: list, audit: { kind: "list", entity: "Youth" } },
];
