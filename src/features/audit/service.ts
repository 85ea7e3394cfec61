import { randomUUID } from "node:crypto";
import type { DbTx } from "../../db/client.ts";
import { db, storedDate } from "../../db/client.ts";
import { executeStatement } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";

export type AuditInput = {
  actorId: string | null | undefined;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

function auditRow(input: AuditInput) {
  return {
    actorId: input.actorId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    details: input.details ? JSON.stringify(input.details) : null,
  };
}

/** Appends one audit event. Awaited before the response, inside the write's transaction when
 * there is one, so that a write and its trace commit together. Every page with personal data
 * writes one: a raw statement (portable SQL) spares the query compiler on that hot path. */
export async function recordAudit(input: AuditInput, client: DbTx = db()): Promise<void> {
  const row = auditRow(input);
  await executeStatement(
    Prisma.sql`
      INSERT INTO "AuditEvent" ("id", "at", "actorId", "action", "entity", "entityId", "details")
      VALUES (${randomUUID()}, ${new Date()}, ${row.actorId}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.details})`,
    client,
  );
}

/**
 * Appends many audit events (an import of 1 000 lines) in one statement binding one JSON text:
 * Prisma's createMany compiles every value it binds, about 0.1 ms a row, while the write holds
 * the server.
 */
export async function recordAudits(inputs: readonly AuditInput[], client: DbTx = db()): Promise<void> {
  const at = storedDate(new Date());
  const rows = inputs.map((input) => ({ id: randomUUID(), ...auditRow(input) }));
  await client.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "at", "actorId", "action", "entity", "entityId", "details")
    SELECT value ->> 'id', ${at}, value ->> 'actorId', value ->> 'action', value ->> 'entity', value ->> 'entityId', value ->> 'details'
    FROM json_each(${JSON.stringify(rows)})`;
}

/** A view of (part of) a youth file: every one is audited (docs/authorization.md). */
export function recordYouthView(actorId: string, youthId: string, page: string): Promise<void> {
  return recordAudit({ actorId, action: "YOUTH_VIEWED", entity: "Youth", entityId: youthId, details: { page } });
}
