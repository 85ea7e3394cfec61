// Figures for each role's home, computed in the database (counts and groupings, no N+1).
import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRow, queryRows, SQL_INTEGER } from "../../db/sql.ts";
import { enrolmentInReach, lessonInReach, youthInReach } from "../../db/sql-scopes.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { fileReach, youthScope, type Actor } from "../../auth/policy.ts";
import { addDays, startOfParisDay, startOfParisWeek } from "../../domain/time.ts";
import { ENROLMENT_STATUSES } from "../../domain/enums.ts";
import { SKILLS } from "../../domain/remc.ts";
import { countedLessonsInReach, lessonsInReach } from "../lessons/service.ts";
import { WARNING_ORDER, warningRank } from "../../domain/warnings.ts";
import { isSummaryDue, refreshSummaries, summaryView } from "../warnings/service.ts";
import { snapshotted } from "./snapshot.ts";

function weekBounds(now: Date) {
  const start = startOfParisWeek(now);
  return { start, end: addDays(start, 7) };
}

async function countAdminHome(now: Date) {
  const week = weekBounds(now);
  const [youths, activeEnrolments, lessonsThisWeek, licences, accounts, cohorts, openDifficulties] = await Promise.all([
    db().youth.count(),
    db().enrolment.count({ where: { isCurrent: true, status: "ACTIVE" } }),
    db().lesson.count({ where: { startsAt: { gte: week.start, lt: week.end }, attendance: { not: "CANCELLED" } } }),
    db().enrolment.count({ where: { licenceObtainedOn: { not: null } } }),
    db().user.count({ where: { isActive: true } }),
    db().cohort.findMany({
      select: {
        id: true,
        name: true,
        drawDate: true,
        quotas: { select: { seats: true, missionLocale: { select: { code: true, name: true } } } },
        _count: { select: { applications: true, enrolments: true } },
      },
      orderBy: { drawDate: "desc" },
    }),
    db().difficulty.count({ where: { resolvedAt: null } }),
  ]);
  const [statusCounts, warningSets] = await Promise.all([
    db().application.groupBy({ by: ["cohortId", "status"], _count: { _all: true } }),
    // As of the latest summaries (the pages and the periodic sweep keep them up to date): youths
    // per set of warnings, a few dozen sets, then per warning.
    db().trainingSummary.groupBy({ by: ["warnings"], where: { warningRank: { lt: WARNING_ORDER.length } }, _count: { _all: true } }),
  ]);
  const youthsWith = (code: string) =>
    warningSets.reduce((sum, set) => sum + (set.warnings.split(" ").includes(code) ? set._count._all : 0), 0);
  const withWarnings = warningSets.reduce((sum, set) => sum + set._count._all, 0);
  return {
    figures: { youths, activeEnrolments, lessonsThisWeek, licences, accounts, openDifficulties, withWarnings },
    warnings: WARNING_ORDER.map((code) => ({ code, youths: youthsWith(code) })),
    cohorts: cohorts.map((cohort) => ({
      ...cohort,
      seats: cohort.quotas.reduce((sum, quota) => sum + quota.seats, 0),
      statuses: Object.fromEntries(statusCounts.filter((row) => row.cohortId === cohort.id).map((row) => [row.status, row._count._all])),
    })),
  };
}

const REFERENT_FIGURES = z.object({
  youths: SQL_INTEGER,
  caseloadSize: SQL_INTEGER,
  activeEnrolments: SQL_INTEGER,
  lessonsThisWeek: SQL_INTEGER,
  openDifficulties: SQL_INTEGER,
  withWarnings: SQL_INTEGER,
  /** Youths of the caseload whose summary is missing, stale or expired (the refresh's own rule). */
  due: SQL_INTEGER,
});

/** The counsellor's own youths (in their reach, followed by them), as a condition on a "Youth" row. */
function followedBy(actor: Actor, alias: string) {
  return Prisma.sql`${youthInReach(fileReach(actor), alias)} AND ${Prisma.raw(`"${alias}"`)}."referentId" = ${actor.id}`;
}

/** The counsellor's figures in one statement: the Mission Locale's youths counted through its index,
 * everything else over the counsellor's own caseload, read once with each youth's summary and
 * current enrolment (whose lessons of the week are reached through their index). "En formation"
 * thus counts the youths its link lists (the caseload filtered on training). */
