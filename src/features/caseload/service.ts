// The counsellor's caseload: every youth they follow (or their whole Mission Locale), with their
// training figures and early warnings, those with warnings first. The figures and warnings come
// from each youth's training summary (src/features/warnings/service.ts), refreshed for the list's
// scope first when stale; the sort, the filters and the page are then done by the database: a
// fixed number of raw statements whatever the size of the caseload.
import { z } from "zod";
import { queryRow, queryRows, SQL_INTEGER } from "../../db/sql.ts";
import { missionLocaleInReach, youthInReach } from "../../db/sql-scopes.ts";
import { youthSearchCondition } from "../../db/sql-search.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { can, fileReach, missionLocaleReach, type Actor } from "../../auth/policy.ts";
import { ENROLMENT_STATUSES } from "../../domain/enums.ts";
import { SKILLS } from "../../domain/remc.ts";
import { isSummaryDue, refreshSummaries, summaryView } from "../warnings/service.ts";
import type { CaseloadQuery } from "./schemas.ts";

// 25 rows of 13 columns, each warning with its reason and a one-click suggestion: a screenful or two
// to act on, the most serious first. Filters narrow the list; the CSV export holds every page.
export const CASELOAD_PAGE_SIZE = 25;

type Listing = { page: number } | "all";

const NAMED = z.object({ id: z.string(), name: z.string() });

const CASELOAD_ROW = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  employmentStatus: z.string(),
  enrolmentId: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES).nullable(),
  forecastHours: SQL_INTEGER.nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  summaryEnrolmentId: z.string().nullable(),
  facts: z.string().nullable(),
  openRecommendations: SQL_INTEGER,
});

// The youth's current enrolment (at most one: Enrolment_one_current_per_youth) and summary.
const CURRENT_ENROLMENT = Prisma.sql`LEFT JOIN "Enrolment" e ON e."youthId" = y."id" AND e."isCurrent" = ${true}`;
const SUMMARY = Prisma.sql`LEFT JOIN "TrainingSummary" s ON s."youthId" = y."id"`;

