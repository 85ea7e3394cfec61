import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { markRead } from "./service.ts";
import type { Route } from "../../http/routes.ts";

/** "Vu" on a notification: marks it read, then opens what it is about (or goes home). */
async function read(req: Request, res: Response) {
  const link = await markRead(actorOf(req), String(req.params.id));
  res.redirect(303, link && link.startsWith("/") && !link.startsWith("//") ? link : "/");
}

export const NOTIFICATION_ROUTES: readonly Route[] = [
  { method: "post", path: "/notifications/:id/read", permission: "home:view", handler: read },
];