function referentFigures(actor: Actor, now: Date) {
  const week = weekBounds(now);
  return queryRow(
    REFERENT_FIGURES,
    Prisma.sql`SELECT
      (SELECT COUNT(*) FROM "Youth" y WHERE ${youthInReach(fileReach(actor), "y")}) AS "youths",
      caseload."caseloadSize", caseload."withWarnings", caseload."due", caseload."activeEnrolments", caseload."lessonsThisWeek",
      (SELECT COUNT(*) FROM "Difficulty" d JOIN "Youth" y ON y."id" = d."youthId" WHERE d."resolvedAt" IS NULL AND ${followedBy(actor, "y")})
        AS "openDifficulties"
    FROM (SELECT COUNT(*) AS "caseloadSize",
        COUNT(CASE WHEN t."warningRank" < ${WARNING_ORDER.length} THEN 1 END) AS "withWarnings",
        COUNT(CASE WHEN ${isSummaryDue("t", now)} THEN 1 END) AS "due",
        COUNT(CASE WHEN e."status" = 'ACTIVE' THEN 1 END) AS "activeEnrolments",
        COALESCE(SUM(CASE WHEN e."id" IS NOT NULL THEN (SELECT COUNT(*) FROM "Lesson" l WHERE l."enrolmentId" = e."id"
          AND l."startsAt" >= ${week.start} AND l."startsAt" < ${week.end} AND l."attendance" <> 'CANCELLED') END), 0) AS "lessonsThisWeek"
      FROM "Youth" y LEFT JOIN "TrainingSummary" t ON t."youthId" = y."id"
        LEFT JOIN "Enrolment" e ON e."youthId" = y."id" AND e."isCurrent" = ${true}
      WHERE ${followedBy(actor, "y")}) caseload`,
  );
}

const WATCHED_ROW = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  school: z.string().nullable(),
  enrolmentId: z.string().nullable(),
  facts: z.string().nullable(),
});

/** How many youths with warnings a home lists, the most serious first: a screen's worth on a phone.
 * The counsellor's caseload and the school's full list (`learners=all`) have them all. */
const HOME_WATCHED = 10;

/** The caseload's youths with warnings, the most serious first, then alphabetical (a range of the
 * youths' index on warningRank and names); with the school of their current enrolment and their
 * summary, read for those listed only. */
function watchedYouths(actor: Actor) {
  return queryRows(
    WATCHED_ROW,
    Prisma.sql`SELECT w."id", w."firstName", w."lastName", t."enrolmentId", t."facts",
        (SELECT s."name" FROM "Enrolment" e JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
          WHERE e."youthId" = w."id" AND e."isCurrent" = ${true} LIMIT 1) AS "school"
      FROM (SELECT y."id", y."firstName", y."lastName", y."warningRank"
          FROM "Youth" y
          WHERE ${followedBy(actor, "y")} AND y."warningRank" < ${WARNING_ORDER.length}
          ORDER BY y."warningRank", y."lastName", y."firstName", y."id"
          LIMIT ${HOME_WATCHED}) w
        JOIN "TrainingSummary" t ON t."youthId" = w."id"
      ORDER BY w."warningRank", w."lastName", w."firstName", w."id"`,
  );
}

export async function referentHome(actor: Actor, now = new Date()) {
  const read = () => Promise.all([referentFigures(actor, now), watchedYouths(actor)]);
  let [counted, watched] = await read();
  // The figures and the list count warnings: when a summary of the caseload is due (a lesson has
  // started, a record changed), it is refreshed, then both are read again.
  if (counted.due > 0) {
    await refreshSummaries({ AND: [youthScope(actor), { referentId: actor.id }] }, now);
    [counted, watched] = await read();
  }
  const { due: _due, ...figures } = counted;
  return {
    figures,
    watched: watched.map((youth) => ({
      id: youth.id,
      firstName: youth.firstName,
      lastName: youth.lastName,
      school: youth.school,
      warnings: summaryView(youth, now).warnings,
    })),
  };
}

/** The school's figures, carried by each learner's row (or read alone when none is listed). */
const SCHOOL_FIGURES = z.object({
  enrolled: SQL_INTEGER,
  watched: SQL_INTEGER,
  /** Learners whose summary is missing, stale or expired. */
  due: SQL_INTEGER,
  lessonsThisWeek: SQL_INTEGER,
});

const SCHOOL_LEARNER = SCHOOL_FIGURES.extend({
  enrolmentId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  forecastHours: SQL_INTEGER.nullable(),
  youthId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  summaryEnrolmentId: z.string().nullable(),
  facts: z.string().nullable(),
});

/** Which learners the school home lists: those with early warnings (the first HOME_WATCHED of
 * them), or every learner on request. */
export type LearnerListing = "watched" | "all";
const NO_WARNING = warningRank([]);

/** The school's current enrolments in training. */
function isSchoolLearner(actor: Actor): Prisma.Sql {
  return Prisma.sql`${enrolmentInReach(fileReach(actor), "e")} AND e."isCurrent" = ${true} AND e."status" IN ('ACTIVE', 'SUSPENDED')`;
}

