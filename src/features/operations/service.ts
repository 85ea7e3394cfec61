// The coordinator's operations: the fair school comparison, the operational CSV exports, and the
// retention run (anonymising files past their date, deleting audit events past 12 months).
// Figures are counted in SQL, a fixed number of statements whatever the data size; exports are
// read in keyset pages so that a whole table never sits in memory.
import { z } from "zod";
import { db } from "../../db/client.ts";
import { executeStatement, queryRow, queryRows, SQL_BOOLEAN, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import { auditCutoff, retentionDate, type RetentionPolicy } from "../../domain/retention.ts";
import { recordAudit } from "../audit/service.ts";
import { compareSchools, type SchoolComparisonRow } from "./comparison.ts";
import type { ExportFilters } from "./schemas.ts";

export async function cohortChoices() {
  return db().cohort.findMany({ orderBy: [{ drawDate: "desc" }, { id: "asc" }], select: { id: true, name: true } });
}

// The fair school comparison.

const SCHOOL_COUNTS_ROW = z.object({
  schoolId: z.string(),
  name: z.string(),
  missionLocale: z.string(),
  youths: SQL_INTEGER,
  enrolments: SQL_INTEGER,
  dropped: SQL_INTEGER,
  theoryPresented: SQL_INTEGER,
  theoryPassed: SQL_INTEGER,
  practicalPresented: SQL_INTEGER,
  practicalPassed: SQL_INTEGER,
});
const LICENSED_ROW = z.object({ schoolId: z.string(), minutes: SQL_INTEGER, forecastHours: SQL_INTEGER.nullable() });

const ofCohort = (cohortId: string | undefined) => (cohortId ? Prisma.sql`AND e."cohortId" = ${cohortId}` : Prisma.empty);

/**
 * Every school's figures, for one cohort or all: two statements whatever the number of youths.
 * An enrolment "presented" an exam when it has a passed or failed attempt (absences do not count);
 * hours are the driving lessons attended (present or late) in the enrolment.
 */
export async function schoolComparison(cohortId: string | undefined): Promise<SchoolComparisonRow[]> {
  const [counts, licensed] = await Promise.all([
    queryRows(
      SCHOOL_COUNTS_ROW,
      Prisma.sql`
        SELECT s."id" AS "schoolId", s."name" AS "name", m."name" AS "missionLocale",
          COUNT(DISTINCT e."youthId") AS "youths",
          COUNT(e."id") AS "enrolments",
          COALESCE(SUM(CASE WHEN e."status" = 'DROPPED' THEN 1 ELSE 0 END), 0) AS "dropped",
          COALESCE(SUM(x."theoryPresented"), 0) AS "theoryPresented",
          COALESCE(SUM(x."theoryPassed"), 0) AS "theoryPassed",
          COALESCE(SUM(x."practicalPresented"), 0) AS "practicalPresented",
          COALESCE(SUM(x."practicalPassed"), 0) AS "practicalPassed"
        FROM "DrivingSchool" s
        JOIN "MissionLocale" m ON m."id" = s."missionLocaleId"
        LEFT JOIN "Enrolment" e ON e."drivingSchoolId" = s."id" ${ofCohort(cohortId)}
        LEFT JOIN (
          SELECT "enrolmentId",
            MAX(CASE WHEN "kind" = 'THEORY' AND "result" IN ('PASSED', 'FAILED') THEN 1 ELSE 0 END) AS "theoryPresented",
            MAX(CASE WHEN "kind" = 'THEORY' AND "result" = 'PASSED' THEN 1 ELSE 0 END) AS "theoryPassed",
            MAX(CASE WHEN "kind" = 'PRACTICAL' AND "result" IN ('PASSED', 'FAILED') THEN 1 ELSE 0 END) AS "practicalPresented",
            MAX(CASE WHEN "kind" = 'PRACTICAL' AND "result" = 'PASSED' THEN 1 ELSE 0 END) AS "practicalPassed"
          FROM "Exam" GROUP BY "enrolmentId"
        ) x ON x."enrolmentId" = e."id"
        GROUP BY s."id", s."name", m."name"`,
    ),
    // One row per licensed enrolment (at most one per youth and cohort): the medians need them.
    queryRows(
      LICENSED_ROW,
      Prisma.sql`
        SELECT e."drivingSchoolId" AS "schoolId", e."forecastHours" AS "forecastHours",
          COALESCE(SUM(l."durationMin"), 0) AS "minutes"
        FROM "Enrolment" e
        LEFT JOIN "Lesson" l ON l."enrolmentId" = e."id" AND l."kind" = 'DRIVING' AND l."attendance" IN ('PRESENT', 'LATE')
        WHERE e."licenceObtainedOn" IS NOT NULL ${ofCohort(cohortId)}
        GROUP BY e."id", e."drivingSchoolId", e."forecastHours"`,
    ),
  ]);
  return compareSchools(counts, licensed);
}

export function recordComparisonExport(actor: Actor, cohortId: string | undefined): Promise<void> {
  return recordAudit({ actorId: actor.id, action: "SCHOOL_COMPARISON_EXPORTED", entity: "DrivingSchool", details: { cohortId } });
}

// Operational exports.

/** Rows read per statement: a page is written out before the next one is read. */
const EXPORT_PAGE_SIZE = 5000;

type Cell = string | number | null;
type ExportDefinition<T extends z.ZodType<{ id: string }>> = {
  label: string;
  description: string;
  header: readonly string[];
  row: T;
  /** The page after `afterId` (ids in ascending order), filtered. */
  query: (afterId: string, filters: Bounds) => Prisma.Sql;
  cells: (row: z.infer<T>) => Cell[];
};
type Bounds = { cohortId?: string; from?: Date; to?: Date };

const euros = (cents: number) => (cents / 100).toFixed(2);
const day = (date: Date | null) => (date ? formatDate(date) : null);
const yesNo = (value: boolean | null) => (value === null ? null : value ? "oui" : "non");
const NULLABLE_DATE = SQL_DATE.nullable();

function filtered(cohortColumn: string, periodColumn: string, bounds: Bounds): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (bounds.cohortId) parts.push(Prisma.sql`AND ${Prisma.raw(cohortColumn)} = ${bounds.cohortId}`);
  if (bounds.from) parts.push(Prisma.sql`AND ${Prisma.raw(periodColumn)} >= ${bounds.from}`);
  if (bounds.to) parts.push(Prisma.sql`AND ${Prisma.raw(periodColumn)} < ${bounds.to}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

const PERSON_COLUMNS = ["Référence", "Nom", "Prénom", "Promotion"] as const;

const lessons: ExportDefinition<z.ZodType<LessonRow>> = {
  label: "Leçons",
  description: "Une ligne par leçon (période : date de la leçon).",
  header: [...PERSON_COLUMNS, "Auto-école", "Début", "Durée (min)", "Type", "Présence", "Retard (min)"],
  row: z.object({
    id: z.string(),
    ref: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    cohort: z.string(),
    school: z.string(),
    startsAt: SQL_DATE,
    durationMin: SQL_INTEGER,
    kind: z.string(),
    attendance: z.string(),
    lateMin: SQL_INTEGER.nullable(),
  }),
  query: (afterId, bounds) => Prisma.sql`
    SELECT l."id", y."ref", y."lastName", y."firstName", c."name" AS "cohort", s."name" AS "school",
      l."startsAt", l."durationMin", l."kind", l."attendance", l."lateMin"
    FROM "Lesson" l
    JOIN "Enrolment" e ON e."id" = l."enrolmentId"
    JOIN "Youth" y ON y."id" = e."youthId"
    JOIN "Cohort" c ON c."id" = e."cohortId"
    JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
    WHERE l."id" > ${afterId} ${filtered('e."cohortId"', 'l."startsAt"', bounds)}
    ORDER BY l."id" LIMIT ${EXPORT_PAGE_SIZE}`,
  cells: (r) => [
    r.ref,
    r.lastName,
    r.firstName,
    r.cohort,
    r.school,
    formatDateTime(r.startsAt),
    r.durationMin,
    r.kind,
    r.attendance,
    r.lateMin,
  ],
};
type LessonRow = {
  id: string;
  ref: string;
  lastName: string;
  firstName: string;
  cohort: string;
  school: string;
  startsAt: Date;
  durationMin: number;
  kind: string;
  attendance: string;
  lateMin: number | null;
};

type PaymentRow = {
  id: string;
  ref: string;
  lastName: string;
  firstName: string;
  cohort: string;
  school: string;
  paidOn: Date;
  payer: string;
  amountCents: number;
  label: string | null;
};
const payments: ExportDefinition<z.ZodType<PaymentRow>> = {
  label: "Paiements",
  description: "Aide du programme et participations des jeunes (période : date de paiement).",
  header: [...PERSON_COLUMNS, "Auto-école", "Payé le", "Payeur", "Montant (€)", "Libellé"],
  row: z.object({
    id: z.string(),
    ref: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    cohort: z.string(),
    school: z.string(),
    paidOn: SQL_DATE,
    payer: z.string(),
    amountCents: SQL_INTEGER,
    label: z.string().nullable(),
  }),
  query: (afterId, bounds) => Prisma.sql`
    SELECT p."id", y."ref", y."lastName", y."firstName", c."name" AS "cohort", s."name" AS "school",
      p."paidOn", p."payer", p."amountCents", p."label"
    FROM "Payment" p
    JOIN "Enrolment" e ON e."id" = p."enrolmentId"
    JOIN "Youth" y ON y."id" = e."youthId"
    JOIN "Cohort" c ON c."id" = e."cohortId"
    JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
    WHERE p."id" > ${afterId} ${filtered('e."cohortId"', 'p."paidOn"', bounds)}
    ORDER BY p."id" LIMIT ${EXPORT_PAGE_SIZE}`,
  cells: (r) => [
    r.ref,
    r.lastName,
    r.firstName,
    r.cohort,
    r.school,
    day(r.paidOn),
    r.payer === "PROGRAMME" ? "Programme" : "Jeune",
    euros(r.amountCents),
    r.label,
  ],
};

type ApplicationRow = {
  id: string;
  ref: string;
  lastName: string;
  firstName: string;
  cohort: string;
  missionLocale: string;
  status: string;
  createdAt: Date;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
};
const applications: ExportDefinition<z.ZodType<ApplicationRow>> = {
  label: "Candidatures",
  description: "Une ligne par candidature (période : date de création).",
  header: [...PERSON_COLUMNS, "Mission Locale", "Statut", "Créée le", "Déposée le", "Retirée le", "Motif du retrait"],
  row: z.object({
    id: z.string(),
    ref: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    cohort: z.string(),
    missionLocale: z.string(),
    status: z.string(),
    createdAt: SQL_DATE,
    submittedAt: NULLABLE_DATE,
    withdrawnAt: NULLABLE_DATE,
    withdrawalReason: z.string().nullable(),
  }),
  query: (afterId, bounds) => Prisma.sql`
    SELECT a."id", y."ref", y."lastName", y."firstName", c."name" AS "cohort", m."name" AS "missionLocale",
      a."status", a."createdAt", a."submittedAt", a."withdrawnAt", a."withdrawalReason"
    FROM "Application" a
    JOIN "Youth" y ON y."id" = a."youthId"
    JOIN "Cohort" c ON c."id" = a."cohortId"
    JOIN "MissionLocale" m ON m."id" = y."missionLocaleId"
    WHERE a."id" > ${afterId} ${filtered('a."cohortId"', 'a."createdAt"', bounds)}
    ORDER BY a."id" LIMIT ${EXPORT_PAGE_SIZE}`,
  cells: (r) => [
    r.ref,
    r.lastName,
    r.firstName,
    r.cohort,
    r.missionLocale,
    r.status,
    day(r.createdAt),
    day(r.submittedAt),
    day(r.withdrawnAt),
    r.withdrawalReason,
  ],
};

type SurveyRow = {
  id: string;
  ref: string;
  lastName: string;
  firstName: string;
  cohort: string;
  monthsAfter: number;
  dueOn: Date;
  status: string;
  answeredAt: Date | null;
  hasLicence: boolean | null;
  licenceObtainedOn: Date | null;
  employed: boolean | null;
  employmentStatus: string | null;
};
const NULLABLE_BOOLEAN = SQL_BOOLEAN.nullable();
const surveys: ExportDefinition<z.ZodType<SurveyRow>> = {
  label: "Enquêtes de suivi",
  description: "Enquêtes à 6, 12 et 24 mois, des deux groupes (période : date prévue).",
  header: [
    ...PERSON_COLUMNS,
    "Mois après le tirage",
    "Prévue le",
    "Statut",
    "Répondue le",
    "Permis",
    "Permis obtenu le",
    "En emploi",
    "Situation",
  ],
  row: z.object({
    id: z.string(),
    ref: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    cohort: z.string(),
    monthsAfter: SQL_INTEGER,
    dueOn: SQL_DATE,
    status: z.string(),
    answeredAt: NULLABLE_DATE,
    hasLicence: NULLABLE_BOOLEAN,
    licenceObtainedOn: NULLABLE_DATE,
    employed: NULLABLE_BOOLEAN,
    employmentStatus: z.string().nullable(),
  }),
  query: (afterId, bounds) => Prisma.sql`
    SELECT f."id", y."ref", y."lastName", y."firstName", c."name" AS "cohort", f."monthsAfter", f."dueOn", f."status",
      f."answeredAt", f."hasLicence", f."licenceObtainedOn", f."employed", f."employmentStatus"
    FROM "FollowUpSurvey" f
    JOIN "Youth" y ON y."id" = f."youthId"
    JOIN "Cohort" c ON c."id" = f."cohortId"
    WHERE f."id" > ${afterId} ${filtered('f."cohortId"', 'f."dueOn"', bounds)}
    ORDER BY f."id" LIMIT ${EXPORT_PAGE_SIZE}`,
  cells: (r) => [
    r.ref,
    r.lastName,
    r.firstName,
    r.cohort,
    r.monthsAfter,
    day(r.dueOn),
    r.status,
    day(r.answeredAt),
    yesNo(r.hasLicence),
    day(r.licenceObtainedOn),
    yesNo(r.employed),
    r.employmentStatus,
  ],
};

export const EXPORTS = { lessons, payments, applications, surveys } as const;
export type ExportName = keyof typeof EXPORTS;

export function isExportName(name: string): name is ExportName {
  return Object.hasOwn(EXPORTS, name);
}

/** The export's header and its rows, page by page; the download recorded before the first page. */
export async function openExport(actor: Actor, name: ExportName, filters: ExportFilters) {
  await recordAudit({ actorId: actor.id, action: "OPERATIONS_EXPORTED", entity: "Youth", details: { export: name, ...filters } });
  const definition = EXPORTS[name] as unknown as ExportDefinition<z.ZodType<{ id: string }>>;
  const bounds: Bounds = { cohortId: filters.cohort, from: filters.from, to: filters.to };
  async function* pages(): AsyncGenerator<Cell[][]> {
    let afterId = "";
    for (;;) {
      const rows = await queryRows(definition.row, definition.query(afterId, bounds));
      if (rows.length === 0) return;
      yield rows.map((row) => definition.cells(row));
      if (rows.length < EXPORT_PAGE_SIZE) return;
      afterId = rows[rows.length - 1]!.id;
    }
  }
  return { header: definition.header, pages: pages() };
}

// Retention.

const CANDIDATE_ROW = z.object({
  id: z.string(),
  birthDate: SQL_DATE,
  createdAt: SQL_DATE,
  lastDueOn: NULLABLE_DATE,
  lastAnsweredAt: NULLABLE_DATE,
});

/** Files anonymised per transaction. */
const RETENTION_BATCH = 200;
/** Audit events deleted per statement. */
const AUDIT_BATCH = 5000;

export type RetentionSummary = {
  dryRun: boolean;
  now: Date;
  youthsDue: number;
  youthsAnonymised: number;
  auditCutoff: Date;
  auditEventsDue: number;
  auditEventsDeleted: number;
};

/** The youths not yet anonymised whose retention date has passed at `now`. */
async function youthsPastRetention(now: Date, policy: RetentionPolicy): Promise<string[]> {
  const rows = await queryRows(
    CANDIDATE_ROW,
    Prisma.sql`
      SELECT y."id", y."birthDate", y."createdAt", MAX(f."dueOn") AS "lastDueOn", MAX(f."answeredAt") AS "lastAnsweredAt"
      FROM "Youth" y
      LEFT JOIN "FollowUpSurvey" f ON f."youthId" = y."id"
      WHERE y."anonymisedAt" IS NULL
      GROUP BY y."id", y."birthDate", y."createdAt"`,
  );
  return rows
    .filter((row) => {
      const last = [row.lastDueOn, row.lastAnsweredAt].filter((date): date is Date => date !== null);
      const lastSurveyAt = last.length === 0 ? null : new Date(Math.max(...last.map((date) => date.getTime())));
      return retentionDate({ birthDate: row.birthDate, createdAt: row.createdAt, lastSurveyAt }, policy) <= now;
    })
    .map((row) => row.id);
}

const ANONYMOUS_FIRST_NAME = "Jeune";
const ANONYMOUS_LAST_NAME = "anonymisé";

/**
 * Removes the names, contact data and free texts of these youths' files, and closes their accounts;
 * keeps every row the statistics and the evaluation read (ids, ref, cohort, gender, birth date,
 * employment status, lottery entries, enrolments and their dates, lessons, exams, payments,
 * surveys' answers). One transaction.
 */
async function anonymiseBatch(youthIds: readonly string[], now: Date): Promise<void> {
  const ids = [...youthIds];
  await db().$transaction(async (tx) => {
    const ofYouths = { youthId: { in: ids } };
    const accounts = await tx.user.findMany({ where: ofYouths, select: { id: true } });
    const accountIds = accounts.map((account) => account.id);
    await tx.youth.updateMany({
      where: { id: { in: ids } },
      data: {
        firstName: ANONYMOUS_FIRST_NAME,
        lastName: ANONYMOUS_LAST_NAME,
        searchName: "",
        nameKey: "",
        email: null,
        phone: null,
        address: null,
        postalCode: null,
        city: null,
        professionalProject: null,
        weeklyAvailability: "[]",
        anonymisedAt: now,
      },
    });
    await tx.user.updateMany({
      where: { id: { in: accountIds } },
      data: {
        email: null,
        phone: null,
        displayName: `${ANONYMOUS_FIRST_NAME} ${ANONYMOUS_LAST_NAME}`,
        passwordHash: null,
        isActive: false,
        deactivatedAt: now,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.activationCode.updateMany({ where: { userId: { in: accountIds }, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.notification.deleteMany({ where: { userId: { in: accountIds } } });
    await tx.outboxMessage.deleteMany({ where: { userId: { in: accountIds } } });
    await tx.application.updateMany({ where: ofYouths, data: { withdrawalReason: null } });
    await tx.enrolment.updateMany({ where: ofYouths, data: { initialAssessmentNote: null } });
    await tx.lesson.updateMany({
      where: {
        enrolment: ofYouths,
        OR: [{ note: { not: null } }, { cancelReason: { not: null } }, { absenceNoticeReason: { not: null } }],
      },
      data: { note: null, cancelReason: null, absenceNoticeReason: null },
    });
    await tx.payment.updateMany({ where: { enrolment: ofYouths, label: { not: null } }, data: { label: null } });
    await tx.difficulty.updateMany({ where: ofYouths, data: { description: "", resolution: null } });
    await tx.recommendation.updateMany({ where: ofYouths, data: { text: "", decisionNote: null } });
    await recordAudit(
      { actorId: null, action: "YOUTHS_ANONYMISED", entity: "Youth", details: { count: ids.length, at: now.toISOString() } },
      tx,
    );
  });
}

const COUNT_ROW = z.object({ count: SQL_INTEGER });

/** Deletes audit events before `cutoff`, a batch per statement; returns how many. */
async function deleteOldAuditEvents(cutoff: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const changed = await executeStatement(
      Prisma.sql`DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "id" FROM "AuditEvent" WHERE "at" < ${cutoff} LIMIT ${AUDIT_BATCH})`,
    );
    deleted += changed;
    if (changed < AUDIT_BATCH) break;
  }
  if (deleted > 0) {
    await recordAudit({
      actorId: null,
      action: "AUDIT_EVENTS_DELETED",
      entity: "AuditEvent",
      details: { count: deleted, before: cutoff.toISOString() },
    });
  }
  return deleted;
}

/** The retention run: with `dryRun`, counts what it would do and writes nothing. */
export async function runRetention(options: { dryRun: boolean; now: Date; policy: RetentionPolicy }): Promise<RetentionSummary> {
  const due = await youthsPastRetention(options.now, options.policy);
  const cutoff = auditCutoff(options.now, new Date());
  const { count: auditEventsDue } = await queryRow(
    COUNT_ROW,
    Prisma.sql`SELECT COUNT(*) AS "count" FROM "AuditEvent" WHERE "at" < ${cutoff}`,
  );
  const summary: RetentionSummary = {
    dryRun: options.dryRun,
    now: options.now,
    youthsDue: due.length,
    youthsAnonymised: 0,
    auditCutoff: cutoff,
    auditEventsDue,
    auditEventsDeleted: 0,
  };
  if (options.dryRun) return summary;
  for (let start = 0; start < due.length; start += RETENTION_BATCH) {
    const batch = due.slice(start, start + RETENTION_BATCH);
    await anonymiseBatch(batch, options.now);
    summary.youthsAnonymised += batch.length;
  }
  summary.auditEventsDeleted = await deleteOldAuditEvents(cutoff);
  return summary;
}
