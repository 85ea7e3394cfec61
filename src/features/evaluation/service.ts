// The intention-to-treat evaluation: one row per applicant ranked in a draw (both groups), read in
// two statements whatever the number of applicants, pseudonymised before it leaves the service.
// The export, the summary and the page are all computed from these same rows.
import { createHmac } from "node:crypto";
import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRows, SQL_BOOLEAN, SQL_DATE } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { config } from "../../config.ts";
import { youthScope, type Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { ageOn, parisIsoDay } from "../../domain/time.ts";
import { recordAudit } from "../audit/service.ts";
import type { Binary, IttRow } from "../../domain/itt.ts";

/** The follow-up waves, in months after the draw. */
export const WAVES = [6, 12, 24] as const;
type Wave = (typeof WAVES)[number];

export const EXPORT_HEADER = [
  "pid",
  "cohort",
  "stratum",
  "assigned",
  "gender",
  "age_at_draw",
  "employment_status",
  "licence",
  "days_to_licence",
  "employed_m12",
  "employed_m24",
] as const;

/** An applicant as the evaluation sees them: the export's columns, and for the page whether each
 * wave's survey was due and answered. */
export type EvaluationRow = IttRow & {
  pid: string;
  gender: string;
  ageAtDraw: number;
  employmentStatus: string;
  daysToLicence: number | null;
  waves: Record<Wave, { due: boolean; answered: boolean }>;
};

const ENTRY = z.object({
  youthId: z.string(),
  cohortId: z.string(),
  cohort: z.string(),
  stratum: z.string(),
  outcome: z.enum(["SELECTED", "WAITLISTED"]),
  drawnAt: SQL_DATE,
  gender: z.string(),
  birthDate: SQL_DATE,
  employmentStatus: z.string(),
});

const SURVEY = z.object({
  youthId: z.string(),
  cohortId: z.string(),
  monthsAfter: z.coerce.number().int(),
  status: z.string(),
  dueOn: SQL_DATE,
  hasLicence: SQL_BOOLEAN.nullable(),
  licenceObtainedOn: SQL_DATE.nullable(),
  employed: SQL_BOOLEAN.nullable(),
});
type Survey = z.infer<typeof SURVEY>;

/** HMAC-SHA-256 of the youth's id under the pseudonym key: stable across exports, not reversible
 * without the key. */
function pseudonym(youthId: string, key = config().pseudonymKey): string {
  return createHmac("sha256", Buffer.from(key, "utf8")).update(youthId, "utf8").digest("hex");
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days from the draw (its Paris day) to the licence day. */
function daysBetween(drawnAt: Date, licenceDay: Date): number {
  const drawDay = Date.parse(`${parisIsoDay(drawnAt)}T00:00:00Z`);
  const licence = Date.UTC(licenceDay.getUTCFullYear(), licenceDay.getUTCMonth(), licenceDay.getUTCDate());
  return Math.round((licence - drawDay) / DAY_MS);
}

const bit = (value: boolean | null | undefined): Binary => (value === null || value === undefined ? null : value ? 1 : 0);

/** Licence: measured the same way in both groups, by the answered follow-up surveys (the school's
 * record exists for the selected group only); 1 as soon as one answer says so. */
function licenceOf(answered: readonly Survey[]): { licence: Binary; on: Date | null } {
  const said = answered.filter((s) => s.hasLicence !== null);
  if (said.length === 0) return { licence: null, on: null };
  const yes = said.filter((s) => s.hasLicence);
  if (yes.length === 0) return { licence: 0, on: null };
  const dates = yes.map((s) => s.licenceObtainedOn).filter((d): d is Date => d !== null);
  return { licence: 1, on: dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => d.getTime()))) };
}

/** Every applicant ranked in a draw, both groups, but those who withdrew their consent to the
 * evaluation; one cohort (by name) when given. */
