import { Router, type Request, type Response } from "express";
import { actorOf, requirePermission } from "../../auth/middleware.ts";
import { ownYouthId, viewYouthFile } from "./service.ts";
import { ownApplication } from "../applications/service.ts";

async function show(req: Request, res: Response) {
  const file = await viewYouthFile(actorOf(req), String(req.params.id));
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file });
}

async function me(req: Request, res: Response) {
  const actor = actorOf(req);
  const [file, own] = await Promise.all([viewYouthFile(actor, ownYouthId(actor)), ownApplication(actor)]);
  res.render("youths/me", { title: "Mon parcours", ...file, own });
}

export function youthRoutes(): Router {
  const router = Router();
  router.get("/me", requirePermission("me:view"), me);
  router.get("/youths/:id", requirePermission("youth:read"), show);
  return router;
}
