import type { RequestHandler } from "express";
import { can, type Permission } from "../auth/policy.ts";

/** What every view may read: the signed-in person, can(), the current path and a one-shot flash. */
export const viewLocals: RequestHandler = (req, res, next) => {
  res.locals.user = req.user;
  res.locals.can = (permission: Permission) => can(req.user, permission);
  res.locals.currentPath = req.path;
  res.locals.flash = req.session?.flash;
  if (req.session?.flash) delete req.session.flash;
  res.locals.attendanceChange = req.session?.attendanceChange;
  if (req.session?.attendanceChange) delete req.session.attendanceChange;
  next();
};

export function setFlash(req: { session?: { flash?: string } }, message: string): void {
  if (req.session) req.session.flash = message;
}
