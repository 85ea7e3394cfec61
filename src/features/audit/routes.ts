import type { Request, Response } from "express";
import type { Route } from "../../http/routes.ts";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from "../../domain/audit-labels.ts";
import { auditQuerySchema } from "./schemas.ts";
import { auditTrail } from "./service.ts";

const ACTIONS = Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b, "fr"));

/** The coordinator's audit viewer: who viewed or changed what, filtered, newest first. */
async function list(req: Request, res: Response) {
  const query = auditQuerySchema.parse(req.query);
  const trail = await auditTrail(query);
  res.render("audit/list", {
    title: "Journal d'audit",
    ...trail,
    query,
    actions: ACTIONS,
    entityLabels: AUDIT_ENTITY_LABELS,
    actionLabel: auditActionLabel,
  });
}

export const AUDIT_ROUTES: readonly Route[] = [
  { method: "get", path: "/audit", permission: "audit:read", handler: list, audit: { kind: "list", entity: "AuditEvent" } },
];
