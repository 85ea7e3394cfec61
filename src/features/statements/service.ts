// Monthly statements of the driving schools, their rates, and the programme's budget.
// A draft statement is computed live from the lessons, exams and assessments of the month; the
// coordinator's validation freezes it (SchoolStatement and its lines) and records the covered part
// as PROGRAMME aid payments, all in one transaction that begins with the write lock (src/db/client.ts):
// of two validations sent at once the second sees the first's statement and records nothing.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, isUniqueViolation, type DbTx } from "../../db/client.ts";
import { queryRows, SQL_INTEGER } from "../../db/sql.ts";
import { youthInReach } from "../../db/sql-scopes.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { fileReach, schoolStaff, statementSchoolScope, type Actor } from "../../auth/policy.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { formatAmount } from "../../domain/money.ts";
import { formatMonth, parisDateTime, parisIsoDay } from "../../domain/time.ts";
import { recordAudit, recordAudits } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { statementLines, statementTotals, type StatementLine } from "./compute.ts";
import { monthBounds } from "../../domain/months.ts";
import type { RateForm } from "./schemas.ts";

const LABEL_MAX = 200;

/** "novembre 2026" for "2026-11". */
function monthLabel(month: string): string {
  // The middle of the month: the same month whatever the time zone.
  return formatMonth(new Date(monthBounds(month).start.getTime() + 15 * 86_400_000));
}

/** A school whose statements the person reads (404 otherwise). */
export async function statementSchool(actor: Actor, schoolId: string) {
  const school = await db().drivingSchool.findFirst({
    where: { AND: [{ id: schoolId }, statementSchoolScope(actor)] },
    select: { id: true, name: true, missionLocale: { select: { name: true } } },
  });
  if (!school) throw new NotFoundError();
  return school;
}

const BILLABLE_ROW = z.object({
  enrolmentId: z.string(),
  youthId: z.string(),
  cohortId: z.string(),
  drivingSchoolId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  ref: z.string(),
  cohortName: z.string(),
  lessonMinutes: SQL_INTEGER,
  exams: SQL_INTEGER,
  assessments: SQL_INTEGER,
  hourlyRateCents: SQL_INTEGER.nullable(),
  examFeeCents: SQL_INTEGER,
  assessmentFeeCents: SQL_INTEGER,
  aidRemainingCents: SQL_INTEGER,
});

type Named = { firstName: string; lastName: string; ref: string; cohortName: string; drivingSchoolId: string };
export type ShownLine = Omit<StatementLine, "rates" | "aidRemainingCents"> & Named & { hourlyRateCents: number | null };

/**
 * What the schools `schoolIds` delivered in `month`, per enrolment: the minutes of lessons the youth
 * attended (present or late; an ASSESSMENT lesson is billed as the assessment, not by the hour),
 * the practical exams, the initial assessment made that month; with the rates of the school in the
 * enrolment's cohort and the aid the youth has left in it. One statement.
 */
