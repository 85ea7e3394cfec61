import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { actorOf } from "../../auth/middleware.ts";
import { can } from "../../auth/policy.ts";
import { pageField, returnToField } from "../../http/fields.ts";
import { setFlash } from "../../http/flash.ts";
import { listNotifications, markAllRead, markRead, unreadNotifications } from "./service.ts";
import type { Route } from "../../http/routes.ts";

const listQuerySchema = z.object({ page: pageField });

/**
 * Every page rendered for a signed-in person carries their unread count (the header's bell) and
 * latest unread notifications (the homes): one statement, run when a page is about to be rendered,
 * so that redirects and downloads cost nothing and a home does not ask twice.
 */
export const unreadOnPages: RequestHandler = (req, res, next) => {
  const user = req.user;
  if (!user || !can(user, "notification:read")) return next();
  const render = res.render.bind(res) as (...args: unknown[]) => void;
  let asked = false;
  res.render = (...args: unknown[]) => {
    // Asked once: an error page rendered after a failed count goes out without it.
    if (asked) return render(...args);
    asked = true;
    unreadNotifications(user).then((unread) => {
      res.locals.notifications = unread;
      render(...args);
    }, next);
  };
  next();
};

async function list(req: Request, res: Response) {
  const { page } = listQuerySchema.parse(req.query);
  res.render("notifications/list", { title: "Notifications", ...(await listNotifications(actorOf(req), page)) });
}

/** "Voir" on a notification: marks it read, then opens what it is about (or goes back to the
 * page it was marked from, or home). */
async function read(req: Request, res: Response) {
  const link = await markRead(actorOf(req), String(req.params.id));
  res.redirect(303, link ?? returnToField.parse((req.body as { returnTo?: unknown } | undefined)?.returnTo) ?? "/");
}

async function readAll(req: Request, res: Response) {
  const count = await markAllRead(actorOf(req));
  setFlash(
    res,
    count === 0
      ? "Aucune notification non lue."
      : count === 1
        ? "La notification est marquée comme lue."
        : `${count} notifications sont marquées comme lues.`,
  );
  res.redirect(303, "/notifications");
}

export const NOTIFICATION_ROUTES: readonly Route[] = [
  // Notifications may name youths (a licence, a difficulty): the page is audited like the homes.
  {
    method: "get",
    path: "/notifications",
    permission: "notification:read",
    handler: list,
    audit: { kind: "list", entity: "Notification" },
  },
  { method: "post", path: "/notifications/read-all", permission: "notification:read", handler: readAll },
  { method: "post", path: "/notifications/:id/read", permission: "notification:read", handler: read },
];
