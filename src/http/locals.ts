import type { RequestHandler } from "express";
import { can, type Permission } from "../auth/policy.ts";

/** What every view may read: the signed-in person, can() and the current path (the one-shot
 * messages are put beside them by oneShotMessages, src/http/flash.ts). */
export const viewLocals: RequestHandler = (req, res, next) => {
  res.locals.user = req.user;
  res.locals.can = (permission: Permission) => can(req.user, permission);
  res.locals.currentPath = req.path;
  next();
};
