import type { RequestHandler } from "express";
import { ForbiddenError } from "../http/errors.ts";
import { can, type Permission } from "./policy.ts";

/** Everything mounted after this is private: anonymous pages go to /login, anything else 401. */
export const requireAuth: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  if (req.method === "GET" && req.accepts("html")) {
    res.redirect(302, "/login");
    return;
  }
  res.status(401).render("errors/401", { title: "Connexion requise" });
};

/** A route the role may never use answers 403 (a record outside the scope answers 404 later). */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (can(req.user, permission)) return next();
    next(new ForbiddenError());
  };
}

/** The signed-in person, for handlers mounted after requireAuth. */
export function actorOf(req: { user?: Express.User }): Express.User {
  if (!req.user) throw new ForbiddenError();
  return req.user;
}
