// Each young person's training summary: the figures and early-warning facts of their current
// enrolment, with the warnings they raise, kept in TrainingSummary so that a caseload of hundreds
// sorts and filters by warning in SQL and shows a page of 25 without recomputing anyone. A summary
// is exact when read: database triggers mark it stale when a lesson, booklet row, exam, payment,
// difficulty or enrolment of the learner changes, and it expires when the passing of time alone
// could change it (a lesson starts, a threshold in days is crossed). Pages refresh the stale and
// expired summaries of their scope before reading; a periodic sweep refreshes the rest and tells
// counsellors about new warnings even when nobody looks. docs/warnings.md explains it.
import { z } from "zod";
import { db, type DbTx } from "../../db/client.ts";
import { earliest } from "../../domain/time.ts";
import { keptAnswers } from "../../domain/kept-answers.ts";
import { executeStatement, queryRows } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { DIFFICULTY_CATEGORIES, ENROLMENT_STATUSES, EXAM_KINDS, EXAM_RESULTS } from "../../domain/enums.ts";
import { warningCodes, warningRank, warningsChangeAt, warningsOf, type Warning, type WarningFacts } from "../../domain/warnings.ts";
import { recordAudits } from "../audit/service.ts";
import { notifyEach } from "../notifications/service.ts";
import { NO_TRAINING, trainingFigures, warningFacts, type TrainingFigures } from "../progress/service.ts";

/** Summaries recomputed in one transaction: it holds the database while it computes. */
const REFRESH_BATCH = 100;

const DATE = z.coerce.date();
const STORED_FACTS = z.object({
  figures: z.object({
    minutesDone: z.number(),
    attended: z.number(),
    due: z.number(),
    lastAttended: DATE.nullable(),
    toRecord: z.number(),
    nextLesson: DATE.nullable(),
    nextStart: DATE.nullable(),
    skillsAcquired: z.number(),
  }),
  facts: z.object({
    status: z.enum(ENROLMENT_STATUSES),
    enrolledAt: DATE,
    initialAssessmentAt: DATE.nullable(),
    forecastHours: z.number().nullable(),
    drivingMinutes: z.number(),
    lastAttended: DATE.nullable(),
    unexcusedInARow: z.number(),
    recentRecorded: z.number(),
    recentAttended: z.number(),
    stalledSkill: z.object({ code: z.string(), lessons: z.number() }).nullable(),
    latestExam: z.object({ kind: z.enum(EXAM_KINDS), date: DATE, result: z.enum(EXAM_RESULTS) }).nullable(),
    contribution: z.object({ dueCents: z.number(), paidCents: z.number(), since: DATE }),
    aid: z.object({ capCents: z.number(), paidCents: z.number() }).nullable().default(null),
    openDifficulties: z.partialRecord(z.enum(DIFFICULTY_CATEGORIES), z.number()),
  }),
});

/** What a page shows of a youth's training: the figures, the facts and the warnings as of now. */
export type TrainingSummaryView = {
  enrolmentId: string | null;
  figures: TrainingFigures;
  facts: WarningFacts | null;
  warnings: Warning[];
};

/** The summary a page reads (its enrolmentId and facts columns), with its warnings worded
 * as of now: the codes were fixed when it was computed, the figures in their reasons ("depuis 26
 * jours") move with the clock. */
export function summaryView(row: { enrolmentId: string | null; facts: string | null } | null, now = new Date()): TrainingSummaryView {
  if (!row?.facts) return { enrolmentId: row?.enrolmentId ?? null, figures: NO_TRAINING, facts: null, warnings: [] };
  const stored = storedFacts(row.facts);
  return { enrolmentId: row.enrolmentId, figures: stored.figures, facts: stored.facts, warnings: warningsOf(stored.facts, now) };
}

type StoredFacts = z.infer<typeof STORED_FACTS>;

/** Summaries read lately, by their text: a page lists dozens, each read and checked in about 10 µs,
 * and the same ones come back at every visit until they change. Cleared when full. The objects are
 * shared between pages: read only. */
const parsedSummaries = keptAnswers<string, StoredFacts>(5_000);
const parseSummary = (text: string): StoredFacts => STORED_FACTS.parse(JSON.parse(text));
const storedFacts = (text: string): StoredFacts => parsedSummaries(text, parseSummary);

/** A summary as raw reads select it (`s."enrolmentId"`, `s."facts"`), for summaryView. */
const SUMMARY_ROW = z.object({ enrolmentId: z.string().nullable(), facts: z.string().nullable() });

/** One youth's warnings as of now (their file): the summary refreshed first when stale. The id comes
 * from a query scoped by the policy. */
export async function warningsOfYouth(youthId: string, now = new Date()): Promise<Warning[]> {
  await refreshSummaries(Prisma.sql`y."id" = ${youthId}`, now);
  const [row] = await queryRows(
    SUMMARY_ROW,
    Prisma.sql`SELECT s."enrolmentId" AS "enrolmentId", s."facts" AS "facts" FROM "TrainingSummary" s WHERE s."youthId" = ${youthId}`,
  );
  return summaryView(row ?? null, now).warnings;
}

/** Youths whose summary must be recomputed before it is read. */
function needsRefresh(now: Date): Prisma.YouthWhereInput {
  return {
    OR: [{ trainingSummary: null }, { trainingSummary: { stale: true } }, { trainingSummary: { validUntil: { lte: now } } }],
  };
}

const DUE_ROW = z.object({ id: z.string() });

/** The youths of a scope whose summary is missing, stale or expired. A page asks on every request
 * and usually finds none: with the scope in SQL, one prepared statement that reaches the scope's
 * youths and their summaries by key, so that its work grows with the scope, not the programme. */