/** The school's lessons this week, not cancelled, as a scalar subquery. */
function schoolLessonsThisWeek(actor: Actor, week: { start: Date; end: Date }): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM "Lesson" wl JOIN "Enrolment" we ON we."id" = wl."enrolmentId"
      WHERE ${lessonInReach(fileReach(actor), "wl", "we")}
        AND wl."startsAt" >= ${week.start} AND wl."startsAt" < ${week.end} AND wl."attendance" <> 'CANCELLED')`;
}

/** The school's figures over its learners: how many, how many with warnings, how many summaries
 * are due (missing, stale or expired); read from the enrolments and the summaries' index alone. */
function schoolCounts(actor: Actor, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "enrolled", COUNT(CASE WHEN t."warningRank" < ${NO_WARNING} THEN 1 END) AS "watched",
      COUNT(CASE WHEN ${isSummaryDue("t", now)} THEN 1 END) AS "due"
    FROM "Enrolment" e LEFT JOIN "TrainingSummary" t ON t."youthId" = e."youthId"
    WHERE ${isSchoolLearner(actor)}`;
}

/**
 * The school's learners with their training summaries, those with warnings first, the most
 * serious first, then alphabetical; with the school's figures in the same statement: how many
 * learners, how many with warnings, how many summaries are due and the week's lessons. When a
 * summary is due (a lesson has started, a record changed), it is refreshed and the statement read
 * again. Listing only the watched ones keeps the page's cost whatever the school's size.
 */
async function schoolLearners(actor: Actor, listing: LearnerListing, week: { start: Date; end: Date }, now: Date) {
  const read = async () => {
    const rows = await queryRows(
      SCHOOL_LEARNER,
      Prisma.sql`SELECT l.*, c."enrolled", c."watched", c."due", ${schoolLessonsThisWeek(actor, week)} AS "lessonsThisWeek"
        FROM (SELECT e."id" AS "enrolmentId", e."status" AS "status", e."forecastHours" AS "forecastHours", y."id" AS "youthId",
              y."firstName" AS "firstName", y."lastName" AS "lastName", t."enrolmentId" AS "summaryEnrolmentId", t."facts" AS "facts",
              COALESCE(t."warningRank", ${NO_WARNING}) AS "warningRank"
            FROM "Enrolment" e
            JOIN "Youth" y ON y."id" = e."youthId"
            LEFT JOIN "TrainingSummary" t ON t."youthId" = y."id"
            WHERE ${isSchoolLearner(actor)}) l
          CROSS JOIN (${schoolCounts(actor, now)}) c
        ${listing === "watched" ? Prisma.sql`WHERE l."warningRank" < ${NO_WARNING}` : Prisma.empty}
        ORDER BY l."warningRank", l."lastName", l."firstName", l."enrolmentId"
        ${listing === "watched" ? Prisma.sql`LIMIT ${HOME_WATCHED}` : Prisma.empty}`,
    );
    return { rows, figures: rows[0] ?? (await schoolFigures(actor, week, now)) };
  };
  let { rows, figures } = await read();
  if (figures.due > 0) {
    await refreshSummaries(Prisma.sql`y."id" IN (SELECT e."youthId" FROM "Enrolment" e WHERE ${isSchoolLearner(actor)})`, now);
    ({ rows, figures } = await read());
  }
  return { learners: rows, enrolled: figures.enrolled, watched: figures.watched, lessonsThisWeek: figures.lessonsThisWeek };
}

/** The school's figures alone, when no learner is listed (none has a warning, or none is enrolled). */
function schoolFigures(actor: Actor, week: { start: Date; end: Date }, now: Date) {
  return queryRow(
    SCHOOL_FIGURES,
    Prisma.sql`SELECT c."enrolled", c."watched", c."due", ${schoolLessonsThisWeek(actor, week)} AS "lessonsThisWeek"
      FROM (${schoolCounts(actor, now)}) c`,
  );
}

/** What the school home shows: the signed-in instructor's lessons, or the whole school's; and the
 * lesson whose attendance was just changed, kept in the "to record" list so it can be undone there. */
type SchoolHomeOptions = { all: boolean; learners?: LearnerListing; justChangedLessonId?: string | undefined };

/** How many past lessons still waiting for attendance the home lists (the count covers them all). */
const PENDING_SHOWN = 20;
/** Days after today the home lists ("the next days"). */
const UPCOMING_DAYS = 7;

/** The instructor's own lessons first, then by time (a stable order for the others). */
function ownFirst<T extends { startsAt: Date; instructor: { id: string } | null }>(lessons: readonly T[], actorId: string): T[] {
  return [...lessons].sort(
    (a, b) => Number(b.instructor?.id === actorId) - Number(a.instructor?.id === actorId) || a.startsAt.getTime() - b.startsAt.getTime(),
  );
}

