// Figures for each role's home, computed in the database (counts and groupings, no N+1).
import { db } from "../../db/client.ts";
import { enrolmentScope, lessonScope, youthScope, type Actor } from "../../auth/policy.ts";
import { addDays, startOfParisDay, startOfParisWeek } from "../../domain/time.ts";

function weekBounds(now: Date) {
  const start = startOfParisWeek(now);
  return { start, end: addDays(start, 7) };
}

export async function adminHome(now = new Date()) {
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
  const statusCounts = await db().application.groupBy({ by: ["cohortId", "status"], _count: { _all: true } });
  return {
    figures: { youths, activeEnrolments, lessonsThisWeek, licences, accounts, openDifficulties },
    cohorts: cohorts.map((cohort) => ({
      ...cohort,
      seats: cohort.quotas.reduce((sum, quota) => sum + quota.seats, 0),
      statuses: Object.fromEntries(
        statusCounts.filter((row) => row.cohortId === cohort.id).map((row) => [row.status, row._count._all]),
      ) as Record<string, number>,
    })),
  };
}

export async function referentHome(actor: Actor, now = new Date()) {
  const week = weekBounds(now);
  const inMissionLocale = youthScope(actor);
  const caseloadWhere = { AND: [inMissionLocale, { referentId: actor.id }] };
  const [youths, caseloadSize, activeEnrolments, lessonsThisWeek, openDifficulties, caseload] = await Promise.all([
    db().youth.count({ where: inMissionLocale }),
    db().youth.count({ where: caseloadWhere }),
    db().enrolment.count({ where: { AND: [enrolmentScope(actor), { isCurrent: true, status: "ACTIVE" }] } }),
    db().lesson.count({ where: { AND: [lessonScope(actor), { startsAt: { gte: week.start, lt: week.end } }, { attendance: { not: "CANCELLED" } }] } }),
    db().difficulty.count({ where: { resolvedAt: null, youth: caseloadWhere } }),
    db().youth.findMany({
      where: { AND: [caseloadWhere, { enrolments: { some: { isCurrent: true, status: { in: ["ACTIVE", "SUSPENDED"] } } } }] },
      select: {
        id: true,
        ref: true,
        firstName: true,
        lastName: true,
        enrolments: { where: { isCurrent: true }, select: { status: true, drivingSchool: { select: { name: true } } }, take: 1 },
        _count: { select: { difficulties: { where: { resolvedAt: null } } } },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: 25,
    }),
  ]);
  return { figures: { youths, caseloadSize, activeEnrolments, lessonsThisWeek, openDifficulties }, caseload };
}

export async function schoolHome(actor: Actor, now = new Date()) {
  const week = weekBounds(now);
  const today = startOfParisDay(now);
  const scope = lessonScope(actor);
  const [enrolled, lessonsThisWeek, lessonsToday] = await Promise.all([
    db().enrolment.count({ where: { AND: [enrolmentScope(actor), { status: "ACTIVE" }] } }),
    db().lesson.count({ where: { AND: [scope, { startsAt: { gte: week.start, lt: week.end } }, { attendance: { not: "CANCELLED" } }] } }),
    db().lesson.findMany({
      where: { AND: [scope, { startsAt: { gte: today, lt: addDays(today, 1) } }] },
      select: {
        id: true,
        startsAt: true,
        durationMin: true,
        kind: true,
        attendance: true,
        instructor: { select: { displayName: true } },
        enrolment: { select: { youth: { select: { id: true, firstName: true, lastName: true } } } },
      },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  return { figures: { enrolled, lessonsThisWeek, lessonsToday: lessonsToday.length }, lessonsToday };
}

export async function evaluatorHome() {
  const [draws, entries, selected, answeredSurveys] = await Promise.all([
    db().lotteryDraw.count(),
    db().lotteryEntry.count(),
    db().lotteryEntry.count({ where: { outcome: "SELECTED" } }),
    db().followUpSurvey.count({ where: { status: "ANSWERED" } }),
  ]);
  return { figures: { draws, entries, selected, waitlisted: entries - selected, answeredSurveys } };
}