async function dueYouths(scope: Prisma.Sql | Prisma.YouthWhereInput, now: Date): Promise<{ id: string }[]> {
  if (!(scope instanceof Prisma.Sql)) return db().youth.findMany({ where: { AND: [scope, needsRefresh(now)] }, select: { id: true } });
  return queryRows(
    DUE_ROW,
    Prisma.sql`SELECT y."id" AS "id" FROM "Youth" y LEFT JOIN "TrainingSummary" s ON s."youthId" = y."id"
      WHERE ${scope} AND ${isSummaryDue("s", now)}`,
  );
}

/** An SQL condition on a youth's "TrainingSummary" row, left-joined as `alias`: missing, stale or
 * expired, so refreshSummaries would recompute it. A page that reads the summaries anyway counts
 * these in the same statement and refreshes only when there are some. */
export function isSummaryDue(alias: string, now: Date): Prisma.Sql {
  const summary = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${summary}."youthId" IS NULL OR ${summary}."stale" = ${true} OR ${summary}."validUntil" <= ${now})`;
}

/**
 * Recomputes the summaries of the youths of `scope` that are missing, stale or expired; returns
 * how many. The scope is a condition on their "Youth" row, named `y` (the policy's reach from
 * src/db/sql-scopes.ts and the page's filters), or a Prisma where (`{}` for the start-up and the
 * periodic sweep). A page calls it before it sorts or counts by warning: usually there is nothing
 * to do. Between batches, other requests go through.
 */
export async function refreshSummaries(scope: Prisma.Sql | Prisma.YouthWhereInput, now = new Date()): Promise<number> {
  const due = await dueYouths(scope, now);
  for (let start = 0; start < due.length; start += REFRESH_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const ids = due.slice(start, start + REFRESH_BATCH).map((youth) => youth.id);
    await db().$transaction((tx) => recompute(tx, ids, now));
  }
  return due.length;
}

/** Each youth's row gets its summary's rank (Youth.warningRank, which the caseloads sort by), in
 * one statement; the youth's updatedAt stays that of its last edit. */
async function copyRanksToYouths(tx: DbTx, rows: readonly { youthId: string; warningRank: number }[]): Promise<void> {
  if (rows.length === 0) return;
  const ranks = Prisma.join(
    rows.map((row) => Prisma.sql`WHEN ${row.youthId} THEN CAST(${row.warningRank} AS INTEGER)`),
    " ",
  );
  await executeStatement(
    Prisma.sql`UPDATE "Youth" SET "warningRank" = CASE "id" ${ranks} END WHERE "id" IN (${Prisma.join(rows.map((row) => row.youthId))})`,
    tx,
  );
}

/** Recomputes inside one transaction, which keeps writers out while the facts are read: a change
 * made meanwhile cannot be overwritten by figures computed before it. */
async function recompute(tx: DbTx, youthIds: readonly string[], now: Date): Promise<void> {
  const youths = await tx.youth.findMany({
    where: { id: { in: [...youthIds] } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      referentId: true,
      enrolments: { where: { isCurrent: true }, select: { id: true } },
      trainingSummary: { select: { enrolmentId: true, warnings: true } },
    },
  });
  const enrolmentIds = youths.flatMap((youth) => youth.enrolments.map((enrolment) => enrolment.id));
  const [facts, figures] = await Promise.all([warningFacts(enrolmentIds, now, tx), trainingFigures(enrolmentIds, now, tx)]);

  const rows: Prisma.TrainingSummaryCreateManyInput[] = [];
  const raised: { youth: (typeof youths)[number]; warnings: Warning[] }[] = [];
  for (const youth of youths) {
    const enrolmentId = youth.enrolments[0]?.id ?? null;
    const fact = enrolmentId ? facts.get(enrolmentId) : undefined;
    const figure = (enrolmentId && figures.get(enrolmentId)) || NO_TRAINING;
    const warnings = fact ? warningsOf(fact, now) : [];
    const codes = warningCodes(warnings);
    rows.push({
      youthId: youth.id,
      enrolmentId,
      warnings: codes.join(" "),
      warningRank: warningRank(codes),
      facts: fact ? JSON.stringify({ figures: figure, facts: fact }) : null,
      stale: false,
      validUntil: fact ? earliest([warningsChangeAt(fact, now), figure.nextStart]) : null,
      refreshedAt: now,
    });
    // A first summary is where the follow-up starts, not news: only a warning that appears on a
    // summary already computed for the same enrolment is announced.
    const previous = youth.trainingSummary;
    if (previous && previous.enrolmentId === enrolmentId) {
      const known = new Set(previous.warnings.split(" "));
      const fresh = warnings.filter((warning) => !known.has(warning.code));
      if (fresh.length > 0) raised.push({ youth, warnings: fresh });
    }
  }
  await tx.trainingSummary.deleteMany({ where: { youthId: { in: [...youthIds] } } });
  await tx.trainingSummary.createMany({ data: rows });
  await copyRanksToYouths(tx, rows);
  if (raised.length === 0) return;
  await notifyEach(
    tx,
    raised.map(({ youth, warnings }) => ({
      userId: youth.referentId,
      title: `À suivre : ${youth.firstName} ${youth.lastName}`,
      body: warnings.map((warning) => `${warning.reason}. Piste : ${warning.suggestion.text.toLowerCase()}.`).join(" "),
      link: `/youths/${youth.id}`,
    })),
  );
  // Raised by the rules, not by a person: no actor.
  await recordAudits(
    raised.map(({ youth, warnings }) => ({
      actorId: null,
      action: "WARNINGS_RAISED",
      entity: "Youth",
      entityId: youth.id,
      details: { codes: warningCodes(warnings), notified: youth.referentId },
    })),
    tx,
  );
}