/**
 * The school's day, for an instructor between two lessons: today's lessons (own first), past
 * lessons still waiting for attendance, the next days, and every current enrolment with its
 * figures and early warnings (src/domain/warnings.ts, as on the caseload). Three raw statements
 * when no summary is due, whatever the number of youths or lessons (no N+1): bench/school-home.ts
 * keeps it fast.
 */
export async function schoolHome(actor: Actor, options: SchoolHomeOptions = { all: false }, now = new Date()) {
  const week = weekBounds(now);
  const today = startOfParisDay(now);
  const tomorrow = addDays(today, 1);
  const mine = options.all ? Prisma.empty : Prisma.sql`AND l."instructorId" = ${actor.id}`;
  const justChanged = options.justChangedLessonId;
  const [{ learners, enrolled, watched, lessonsThisWeek }, windowLessons, { lessons: pending, counted: pendingCount }] = await Promise.all([
    schoolLearners(actor, options.learners ?? "watched", week, now),
    // Today's lessons of the whole school (counted on the page), and the next days' of those shown.
    lessonsInReach(actor, {
      where: Prisma.sql`l."startsAt" >= ${today} AND l."startsAt" < ${addDays(tomorrow, UPCOMING_DAYS)}
        ${options.all ? Prisma.empty : Prisma.sql`AND (l."startsAt" < ${tomorrow} OR l."instructorId" = ${actor.id})`}`,
      tail: Prisma.sql`ORDER BY l."startsAt"`,
    }),
    // Past lessons still waiting for attendance (the instructor's own, or the school's), counted,
    // the most recent first: the lessons an instructor remembers best. The one just changed stays
    // listed (recorded), not counted, so that its confirmation and its undo button are still there.
    countedLessonsInReach(
      actor,
      {
        where: Prisma.sql`l."startsAt" < ${today} ${mine}
          AND (l."attendance" = 'SCHEDULED' ${justChanged ? Prisma.sql`OR l."id" = ${justChanged}` : Prisma.empty})`,
        tail: Prisma.sql`ORDER BY l."startsAt" DESC LIMIT ${PENDING_SHOWN}`,
      },
      Prisma.sql`l."attendance" = 'SCHEDULED'`,
    ),
  ]);

  const youths = learners.map((learner) => {
    const { figures: f, warnings } = summaryView({ enrolmentId: learner.summaryEnrolmentId, facts: learner.facts }, now);
    return {
      enrolmentId: learner.enrolmentId,
      status: learner.status,
      youth: { id: learner.youthId, firstName: learner.firstName, lastName: learner.lastName },
      minutesDone: f.minutesDone,
      forecastHours: learner.forecastHours,
      attendanceRate: f.due === 0 ? null : f.attended / f.due,
      lastLesson: f.lastAttended,
      nextLesson: f.nextLesson,
      acquired: f.skillsAcquired,
      warnings,
      toRecord: f.toRecord,
    };
  });
  const schoolToday = windowLessons.filter((lesson) => lesson.startsAt < tomorrow);
  const shown = options.all ? windowLessons : windowLessons.filter((lesson) => lesson.instructor?.id === actor.id);
  const shownToday = shown.filter((lesson) => lesson.startsAt < tomorrow);
  return {
    figures: {
      enrolled,
      lessonsToday: schoolToday.filter((lesson) => lesson.attendance !== "CANCELLED").length,
      lessonsThisWeek,
      needAttention: watched,
    },
    all: options.all,
    lessonsToday: ownFirst(shownToday, actor.id),
    othersToday: schoolToday.length - shownToday.length,
    pending,
    pendingCount,
    upcoming: shown.filter((lesson) => lesson.startsAt >= tomorrow),
    youths,
    learners: options.learners ?? "watched",
    totalSkills: SKILLS.length,
    now,
  };
}

async function countEvaluatorHome() {
  const [draws, entries, selected, answeredSurveys] = await Promise.all([
    db().lotteryDraw.count(),
    db().lotteryEntry.count(),
    db().lotteryEntry.count({ where: { outcome: "SELECTED" } }),
    db().followUpSurvey.count({ where: { status: "ANSWERED" } }),
  ]);
  return { figures: { draws, entries, selected, waitlisted: entries - selected, answeredSurveys } };
}

export { homePathOf } from "./paths.ts";

const adminSnapshot = snapshotted(countAdminHome);
const evaluatorSnapshot = snapshotted(countEvaluatorHome);

/** The coordinator's home: programme-wide figures, counted at most once per maxAgeMs. */
export async function adminHome(maxAgeMs: number, now = new Date()) {
  const { at, value } = await adminSnapshot(maxAgeMs, now);
  return { ...value, countedAt: at };
}

export async function evaluatorHome(maxAgeMs: number, now = new Date()) {
  const { at, value } = await evaluatorSnapshot(maxAgeMs, now);
  return { ...value, countedAt: at };
}
