// Routes as data: each feature declares its table once; the router, the authorization matrix test
// and the personal-data audit test all read the same rows, so a permission is never typed twice.
import { Router, type Request, type RequestHandler, type Response } from "express";
import { requirePermission } from "../auth/middleware.ts";
import type { Permission } from "../auth/policy.ts";
import { recordAudit } from "../features/audit/service.ts";

/** A page that shows personal data of one youth (a record) or of several (a list). */
export type AuditedView =
  | { kind: "record"; entity: string; id?: (req: Request) => string | null | undefined }
  | { kind: "list"; entity: string }
  // The service writes the YOUTH_VIEWED event itself, naming the youth behind the page's record
  // (an enrolment, a lesson): each youth's access history then reads one kind of event.
  | { kind: "youth-by-service" };

export type Route = {
  method: "get" | "post";
  path: string;
  /** "public" rows are mounted before requireAuth; every other row needs this permission. */
  permission: Permission | "public";
  handler: RequestHandler;
  /** Run after the permission check, before the handler (e.g. a rate limiter). */
  before?: RequestHandler[];
  /** Set on every page that shows a youth's personal data: each view writes an AuditEvent. */
  audit?: AuditedView;
};

/** The signed-in youth's own file (/me and its sub-pages). */
export const OWN_FILE: AuditedView = { kind: "record", entity: "Youth", id: (req) => req.user?.youthId };

export const YOUTH_BY_SERVICE: AuditedView = { kind: "youth-by-service" };

/** The Express setting under which the app keeps its whole table (read by the tests). */
export const ROUTES_SETTING = "routes";

export function mountRoutes(routes: readonly Route[]): Router {
  const router = Router();
  for (const route of routes) {
    const guard = route.permission === "public" ? [] : [requirePermission(route.permission)];
    const handler = route.audit && route.audit.kind !== "youth-by-service" ? audited(route.audit, route.handler) : route.handler;
    router[route.method](route.path, ...guard, ...(route.before ?? []), handler);
  }
  return router;
}

// A view is audited once the page is about to be sent (the record was found in scope and the
// handler chose to render it), and the event is committed before the response leaves. Error
// pages (403, 404…) go through the same res.render and are not audited.
function audited(view: Exclude<AuditedView, { kind: "youth-by-service" }>, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    // render and json end in send: the first of them records the view, once.
    let recorded = false;
    const afterAudit = <F extends (...args: never[]) => unknown>(original: F): F =>
      ((...args: Parameters<F>) => {
        if (recorded || !shownToTheUser(res)) return original(...args);
        recorded = true;
        recordView(view, req).then(() => original(...args), next);
      }) as F;
    res.render = afterAudit(res.render.bind(res));
    res.json = afterAudit(res.json.bind(res));
    res.send = afterAudit(res.send.bind(res));
    return handler(req, res, next);
  };
}

function shownToTheUser(res: Response): boolean {
  return res.statusCode < 400 || res.statusCode === 422;
}

function recordView(view: Exclude<AuditedView, { kind: "youth-by-service" }>, req: Request): Promise<void> {
  const actorId = req.user?.id ?? null;
  const page = req.route ? String((req.route as { path: unknown }).path) : req.path;
  if (view.kind === "list") {
    return recordAudit({ actorId, action: "LIST_VIEWED", entity: view.entity, details: { page, filter: req.query } });
  }
  const entityId = view.id ? view.id(req) : req.params.id;
  return recordAudit({
    actorId,
    action: `${screamingSnake(view.entity)}_VIEWED`,
    entity: view.entity,
    entityId: typeof entityId === "string" ? entityId : null,
    details: { page },
  });
}

/** "LotteryDraw" → "LOTTERY_DRAW", the house style of audit actions. */
function screamingSnake(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