async function billable(schoolIds: readonly string[], month: string, client: DbTx = db()) {
  if (schoolIds.length === 0) return [];
  const { start, end } = monthBounds(month);
  // The school's enrolments first: the month's lessons are then read through each enrolment's
  // (enrolmentId, startsAt, attendance) index, not among the whole programme's lessons of the month.
  const schoolEnrolments = Prisma.sql`SELECT se."id" FROM "Enrolment" se WHERE se."drivingSchoolId" IN (${Prisma.join(schoolIds)})`;
  // The aid already paid to those schools' youths, over all their enrolments (the cap is the
  // youth's in the cohort), read through the youthId index.
  const schoolYouths = Prisma.sql`SELECT sy."youthId" FROM "Enrolment" sy WHERE sy."drivingSchoolId" IN (${Prisma.join(schoolIds)})`;
  const rows = await queryRows(
    BILLABLE_ROW,
    Prisma.sql`
      SELECT e."id" AS "enrolmentId", e."youthId", e."cohortId", e."drivingSchoolId",
        y."firstName", y."lastName", y."ref", c."name" AS "cohortName",
        COALESCE(l."minutes", 0) AS "lessonMinutes",
        COALESCE(x."exams", 0) AS "exams",
        CASE WHEN e."initialAssessmentAt" >= ${start} AND e."initialAssessmentAt" < ${end} THEN 1 ELSE 0 END AS "assessments",
        COALESCE(r."hourlyRateCents", s."hourlyRateCents") AS "hourlyRateCents",
        COALESCE(r."examFeeCents", 0) AS "examFeeCents",
        COALESCE(r."assessmentCents", 0) AS "assessmentFeeCents",
        c."aidCapCents" - COALESCE(paid."aidPaidCents", 0) AS "aidRemainingCents"
      FROM "Enrolment" e
      JOIN "Youth" y ON y."id" = e."youthId"
      JOIN "Cohort" c ON c."id" = e."cohortId"
      JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
      LEFT JOIN "SchoolRate" r ON r."drivingSchoolId" = e."drivingSchoolId" AND r."cohortId" = e."cohortId"
      LEFT JOIN (
        SELECT pe."youthId", pe."cohortId", SUM(p."amountCents") AS "aidPaidCents"
        FROM "Payment" p JOIN "Enrolment" pe ON pe."id" = p."enrolmentId"
        WHERE p."payer" = 'PROGRAMME' AND pe."youthId" IN (${schoolYouths})
        GROUP BY pe."youthId", pe."cohortId") paid ON paid."youthId" = e."youthId" AND paid."cohortId" = e."cohortId"
      LEFT JOIN (
        SELECT "enrolmentId", SUM("durationMin") AS "minutes" FROM "Lesson"
        WHERE "enrolmentId" IN (${schoolEnrolments}) AND "startsAt" >= ${start} AND "startsAt" < ${end}
          AND "attendance" IN ('PRESENT', 'LATE') AND "kind" <> 'ASSESSMENT'
        GROUP BY "enrolmentId") l ON l."enrolmentId" = e."id"
      LEFT JOIN (
        SELECT "enrolmentId", COUNT(*) AS "exams" FROM "Exam"
        WHERE "enrolmentId" IN (${schoolEnrolments}) AND "kind" = 'PRACTICAL' AND "date" >= ${start} AND "date" < ${end}
        GROUP BY "enrolmentId") x ON x."enrolmentId" = e."id"
      WHERE e."drivingSchoolId" IN (${Prisma.join(schoolIds)})
        AND (l."minutes" IS NOT NULL OR x."exams" IS NOT NULL
          OR (e."initialAssessmentAt" >= ${start} AND e."initialAssessmentAt" < ${end}))
      ORDER BY e."drivingSchoolId", y."lastName", y."firstName", e."id"`,
    client,
  );
  return rows.map((row) => ({
    ...row,
    rates: { hourlyRateCents: row.hourlyRateCents, examFeeCents: row.examFeeCents, assessmentCents: row.assessmentFeeCents },
  }));
}

/** The draft lines of one school: computed per school, so the aid shared by two lines of a youth
 * is served in the order of the statement. */
function draftLines(rows: Awaited<ReturnType<typeof billable>>): ShownLine[] {
  return statementLines(rows).map(({ rates, aidRemainingCents: _left, ...line }) => ({ ...line, hourlyRateCents: rates.hourlyRateCents }));
}

const FROZEN_LINE = z.object({
  enrolmentId: z.string(),
  youthId: z.string(),
  cohortId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  ref: z.string(),
  cohortName: z.string(),
  hourlyRateCents: SQL_INTEGER,
  lessonMinutes: SQL_INTEGER,
  lessonCents: SQL_INTEGER,
  exams: SQL_INTEGER,
  examCents: SQL_INTEGER,
  assessments: SQL_INTEGER,
  assessmentCents: SQL_INTEGER,
  totalCents: SQL_INTEGER,
  coveredCents: SQL_INTEGER,
});

async function frozenLines(statementId: string, drivingSchoolId: string): Promise<ShownLine[]> {
  const rows = await queryRows(
    FROZEN_LINE,
    Prisma.sql`
      SELECT li."enrolmentId", li."youthId", li."cohortId", y."firstName", y."lastName", y."ref", c."name" AS "cohortName",
        li."hourlyRateCents", li."lessonMinutes", li."lessonCents", li."exams", li."examCents", li."assessments",
        li."assessmentCents", li."totalCents", li."coveredCents"
      FROM "SchoolStatementLine" li
      JOIN "Youth" y ON y."id" = li."youthId"
      JOIN "Cohort" c ON c."id" = li."cohortId"
      WHERE li."statementId" = ${statementId}
      ORDER BY y."lastName", y."firstName", li."enrolmentId"`,
  );
  return rows.map((row) => ({ ...row, drivingSchoolId, notCoveredCents: row.totalCents - row.coveredCents, missingRate: false }));
}

