import { Router } from "express";
import { databaseAnswers } from "./service.ts";

export function healthRoutes(): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    if (await databaseAnswers()) return res.json({ status: "ok" });
    res.status(503).json({ status: "unavailable" });
  });
  return router;
}
