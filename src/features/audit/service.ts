import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { db, storedDate } from "../../db/client.ts";
import { jsonField, jsonRows } from "../../db/dialect.ts";
import { executeGroupCommitted, queryRows, SQL_DATE } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { parisDateTime } from "../../domain/time.ts";
import { shiftDay } from "../../http/fields.ts";
import type { AuditQuery } from "./schemas.ts";

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
 * writes one: a raw statement (portable SQL) spares the query compiler on that hot path, and
 * outside a transaction it is group-committed off the event loop (src/db/group-commit.ts). */
export async function recordAudit(input: AuditInput, client: DbTx = db()): Promise<void> {
  const row = auditRow(input);
  await executeGroupCommitted(
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
    SELECT ${jsonField("a", "id")}, ${at}, ${jsonField("a", "actorId")}, ${jsonField("a", "action")}, ${jsonField("a", "entity")},
      ${jsonField("a", "entityId")}, ${jsonField("a", "details")}
    FROM ${jsonRows(JSON.stringify(rows), "a")}`;
}

/** A view of (part of) a youth file: every one is audited (docs/authorization.md). */
export function recordYouthView(actorId: string, youthId: string, page: string): Promise<void> {
  return recordAudit({ actorId, action: "YOUTH_VIEWED", entity: "Youth", entityId: youthId, details: { page } });
}

const AUDIT_PAGE_SIZE = 50;

const TRAIL_ROW = z.object({
  id: z.string(),
  at: SQL_DATE,
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
});
const FOUND_YOUTH = z.object({ id: z.string(), ref: z.string(), firstName: z.string(), lastName: z.string() });

/** The events about a youth's file: the file itself and the records that belong to it. */
function aboutYouth(youthId: string): Prisma.Sql {
  const ofEnrolments = (table: string) =>
    Prisma.sql`(a."entity" = ${table} AND a."entityId" IN (SELECT r."id" FROM ${Prisma.raw(`"${table}"`)} r
      JOIN "Enrolment" e ON e."id" = r."enrolmentId" WHERE e."youthId" = ${youthId}))`;
  const ofYouth = (table: string) =>
    Prisma.sql`(a."entity" = ${table} AND a."entityId" IN (SELECT r."id" FROM ${Prisma.raw(`"${table}"`)} r WHERE r."youthId" = ${youthId}))`;
  return Prisma.sql`(${Prisma.join(
    [
      Prisma.sql`(a."entity" = 'Youth' AND a."entityId" = ${youthId})`,
      ...["Enrolment", "Application", "Difficulty", "Recommendation"].map(ofYouth),
      ...["Lesson", "Payment", "Exam", "SkillAssessment"].map(ofEnrolments),
    ],
    " OR ",
  )})`;
}

/**
 * The audit trail, newest first, a page at a time (one event more than the page tells whether
 * another page follows; the trail is not counted: it grows by every page view). Filters: a person
 * (part of their name or e-mail), a youth (file reference or id: the events about their file and
 * its records), an action, a period of Paris days. For the coordinator only (the route's
 * permission): the trail names everyone.
 */
export async function auditTrail(query: AuditQuery) {
  const page = query.page ?? 1;
  let youth: z.infer<typeof FOUND_YOUTH> | null = null;
  if (query.youth) {
    const found = await queryRows(
      FOUND_YOUTH,
      Prisma.sql`SELECT y."id", y."ref", y."firstName", y."lastName" FROM "Youth" y
        WHERE y."id" = ${query.youth} OR y."ref" = ${query.youth.toUpperCase()} LIMIT 1`,
    );
    youth = found[0] ?? null;
    if (!youth) return { events: [], page, hasNext: false, youth: null, youthNotFound: true };
  }
  const person = query.person?.toLowerCase();
  const conditions = [
    ...(person
      ? [
          Prisma.sql`a."actorId" IN (SELECT u."id" FROM "User" u
            WHERE LOWER(u."email") LIKE ${`%${person}%`} OR LOWER(u."displayName") LIKE ${`%${person}%`})`,
        ]
      : []),
    ...(youth ? [aboutYouth(youth.id)] : []),
    ...(query.action ? [Prisma.sql`a."action" = ${query.action}`] : []),
    ...(query.from ? [Prisma.sql`a."at" >= ${parisDateTime(query.from, "00:00")}`] : []),
    ...(query.to ? [Prisma.sql`a."at" < ${parisDateTime(shiftDay(query.to, 1), "00:00")}`] : []),
  ];
  const rows = await queryRows(
    TRAIL_ROW,
    Prisma.sql`SELECT a."id", a."at", a."action", a."entity", a."entityId", a."details", a."actorId",
        u."displayName" AS "actorName", u."role" AS "actorRole"
      FROM "AuditEvent" a LEFT JOIN "User" u ON u."id" = a."actorId"
      ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
      ORDER BY a."at" DESC, a."id" DESC
      LIMIT ${AUDIT_PAGE_SIZE + 1} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`,
  );
  return { events: rows.slice(0, AUDIT_PAGE_SIZE), page, hasNext: rows.length > AUDIT_PAGE_SIZE, youth, youthNotFound: false };
}