export async function caseload(actor: Actor, query: CaseloadQuery, listing: Listing, now = new Date()) {
  const missionLocales = await queryRows(
    NAMED,
    Prisma.sql`SELECT m."id" AS "id", m."name" AS "name" FROM "MissionLocale" m
      WHERE ${missionLocaleInReach(missionLocaleReach(actor), "m")} ORDER BY m."name"`,
  );
  const missionLocale = missionLocales.find((ml) => ml.id === query.missionLocaleId) ?? missionLocales[0];
  // A counsellor sees the youths they follow unless they ask for the whole Mission Locale.
  const followedOnly = can(actor, "caseload:follow") && query.all !== "1";
  const page = listing === "all" ? 1 : listing.page;
  const base = { missionLocales, missionLocale, followedOnly, schools: [], cohorts: [], page, totalSkills: SKILLS.length };
  if (!missionLocale) return { ...base, rows: [], total: 0, pageCount: 1 };

  const inList = Prisma.join(
    [
      youthInReach(fileReach(actor), "y"),
      Prisma.sql`y."missionLocaleId" = ${missionLocale.id}`,
      ...(followedOnly ? [Prisma.sql`y."referentId" = ${actor.id}`] : []),
    ],
    " AND ",
  );
  const where = Prisma.join(
    [
      inList,
      ...(query.q ? [youthSearchCondition(query.q, "y")] : []),
      ...(query.status ? [Prisma.sql`e."status" = ${query.status}`] : []),
      ...(query.schoolId ? [Prisma.sql`e."drivingSchoolId" = ${query.schoolId}`] : []),
      ...(query.cohortId
        ? [Prisma.sql`EXISTS (SELECT 1 FROM "Application" a WHERE a."youthId" = y."id" AND a."cohortId" = ${query.cohortId})`]
        : []),
      ...(query.employmentStatus ? [Prisma.sql`y."employmentStatus" = ${query.employmentStatus}`] : []),
      ...(query.warning ? [Prisma.sql`s."warnings" LIKE ${`%${query.warning}%`}`] : []),
    ],
    " AND ",
  );
  // The list sorts by warning: a summary due in the list's scope is refreshed before it is read.
  let counted = await countOf(query, where, inList, now);
  if (counted.due > 0) {
    await refreshSummaries(inList, now);
    counted = await countOf(query, where, inList, now);
  }
  const limit =
    listing === "all" ? Prisma.empty : Prisma.sql`LIMIT ${CASELOAD_PAGE_SIZE} OFFSET ${(listing.page - 1) * CASELOAD_PAGE_SIZE}`;
  // Warnings first, the most serious first; then by name: the order of the youths' index on
  // (referentId or missionLocaleId, warningRank, names), where an unfiltered page is a range read
  // without a sort (Youth.warningRank is the summary's, refreshed just above). Only the youths of
  // the page are then read whole (facts, school, open recommendations). The total is a count of
  // its own: a window count over the sorted keys cost more than the sort.
  const youths = await queryRows(
    CASELOAD_ROW,
    Prisma.sql`WITH "shown" AS (
        SELECT y."id" AS "youthId", y."warningRank" AS "warningRank", y."lastName" AS "lastName", y."firstName" AS "firstName"
        FROM "Youth" y ${enrolmentJoin(query)} ${summaryJoin(query)}
        WHERE ${where}
        ORDER BY y."warningRank", y."lastName", y."firstName", y."id"
        ${limit})
      SELECT y."id" AS "id", y."firstName" AS "firstName", y."lastName" AS "lastName",
        y."employmentStatus" AS "employmentStatus", e."id" AS "enrolmentId", e."status" AS "status",
        e."forecastHours" AS "forecastHours", d."id" AS "schoolId", d."name" AS "schoolName",
        s."enrolmentId" AS "summaryEnrolmentId", s."facts" AS "facts",
        (SELECT COUNT(*) FROM "Recommendation" r
          WHERE r."youthId" = y."id" AND r."status" IN ('PROPOSED', 'ACCEPTED')) AS "openRecommendations"
      FROM "shown" JOIN "Youth" y ON y."id" = "shown"."youthId" ${CURRENT_ENROLMENT} ${SUMMARY}
      LEFT JOIN "DrivingSchool" d ON d."id" = e."drivingSchoolId"
      ORDER BY "shown"."warningRank", "shown"."lastName", "shown"."firstName", "shown"."youthId"`,
  );
  const { total } = counted;
  // The Mission Locale's partner schools (a filter that finds nobody says so).
  const schools = await queryRows(
    NAMED,
    Prisma.sql`SELECT d."id" AS "id", d."name" AS "name" FROM "DrivingSchool" d
      WHERE d."missionLocaleId" = ${missionLocale.id} ORDER BY d."name"`,
  );
  const cohorts = await queryRows(NAMED, Prisma.sql`SELECT c."id" AS "id", c."name" AS "name" FROM "Cohort" c ORDER BY c."drawDate" DESC`);

  const rows = youths.map((youth) => {
    const enrolment =
      youth.enrolmentId && youth.status && youth.schoolId && youth.schoolName !== null
        ? {
            id: youth.enrolmentId,
            status: youth.status,
            forecastHours: youth.forecastHours,
            drivingSchool: { id: youth.schoolId, name: youth.schoolName },
          }
        : null;
    const { figures, facts, warnings } = summaryView({ enrolmentId: youth.summaryEnrolmentId, facts: youth.facts }, now);
    return {
      youth: { id: youth.id, firstName: youth.firstName, lastName: youth.lastName, employmentStatus: youth.employmentStatus },
      enrolment,
      minutesDone: figures.minutesDone,
      attendanceRate: figures.due === 0 ? null : figures.attended / figures.due,
      lastAttended: figures.lastAttended,
      skillsAcquired: figures.skillsAcquired,
      latestExam: facts?.latestExam ?? null,
      contribution: facts?.contribution ?? null,
      aid: facts?.aid ?? null,
      openDifficulties: facts ? Object.values(facts.openDifficulties).reduce((sum, count) => sum + count, 0) : 0,
      openRecommendations: youth.openRecommendations,
      warnings,
    };
  });
  return { ...base, schools, cohorts, rows, total, pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)) };
}

const COUNTED = z.object({ total: SQL_INTEGER, due: SQL_INTEGER });

/** How many youths the filters find, over every page; and how many summaries of the list's scope
 * (`inList`, before the filters) are missing, stale or expired. */
function countOf(query: CaseloadQuery, where: Prisma.Sql, inList: Prisma.Sql, now: Date) {
  return queryRow(
    COUNTED,
    Prisma.sql`SELECT
      (SELECT COUNT(*) FROM "Youth" y ${enrolmentJoin(query)} ${summaryJoin(query)} WHERE ${where}) AS "total",
      (SELECT COUNT(*) FROM "Youth" y ${SUMMARY} WHERE ${inList} AND ${isSummaryDue("s", now)}) AS "due"`,
  );
}

/** The current enrolment's join, when a filter reads it. */
function enrolmentJoin(query: CaseloadQuery): Prisma.Sql {
  return query.status || query.schoolId ? CURRENT_ENROLMENT : Prisma.empty;
}

/** The summary's join, when a filter reads it (the order reads the youth's own warningRank). */
function summaryJoin(query: CaseloadQuery): Prisma.Sql {
  return query.warning ? SUMMARY : Prisma.empty;
}
