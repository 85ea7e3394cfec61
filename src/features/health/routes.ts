import type { Request, Response } from "express";
import type { Route } from "../../http/routes.ts";
import { databaseAnswers } from "./service.ts";

async function health(_req: Request, res: Response) {
  if (await databaseAnswers()) return res.json({ status: "ok" });
  res.status(503).json({ status: "unavailable" });
}

export const HEALTH_ROUTES: readonly Route[] = [{ method: "get", path: "/health", permission: "public", handler: health }];
