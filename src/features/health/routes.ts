import type { Request, Response } from "express";
import type { Route } from "../../http/routes.ts";
import { databaseAnswers } from "./service.ts";

async function health(_req: Request, res: Response) {
  if (await databaseAnswers()) return res.json({ status: "ok" });
  res.status(503).json({ status: "unavailable" });
}

// Liveness only: the process answers. No database, so a slow or locked database does not get a
// working process restarted; and it is the benchmark's ceiling, the cost of the stack alone.
function live(_req: Request, res: Response) {
  res.json({ status: "alive" });
}

export const HEALTH_ROUTES: readonly Route[] = [
  { method: "get", path: "/livez", permission: "public", handler: live },
  { method: "get", path: "/health", permission: "public", handler: health },
];