/**
 * A school's statement for a month, in the person's scope (404): frozen as validated, or the draft
 * computed now. `validable`: the month is over, not yet validated, and every line has its rate.
 */
export async function viewStatement(actor: Actor, schoolId: string, month: string, now = new Date()) {
  const school = await statementSchool(actor, schoolId);
  const frozen = await db().schoolStatement.findUnique({
    where: { drivingSchoolId_month: { drivingSchoolId: school.id, month } },
    select: { id: true, validatedAt: true, validatedById: true },
  });
  const lines = frozen ? await frozenLines(frozen.id, school.id) : draftLines(await billable([school.id], month));
  const validatedBy = frozen?.validatedById
    ? await db().user.findUnique({ where: { id: frozen.validatedById }, select: { displayName: true } })
    : null;
  const monthOver = monthBounds(month).end <= now;
  return {
    school,
    month,
    monthLabel: monthLabel(month),
    validated: frozen ? { at: frozen.validatedAt, by: validatedBy?.displayName ?? null } : null,
    lines,
    totals: statementTotals(lines),
    missingRate: lines.some((line) => line.missingRate),
    monthOver,
  };
}

/** The schools in scope and their statement for the month: validated (its totals) or draft (its
 * totals computed now). Four statements whatever the number of schools. */
export async function listStatements(actor: Actor, month: string) {
  const schools = await db().drivingSchool.findMany({
    where: statementSchoolScope(actor),
    select: { id: true, name: true, missionLocale: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const ids = schools.map((school) => school.id);
  const [frozen, rows] = await Promise.all([
    db().schoolStatement.findMany({
      where: { month, drivingSchoolId: { in: ids } },
      select: { drivingSchoolId: true, totalCents: true, coveredCents: true, validatedAt: true },
    }),
    billable(ids, month),
  ]);
  const frozenOf = new Map(frozen.map((statement) => [statement.drivingSchoolId, statement]));
  const rowsOf = new Map<string, typeof rows>();
  for (const row of rows) rowsOf.set(row.drivingSchoolId, [...(rowsOf.get(row.drivingSchoolId) ?? []), row]);
  return {
    month,
    monthLabel: monthLabel(month),
    schools: schools.map((school) => {
      const validated = frozenOf.get(school.id);
      const draft = validated ? null : statementTotals(draftLines(rowsOf.get(school.id) ?? []));
      return {
        ...school,
        validatedAt: validated?.validatedAt ?? null,
        totalCents: validated?.totalCents ?? draft?.totalCents ?? 0,
        coveredCents: validated?.coveredCents ?? draft?.coveredCents ?? 0,
      };
    }),
  };
}

const NOT_OVER = (month: string) => `Le mois de ${monthLabel(month)} n'est pas terminé : son relevé se valide une fois le mois fini.`;
// An empty month is not frozen: a lesson recorded late for it can still be billed.
const NOTHING_TO_BILL = "Aucune leçon, aucun examen ni aucune évaluation ce mois-ci : il n'y a rien à valider.";
const MISSING_RATE = (cohort: string) =>
  `Le tarif horaire de l'auto-école n'est pas renseigné pour la promotion ${cohort} : saisissez ses tarifs avant de valider.`;

/**
 * Validates a school's statement for a finished month (the coordinator's): freezes its lines and
 * records, for each line, the covered part as a PROGRAMME payment on the enrolment, in one
 * transaction. A statement already validated (a second click, or two at once) records nothing
 * more: `duplicate`. Refused (FormError on `month`): a month not over, nothing to bill, a line
 * without a rate.
 */
export async function validateStatement(actor: Actor, schoolId: string, month: string, now = new Date()): Promise<{ duplicate: boolean }> {
  const school = await statementSchool(actor, schoolId);
  if (monthBounds(month).end > now) throw new FormError("month", NOT_OVER(month));
  const label = `Relevé de ${monthLabel(month)} — ${school.name}`.slice(0, LABEL_MAX);
  const paidOn = parisDateTime(parisIsoDay(now), "12:00");
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.schoolStatement.findUnique({
        where: { drivingSchoolId_month: { drivingSchoolId: school.id, month } },
        select: { id: true },
      });
      if (existing) return { duplicate: true };
      // Read under the write lock: the aid left is the ledger's as it is now, payments included.
      const lines = draftLines(await billable([school.id], month, tx));
      if (lines.length === 0) throw new FormError("month", NOTHING_TO_BILL);
      const unrated = lines.find((line) => line.missingRate);
      if (unrated) throw new FormError("month", MISSING_RATE(unrated.cohortName));
      const totals = statementTotals(lines);
      const statement = await tx.schoolStatement.create({
        data: {
          drivingSchoolId: school.id,
          month,
          totalCents: totals.totalCents,
          coveredCents: totals.coveredCents,
          validatedAt: now,
          validatedById: actor.id,
        },
        select: { id: true },
      });
      // Two bulk inserts, whatever the number of lines: the payments' ids are chosen here so that
      // each line can name its payment.
      const withPayments = lines.map((line) => ({ line, paymentId: line.coveredCents > 0 ? randomUUID() : null }));
      const paid = withPayments.flatMap(({ line, paymentId }) =>
        paymentId ? [{ id: paymentId, enrolmentId: line.enrolmentId, youthId: line.youthId, amountCents: line.coveredCents }] : [],
      );
      await tx.payment.createMany({
        data: paid.map((payment) => ({
          id: payment.id,
          enrolmentId: payment.enrolmentId,
          payer: "PROGRAMME" as const,
          amountCents: payment.amountCents,
          paidOn,
          label,
          recordedById: actor.id,
          createdAt: now,
        })),
      });
      await tx.schoolStatementLine.createMany({
        data: withPayments.map(({ line, paymentId }) => ({
          statementId: statement.id,
          enrolmentId: line.enrolmentId,
          youthId: line.youthId,
          cohortId: line.cohortId,
          hourlyRateCents: line.hourlyRateCents ?? 0,
          lessonMinutes: line.lessonMinutes,
          lessonCents: line.lessonCents,
          exams: line.exams,
          examCents: line.examCents,
          assessments: line.assessments,
          assessmentCents: line.assessmentCents,
          totalCents: line.totalCents,
          coveredCents: line.coveredCents,
          paymentId,
        })),
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "STATEMENT_VALIDATED",
          entity: "SchoolStatement",
          entityId: statement.id,
          details: { drivingSchoolId: school.id, month, ...totals, payments: paid.length },
        },
        tx,
      );
      await recordAudits(
        paid.map((payment) => ({
          actorId: actor.id,
          action: "PAYMENT_RECORDED",
          entity: "Payment",
          entityId: payment.id,
          details: {
            enrolmentId: payment.enrolmentId,
            youthId: payment.youthId,
            payer: "PROGRAMME",
            amountCents: payment.amountCents,
            label,
          },
        })),
        tx,
      );
      const staff = await tx.user.findMany({ where: schoolStaff(school.id), select: { id: true } });
      await notify(
        tx,
        staff.map((member) => member.id),
        {
          title: `Relevé de ${monthLabel(month)} validé`,
          body: `La coordination a validé votre relevé : ${formatAmount(totals.coveredCents)} pris en charge par l'aide du programme.`,
          link: `/statements/${school.id}?month=${month}`,
        },
      );
      return { duplicate: false };
    });
  } catch (error) {
    // The unique (school, month) index: the other validation committed first.
    if (isUniqueViolation(error)) return { duplicate: true };
    throw error;
  }
}

