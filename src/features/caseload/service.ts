// The counsellor's caseload: every youth they follow (or their whole Mission Locale), with their
// training figures and early warnings, those with warnings first. The figures and warnings come
// from each youth's training summary (src/features/warnings/service.ts), refreshed for the list's
// scope first when stale; the sort, the filters and the page are then done by the database: a
// fixed number of statements whatever the size of the caseload.
import { db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { can, missionLocaleScope, youthScope, type Actor } from "../../auth/policy.ts";
import { youthSearchWhere } from "../../domain/search.ts";
import { SKILLS } from "../../domain/remc.ts";
import { refreshSummaries, SUMMARY_SELECT, summaryView } from "../warnings/service.ts";
import type { CaseloadQuery } from "./schemas.ts";

export const CASELOAD_PAGE_SIZE = 50;

type Listing = { page: number } | "all";

export async function caseload(actor: Actor, query: CaseloadQuery, listing: Listing, now = new Date()) {
  const missionLocales = await db().missionLocale.findMany({
    where: missionLocaleScope(actor),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const missionLocale = missionLocales.find((ml) => ml.id === query.missionLocaleId) ?? missionLocales[0];
  // A counsellor sees the youths they follow unless they ask for the whole Mission Locale.
  const followedOnly = can(actor, "caseload:follow") && query.all !== "1";
  const page = listing === "all" ? 1 : listing.page;
  const base = { missionLocales, missionLocale, followedOnly, schools: [], cohorts: [], page, totalSkills: SKILLS.length };
  if (!missionLocale) return { ...base, rows: [], total: 0, pageCount: 1 };

  const inList: Prisma.YouthWhereInput = {
    AND: [youthScope(actor), { missionLocaleId: missionLocale.id }, followedOnly ? { referentId: actor.id } : {}],
  };
  const current = (where: Prisma.EnrolmentWhereInput) => ({ enrolments: { some: { isCurrent: true, ...where } } });
  const where: Prisma.YouthWhereInput = {
    AND: [
      inList,
      query.q ? youthSearchWhere(query.q) : {},
      query.status ? current({ status: query.status }) : {},
      query.schoolId ? current({ drivingSchoolId: query.schoolId }) : {},
      query.cohortId ? { applications: { some: { cohortId: query.cohortId } } } : {},
      query.employmentStatus ? { employmentStatus: query.employmentStatus } : {},
      query.warning ? { trainingSummary: { warnings: { contains: query.warning } } } : {},
    ],
  };
  await refreshSummaries(inList, now);
  const [total, youths, schools, cohorts] = await Promise.all([
    db().youth.count({ where }),
    db().youth.findMany({
      where,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        employmentStatus: true,
        enrolments: {
          where: { isCurrent: true },
          // At most one current enrolment per youth (a transfer closes the previous one): no
          // `take`, which Prisma would turn into a window over every enrolment of the list.
          select: { id: true, status: true, forecastHours: true, drivingSchool: { select: { id: true, name: true } } },
        },
        trainingSummary: { select: SUMMARY_SELECT },
        _count: { select: { recommendations: { where: { status: { in: ["PROPOSED", "ACCEPTED"] } } } } },
      },
      // Warnings first, the most serious first; then by name.
      orderBy: [{ trainingSummary: { warningRank: "asc" } }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      ...(listing === "all" ? {} : { skip: (listing.page - 1) * CASELOAD_PAGE_SIZE, take: CASELOAD_PAGE_SIZE }),
    }),
    // The Mission Locale's partner schools (a filter that finds nobody says so).
    db().drivingSchool.findMany({
      where: { missionLocaleId: missionLocale.id },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().cohort.findMany({ select: { id: true, name: true }, orderBy: { drawDate: "desc" } }),
  ]);

  const rows = youths.map((youth) => {
    const enrolment = youth.enrolments[0] ?? null;
    const { figures, facts, warnings } = summaryView(youth.trainingSummary, now);
    return {
      youth: { id: youth.id, firstName: youth.firstName, lastName: youth.lastName, employmentStatus: youth.employmentStatus },
      enrolment,
      minutesDone: figures.minutesDone,
      attendanceRate: figures.due === 0 ? null : figures.attended / figures.due,
      lastAttended: figures.lastAttended,
      skillsAcquired: figures.skillsAcquired,
      latestExam: facts?.latestExam ?? null,
      contribution: facts?.contribution ?? null,
      openDifficulties: facts ? Object.values(facts.openDifficulties).reduce((sum, count) => sum + count, 0) : 0,
      openRecommendations: youth._count.recommendations,
      warnings,
    };
  });
  return { ...base, schools, cohorts, rows, total, pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)) };
}
