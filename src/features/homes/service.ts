// Figures for each role's home, computed in the database (counts and groupings, no N+1).
import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRow, queryRows, SQL_INTEGER } from "../../db/sql.ts";
import { enrolmentInReach, youthInReach } from "../../db/sql-scopes.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { enrolmentScope, fileReach, lessonScope, youthScope, type Actor } from "../../auth/policy.ts";
import { addDays, startOfParisDay, startOfParisWeek } from "../../domain/time.ts";
import { SKILLS } from "../../domain/remc.ts";
import { LESSON_ROW } from "../lessons/service.ts";
import { WARNING_ORDER, warningCodes, warningRank } from "../../domain/warnings.ts";
import { refreshSummaries, SUMMARY_SELECT, summaryView } from "../warnings/service.ts";
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

/** The counsellor's figures in one statement, each reached through an index from their Mission
 * Locale (the week's lessons through its enrolments, not the whole programme's week); the caseload
 * and the Mission Locale's enrolments are each read once, their counts side by side. */
function referentFigures(actor: Actor, now: Date) {
  const reach = fileReach(actor);
  const week = weekBounds(now);
  return queryRow(
    REFERENT_FIGURES,
    Prisma.sql`SELECT
      (SELECT COUNT(*) FROM "Youth" y WHERE ${youthInReach(reach, "y")}) AS "youths",
      caseload."caseloadSize", caseload."withWarnings", caseload."due",
      enrolments."activeEnrolments", enrolments."lessonsThisWeek",
      (SELECT COUNT(*) FROM "Difficulty" d JOIN "Youth" y ON y."id" = d."youthId" WHERE d."resolvedAt" IS NULL AND ${followedBy(actor, "y")})
        AS "openDifficulties"
    FROM (SELECT COUNT(*) AS "caseloadSize",
        COUNT(CASE WHEN t."warningRank" < ${WARNING_ORDER.length} THEN 1 END) AS "withWarnings",
        COUNT(CASE WHEN t."youthId" IS NULL OR t."stale" = ${true} OR t."validUntil" <= ${now} THEN 1 END) AS "due"
      FROM "Youth" y LEFT JOIN "TrainingSummary" t ON t."youthId" = y."id" WHERE ${followedBy(actor, "y")}) caseload,
    (SELECT COUNT(CASE WHEN e."isCurrent" = ${true} AND e."status" = 'ACTIVE' THEN 1 END) AS "activeEnrolments",
        COALESCE(SUM((SELECT COUNT(*) FROM "Lesson" l WHERE l."enrolmentId" = e."id"
          AND l."startsAt" >= ${week.start} AND l."startsAt" < ${week.end} AND l."attendance" <> 'CANCELLED')), 0) AS "lessonsThisWeek"
      FROM "Enrolment" e WHERE ${enrolmentInReach(reach, "e")}) enrolments`,
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

/** How many youths with warnings the counsellor's home lists (the caseload has them all). */
const HOME_WATCHED = 10;

/** The caseload's youths with warnings, the most serious first, then alphabetical; with the school
 * of their current enrolment and their summary, read for those listed only. */
function watchedYouths(actor: Actor) {
  return queryRows(
    WATCHED_ROW,
    Prisma.sql`SELECT w."id", w."firstName", w."lastName", t."enrolmentId", t."facts",
        (SELECT s."name" FROM "Enrolment" e JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
          WHERE e."youthId" = w."id" AND e."isCurrent" = ${true} LIMIT 1) AS "school"
      FROM (SELECT y."id", y."firstName", y."lastName", t."warningRank"
          FROM "Youth" y JOIN "TrainingSummary" t ON t."youthId" = y."id"
          WHERE ${followedBy(actor, "y")} AND t."warningRank" < ${WARNING_ORDER.length}
          ORDER BY t."warningRank", y."lastName", y."firstName", y."id"
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

/** The school's current enrolments, alphabetical. */
function currentEnrolments(current: Prisma.EnrolmentWhereInput) {
  return db().enrolment.findMany({
    where: current,
    select: {
      id: true,
      status: true,
      enrolledAt: true,
      forecastHours: true,
      youth: { select: { id: true, firstName: true, lastName: true, trainingSummary: { select: SUMMARY_SELECT } } },
    },
    orderBy: [{ youth: { lastName: "asc" } }, { youth: { firstName: "asc" } }],
  });
}

const SCHOOL_LESSON_COUNTS = z.object({ pendingCount: SQL_INTEGER, lessonsThisWeek: SQL_INTEGER });

/** Past lessons still waiting for attendance (the instructor's own, or the school's) and the
 * school's lessons this week, in one statement. */
function schoolLessonCounts(actor: Actor, at: { all: boolean; today: Date; week: { start: Date; end: Date } }) {
  const inReach = Prisma.sql`l."enrolmentId" IN (SELECT e."id" FROM "Enrolment" e WHERE ${enrolmentInReach(fileReach(actor), "e")})`;
  const mine = at.all ? Prisma.sql`1 = 1` : Prisma.sql`l."instructorId" = ${actor.id}`;
  return queryRow(
    SCHOOL_LESSON_COUNTS,
    Prisma.sql`SELECT
      (SELECT COUNT(*) FROM "Lesson" l WHERE ${inReach} AND ${mine} AND l."startsAt" < ${at.today} AND l."attendance" = 'SCHEDULED')
        AS "pendingCount",
      (SELECT COUNT(*) FROM "Lesson" l WHERE ${inReach} AND l."startsAt" >= ${at.week.start} AND l."startsAt" < ${at.week.end}
        AND l."attendance" <> 'CANCELLED') AS "lessonsThisWeek"`,
  );
}

/** What the school home shows: the signed-in instructor's lessons, or the whole school's; and the
 * lesson whose attendance was just changed, kept in the "to record" list so it can be undone there. */
type SchoolHomeOptions = { all: boolean; justChangedLessonId?: string | undefined };

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
 * figures and early warnings (src/domain/warnings.ts, as on the caseload). A fixed number of queries in parallel, whatever the number of youths
 * or lessons (no N+1): bench/school-home.ts keeps it fast.
 */
export async function schoolHome(actor: Actor, options: SchoolHomeOptions = { all: false }, now = new Date()) {
  const week = weekBounds(now);
  const today = startOfParisDay(now);
  const tomorrow = addDays(today, 1);
  const current: Prisma.EnrolmentWhereInput = {
    AND: [enrolmentScope(actor), { isCurrent: true, status: { in: ["ACTIVE", "SUSPENDED"] } }],
  };
  const mine: Prisma.LessonWhereInput = options.all ? {} : { instructorId: actor.id };
  const past: Prisma.LessonWhereInput[] = [lessonScope(actor), mine, { startsAt: { lt: today } }];
  const pendingWhere: Prisma.LessonWhereInput = { AND: [...past, { attendance: "SCHEDULED" }] };
  const justChanged = options.justChangedLessonId;
  // The learners' ids first: from the school's enrolments, the summaries are found by key (a
  // condition on the enrolments of every youth would read the programme's youths).
  const learners = await db().enrolment.findMany({ where: current, select: { youthId: true } });
  await refreshSummaries({ id: { in: learners.map((enrolment) => enrolment.youthId) } }, now);
  const [enrolments, windowLessons, pending, { pendingCount, lessonsThisWeek }] = await Promise.all([
    currentEnrolments(current),
    db().lesson.findMany({
      where: { AND: [lessonScope(actor), { startsAt: { gte: today, lt: addDays(tomorrow, UPCOMING_DAYS) } }] },
      select: LESSON_ROW,
      orderBy: { startsAt: "asc" },
    }),
    // Most recent first: the lessons an instructor remembers best. The one just changed stays
    // listed (recorded) so that its confirmation and its undo button are still there.
    db().lesson.findMany({
      where: justChanged ? { AND: [...past, { OR: [{ attendance: "SCHEDULED" }, { id: justChanged }] }] } : pendingWhere,
      select: LESSON_ROW,
      orderBy: { startsAt: "desc" },
      take: PENDING_SHOWN,
    }),
    schoolLessonCounts(actor, { all: options.all, today, week }),
  ]);

  const youths = enrolments.map((enrolment) => {
    const { figures: f, warnings } = summaryView(enrolment.youth.trainingSummary, now);
    return {
      enrolmentId: enrolment.id,
      status: enrolment.status,
      youth: { id: enrolment.youth.id, firstName: enrolment.youth.firstName, lastName: enrolment.youth.lastName },
      minutesDone: f.minutesDone,
      forecastHours: enrolment.forecastHours,
      attendanceRate: f.due === 0 ? null : f.attended / f.due,
      lastLesson: f.lastAttended,
      nextLesson: f.nextLesson,
      acquired: f.skillsAcquired,
      warnings,
      toRecord: f.toRecord,
    };
  });
  // Those with warnings first, the most serious first, then alphabetical (the query's order).
  const sorted = [...youths].sort((a, b) => warningRank(warningCodes(a.warnings)) - warningRank(warningCodes(b.warnings)));
  const schoolToday = windowLessons.filter((lesson) => lesson.startsAt < tomorrow);
  const shown = options.all ? windowLessons : windowLessons.filter((lesson) => lesson.instructor?.id === actor.id);
  const shownToday = shown.filter((lesson) => lesson.startsAt < tomorrow);
  return {
    figures: {
      enrolled: enrolments.length,
      lessonsToday: schoolToday.filter((lesson) => lesson.attendance !== "CANCELLED").length,
      lessonsThisWeek,
      needAttention: youths.filter((youth) => youth.warnings.length > 0).length,
    },
    all: options.all,
    lessonsToday: ownFirst(shownToday, actor.id),
    othersToday: schoolToday.length - shownToday.length,
    pending,
    pendingCount,
    upcoming: shown.filter((lesson) => lesson.startsAt >= tomorrow),
    youths: sorted,
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