// The coordinator's rates of a school, per cohort.

async function rateSchool(schoolId: string) {
  const school = await db().drivingSchool.findUnique({
    where: { id: schoolId },
    select: { id: true, name: true, hourlyRateCents: true },
  });
  if (!school) throw new NotFoundError();
  return school;
}

/** A school (404), its default hourly rate, and each cohort with the school's rates in it. */
export async function viewRates(schoolId: string) {
  const school = await rateSchool(schoolId);
  const [cohorts, rates] = await Promise.all([
    db().cohort.findMany({ select: { id: true, name: true }, orderBy: [{ drawDate: "desc" }, { id: "asc" }] }),
    db().schoolRate.findMany({
      where: { drivingSchoolId: school.id },
      select: { cohortId: true, hourlyRateCents: true, examFeeCents: true, assessmentCents: true, updatedAt: true },
    }),
  ]);
  const rateOf = new Map(rates.map((rate) => [rate.cohortId, rate]));
  return { school, cohorts: cohorts.map((cohort) => ({ ...cohort, rate: rateOf.get(cohort.id) ?? null })) };
}

/** Sets the school's rates in a cohort (creates or replaces them); audited with the former ones.
 * Statements already validated keep the rates they were computed with. */
export async function saveRate(actor: Actor, schoolId: string, form: RateForm): Promise<void> {
  const school = await rateSchool(schoolId);
  const cohort = await db().cohort.findUnique({ where: { id: form.cohortId }, select: { id: true } });
  if (!cohort) throw new FormError("cohortId", "Cette promotion n'existe pas : choisissez-en une dans la liste.");
  const data = {
    hourlyRateCents: form.hourlyRate,
    examFeeCents: form.examFee ?? 0,
    assessmentCents: form.assessmentFee ?? 0,
    updatedById: actor.id,
  };
  await db().$transaction(async (tx) => {
    const key = { drivingSchoolId_cohortId: { drivingSchoolId: school.id, cohortId: cohort.id } };
    const before = await tx.schoolRate.findUnique({
      where: key,
      select: { hourlyRateCents: true, examFeeCents: true, assessmentCents: true },
    });
    const rate = await tx.schoolRate.upsert({
      where: key,
      create: { drivingSchoolId: school.id, cohortId: cohort.id, ...data },
      update: data,
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "SCHOOL_RATE_SET",
        entity: "SchoolRate",
        entityId: rate.id,
        details: { drivingSchoolId: school.id, cohortId: cohort.id, before, after: { ...data, updatedById: undefined } },
      },
      tx,
    );
  });
}

