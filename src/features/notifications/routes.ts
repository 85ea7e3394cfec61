import { Router, type Request, type Response } from "express";
import { actorOf, requirePermission } from "../../auth/middleware.ts";
import { markRead } from "./service.ts";

/** "Vu" on a notification: marks it read, then opens what it is about (or goes home). */
async function read(req: Request, res: Response) {
  const link = await markRead(actorOf(req), String(req.params.id));
  res.redirect(303, link && link.startsWith("/") && !link.startsWith("//") ? link : "/");
}

export function notificationRoutes(): Router {
  const router = Router();
  router.post("/notifications/:id/read", requirePermission("home:view"), read);
  return router;
}