export async function evaluationRows(cohort: string | undefined, now = new Date()): Promise<EvaluationRow[]> {
  const cohortFilter = cohort === undefined ? Prisma.empty : Prisma.sql`AND c."name" = ${cohort}`;
  const [entries, surveys] = await Promise.all([
    queryRows(
      ENTRY,
      Prisma.sql`
        SELECT y."id" AS "youthId", c."id" AS "cohortId", c."name" AS "cohort", m."code" AS "stratum", e."outcome" AS "outcome",
               d."drawnAt" AS "drawnAt", y."gender" AS "gender", y."birthDate" AS "birthDate", y."employmentStatus" AS "employmentStatus"
        FROM "LotteryEntry" e
        JOIN "LotteryDraw" d ON d."id" = e."drawId"
        JOIN "Cohort" c ON c."id" = d."cohortId"
        JOIN "MissionLocale" m ON m."id" = d."missionLocaleId"
        JOIN "Application" a ON a."id" = e."applicationId"
        JOIN "Youth" y ON y."id" = a."youthId"
        WHERE y."evaluationConsentWithdrawnAt" IS NULL ${cohortFilter}`,
    ),
    queryRows(
      SURVEY,
      Prisma.sql`
        SELECT s."youthId" AS "youthId", s."cohortId" AS "cohortId", s."monthsAfter" AS "monthsAfter", s."status" AS "status",
               s."dueOn" AS "dueOn", s."hasLicence" AS "hasLicence", s."licenceObtainedOn" AS "licenceObtainedOn", s."employed" AS "employed"
        FROM "FollowUpSurvey" s
        JOIN "Cohort" c ON c."id" = s."cohortId"
        JOIN "Youth" y ON y."id" = s."youthId"
        WHERE y."evaluationConsentWithdrawnAt" IS NULL ${cohortFilter}`,
    ),
  ]);
  const surveysOf = new Map<string, Survey[]>();
  for (const survey of surveys) {
    const key = `${survey.youthId}|${survey.cohortId}`;
    const list = surveysOf.get(key);
    if (list) list.push(survey);
    else surveysOf.set(key, [survey]);
  }
  const key = config().pseudonymKey;
  const rows = entries.map((entry): EvaluationRow => {
    const own = surveysOf.get(`${entry.youthId}|${entry.cohortId}`) ?? [];
    const answered = own.filter((s) => s.status === "ANSWERED");
    const atWave = (months: Wave) => answered.find((s) => s.monthsAfter === months);
    const { licence, on } = licenceOf(answered);
    const waves = Object.fromEntries(
      WAVES.map((months) => {
        const survey = own.find((s) => s.monthsAfter === months);
        return [months, { due: survey !== undefined && survey.dueOn <= now, answered: survey?.status === "ANSWERED" }];
      }),
    ) as EvaluationRow["waves"];
    return {
      pid: pseudonym(entry.youthId, key),
      cohort: entry.cohort,
      stratum: entry.stratum,
      assigned: entry.outcome === "SELECTED" ? 1 : 0,
      gender: entry.gender,
      ageAtDraw: ageOn(entry.birthDate, new Date(`${parisIsoDay(entry.drawnAt)}T00:00:00Z`)),
      employmentStatus: entry.employmentStatus,
      licence,
      daysToLicence: licence === 1 && on ? daysBetween(entry.drawnAt, on) : null,
      employed_m12: bit(atWave(12)?.employed),
      employed_m24: bit(atWave(24)?.employed),
      waves,
    };
  });
  // Sorted by pseudonym within each block: the file says nothing of the order of the draw.
  return rows.sort((a, b) => a.cohort.localeCompare(b.cohort) || a.stratum.localeCompare(b.stratum) || a.pid.localeCompare(b.pid));
}

/** The export's cells of one row, in EXPORT_HEADER's order. */
export function exportCells(row: EvaluationRow): (string | number | null)[] {
  return [
    row.pid,
    row.cohort,
    row.stratum,
    row.assigned,
    row.gender,
    row.ageAtDraw,
    row.employmentStatus,
    row.licence,
    row.daysToLicence,
    row.employed_m12,
    row.employed_m24,
  ];
}

/** Each download of evaluation data (the file or the summary) leaves a trace. */
export function recordEvaluationExport(actor: Actor, format: "csv" | "json", cohort: string | undefined, rows: number): Promise<void> {
  return recordAudit({
    actorId: actor.id,
    action: "EVALUATION_EXPORTED",
    entity: "Evaluation",
    details: { format, cohort: cohort ?? null, rows },
  });
}

/** Cohort names that have a draw, for the page's filter. */
export async function drawnCohorts(): Promise<string[]> {
  const cohorts = await db().cohort.findMany({ where: { draws: { some: {} } }, orderBy: { drawDate: "asc" }, select: { name: true } });
  return cohorts.map((c) => c.name);
}

/** The youth leaves the evaluation from now on (their past answers stay out of every later export
 * too). Already withdrawn: the first date is kept. */
export async function withdrawEvaluationConsent(
  actor: Actor,
  youthId: string,
  now = new Date(),
): Promise<{ withdrawnAt: Date; already: boolean }> {
  return db().$transaction(async (tx) => {
    const youth = await tx.youth.findFirst({
      where: { AND: [{ id: youthId }, youthScope(actor)] },
      select: { id: true, evaluationConsentWithdrawnAt: true },
    });
    if (!youth) throw new NotFoundError();
    if (youth.evaluationConsentWithdrawnAt) return { withdrawnAt: youth.evaluationConsentWithdrawnAt, already: true };
    await tx.youth.update({ where: { id: youth.id }, data: { evaluationConsentWithdrawnAt: now } });
    await recordAudit({ actorId: actor.id, action: "EVALUATION_CONSENT_WITHDRAWN", entity: "Youth", entityId: youth.id }, tx);
    return { withdrawnAt: now, already: false };
  });
}

/** The youth in the caller's scope (404 otherwise), before the form is read. */
export async function findYouthForConsent(actor: Actor, youthId: string): Promise<void> {
  const youth = await db().youth.findFirst({ where: { AND: [{ id: youthId }, youthScope(actor)] }, select: { id: true } });
  if (!youth) throw new NotFoundError();
}