// The programme's budget.

const COMMITTED_ROW = z.object({
  cohortId: z.string(),
  missionLocaleId: z.string(),
  schoolId: z.string().nullable(),
  youths: SQL_INTEGER,
});
const PAID_ROW = z.object({
  cohortId: z.string(),
  missionLocaleId: z.string(),
  schoolId: z.string().nullable(),
  aidPaidCents: SQL_INTEGER,
  contributionPaidCents: SQL_INTEGER,
});
const INVOICED_ROW = z.object({
  cohortId: z.string(),
  missionLocaleId: z.string(),
  schoolId: z.string().nullable(),
  invoicedCents: SQL_INTEGER,
});

export type BudgetFigures = {
  youths: number;
  committedCents: number;
  invoicedCents: number;
  aidPaidCents: number;
  aidRemainingCents: number;
  contributionDueCents: number;
  contributionPaidCents: number;
};
type BudgetRow = { key: string; label: string } & BudgetFigures;

const ZERO: BudgetFigures = {
  youths: 0,
  committedCents: 0,
  invoicedCents: 0,
  aidPaidCents: 0,
  aidRemainingCents: 0,
  contributionDueCents: 0,
  contributionPaidCents: 0,
};

function added(a: BudgetFigures, b: Partial<BudgetFigures>): BudgetFigures {
  const sum = { ...a };
  for (const key of Object.keys(ZERO) as (keyof BudgetFigures)[]) sum[key] += b[key] ?? 0;
  return sum;
}

/**
 * The aid committed (youths selected or enrolled in a cohort × its cap), invoiced (validated
 * statements), paid (PROGRAMME payments) and remaining (committed − paid), and the contributions
 * due and received; by cohort, Mission Locale (the youth's) and school (the youth's latest in the
 * cohort; the school paid for payments and statements). A counsellor's: their Mission Locale's
 * youths only. Three grouped statements and three small reads, whatever the number of youths.
 */
export async function budget(actor: Actor, cohortId?: string) {
  const reach = youthInReach(fileReach(actor), "y");
  const cohortFilter = (alias: string) => (cohortId ? Prisma.sql`AND ${Prisma.raw(`"${alias}"`)}."cohortId" = ${cohortId}` : Prisma.empty);
  const [committed, paid, invoiced, cohorts] = await Promise.all([
    queryRows(
      COMMITTED_ROW,
      Prisma.sql`
        SELECT k."cohortId", k."missionLocaleId", k."schoolId", COUNT(*) AS "youths"
        FROM (
          SELECT pair."cohortId", y."missionLocaleId",
            (SELECT e."drivingSchoolId" FROM "Enrolment" e WHERE e."youthId" = pair."youthId" AND e."cohortId" = pair."cohortId"
              ORDER BY e."isCurrent" DESC, e."enrolledAt" DESC, e."id" LIMIT 1) AS "schoolId"
          FROM (
            SELECT a."youthId", a."cohortId" FROM "Application" a WHERE a."status" = 'SELECTED'
            UNION
            SELECT e."youthId", e."cohortId" FROM "Enrolment" e
          ) pair
          JOIN "Youth" y ON y."id" = pair."youthId"
          WHERE ${reach} ${cohortFilter("pair")}
        ) k
        GROUP BY k."cohortId", k."missionLocaleId", k."schoolId"`,
    ),
    queryRows(
      PAID_ROW,
      Prisma.sql`
        SELECT e."cohortId", y."missionLocaleId", e."drivingSchoolId" AS "schoolId",
          COALESCE(SUM(CASE WHEN p."payer" = 'PROGRAMME' THEN p."amountCents" END), 0) AS "aidPaidCents",
          COALESCE(SUM(CASE WHEN p."payer" = 'YOUTH' THEN p."amountCents" END), 0) AS "contributionPaidCents"
        FROM "Payment" p
        JOIN "Enrolment" e ON e."id" = p."enrolmentId"
        JOIN "Youth" y ON y."id" = e."youthId"
        WHERE ${reach} ${cohortFilter("e")}
        GROUP BY e."cohortId", y."missionLocaleId", e."drivingSchoolId"`,
    ),
    queryRows(
      INVOICED_ROW,
      Prisma.sql`
        SELECT li."cohortId", y."missionLocaleId", s."drivingSchoolId" AS "schoolId", SUM(li."totalCents") AS "invoicedCents"
        FROM "SchoolStatementLine" li
        JOIN "SchoolStatement" s ON s."id" = li."statementId"
        JOIN "Youth" y ON y."id" = li."youthId"
        WHERE ${reach} ${cohortFilter("li")}
        GROUP BY li."cohortId", y."missionLocaleId", s."drivingSchoolId"`,
    ),
    db().cohort.findMany({
      select: { id: true, name: true, aidCapCents: true, contributionCents: true },
      orderBy: [{ drawDate: "desc" }, { id: "asc" }],
    }),
  ]);
  const cohortOf = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
  const facts = [
    ...committed.map((row) => {
      const cohort = cohortOf.get(row.cohortId);
      return {
        ...row,
        figures: {
          youths: row.youths,
          committedCents: row.youths * (cohort?.aidCapCents ?? 0),
          contributionDueCents: row.youths * (cohort?.contributionCents ?? 0),
        },
      };
    }),
    ...paid.map((row) => ({ ...row, figures: { aidPaidCents: row.aidPaidCents, contributionPaidCents: row.contributionPaidCents } })),
    ...invoiced.map((row) => ({ ...row, figures: { invoicedCents: row.invoicedCents } })),
  ];
  const missionLocaleIds = [...new Set(facts.map((fact) => fact.missionLocaleId))];
  const schoolIds = [...new Set(facts.flatMap((fact) => (fact.schoolId ? [fact.schoolId] : [])))];
  const [missionLocales, schools] = await Promise.all([
    db().missionLocale.findMany({ where: { id: { in: missionLocaleIds } }, select: { id: true, name: true } }),
    db().drivingSchool.findMany({ where: { id: { in: schoolIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...missionLocales, ...schools].map((named) => [named.id, named.name]));
  const grouped = (keyOf: (fact: (typeof facts)[number]) => string, labelOf: (key: string) => string): BudgetRow[] => {
    const sums = new Map<string, BudgetFigures>();
    for (const fact of facts) {
      const key = keyOf(fact);
      sums.set(key, added(sums.get(key) ?? ZERO, fact.figures));
    }
    return [...sums]
      .map(([key, figures]) => ({ key, label: labelOf(key), ...figures, aidRemainingCents: figures.committedCents - figures.aidPaidCents }))
      .sort((a, b) => a.label.localeCompare(b.label, "fr"));
  };
  const total = facts.reduce((sum, fact) => added(sum, fact.figures), ZERO);
  return {
    cohorts,
    cohortId: cohortId ?? null,
    total: { ...total, aidRemainingCents: total.committedCents - total.aidPaidCents },
    byCohort: grouped(
      (fact) => fact.cohortId,
      (key) => cohortOf.get(key)?.name ?? key,
    ),
    byMissionLocale: grouped(
      (fact) => fact.missionLocaleId,
      (key) => names.get(key) ?? key,
    ),
    bySchool: grouped(
      (fact) => fact.schoolId ?? "",
      (key) => (key ? (names.get(key) ?? key) : "Pas encore inscrit·e"),
    ),
  };
}
