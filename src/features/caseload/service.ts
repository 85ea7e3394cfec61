// The counsellor's caseload: every youth they follow (or their whole Mission Locale), with their
// training figures and early warnings, those with warnings first. The figures and warnings of the
// whole list are computed in a fixed number of statements (src/features/progress/service.ts), then
// sorted and cut into pages: sorting by warnings needs them all.
import { db } from "../../db/client.ts";
import { can, missionLocaleScope, youthScope, type Actor } from "../../auth/policy.ts";
import { youthSearchWhere } from "../../domain/search.ts";
import { WARNING_ORDER, warningsOf, type Warning } from "../../domain/warnings.ts";
import { SKILLS } from "../../domain/remc.ts";
import { NO_TRAINING, trainingFigures, warningFacts } from "../progress/service.ts";
import type { CaseloadQuery } from "./schemas.ts";

export const CASELOAD_PAGE_SIZE = 50;

const rankOf = (warnings: readonly Warning[]) =>
  warnings.length === 0 ? WARNING_ORDER.length : Math.min(...warnings.map((warning) => WARNING_ORDER.indexOf(warning.code)));

export async function caseload(actor: Actor, query: CaseloadQuery, now = new Date()) {
  const missionLocales = await db().missionLocale.findMany({
    where: missionLocaleScope(actor),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const missionLocale = missionLocales.find((ml) => ml.id === query.missionLocaleId) ?? missionLocales[0];
  // A counsellor sees the youths they follow unless they ask for the whole Mission Locale.
  const followedOnly = can(actor, "caseload:follow") && query.all !== "1";
  const page = query.page ?? 1;
  const empty = { missionLocales, missionLocale, followedOnly, rows: [], total: 0, page, pageCount: 1, totalSkills: SKILLS.length };
  if (!missionLocale) return empty;

  const youths = await db().youth.findMany({
    where: {
      AND: [
        youthScope(actor),
        { missionLocaleId: missionLocale.id },
        followedOnly ? { referentId: actor.id } : {},
        query.q ? youthSearchWhere(query.q) : {},
        query.status ? { enrolments: { some: { isCurrent: true, status: query.status } } } : {},
      ],
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      enrolments: {
        where: { isCurrent: true },
        // At most one current enrolment per youth (a transfer closes the previous one): no `take`,
        // which Prisma would turn into a window over every enrolment of the list.
        select: { id: true, status: true, forecastHours: true, drivingSchool: { select: { name: true } } },
      },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  const enrolmentIds = youths.flatMap((youth) => youth.enrolments.map((enrolment) => enrolment.id));
  const [facts, figures] = await Promise.all([warningFacts(enrolmentIds, now), trainingFigures(enrolmentIds, now)]);

  const rows = youths
    .map((youth) => {
      const enrolment = youth.enrolments[0] ?? null;
      const fact = enrolment ? facts.get(enrolment.id) : undefined;
      const figure = (enrolment && figures.get(enrolment.id)) || NO_TRAINING;
      const warnings = fact ? warningsOf(fact, now) : [];
      return {
        youth: { id: youth.id, firstName: youth.firstName, lastName: youth.lastName },
        enrolment,
        minutesDone: figure.minutesDone,
        attendanceRate: figure.due === 0 ? null : figure.attended / figure.due,
        lastAttended: figure.lastAttended,
        skillsAcquired: figure.skillsAcquired,
        latestExam: fact?.latestExam ?? null,
        contribution: fact?.contribution ?? null,
        openDifficulties: fact ? Object.values(fact.openDifficulties).reduce((sum, count) => sum + count, 0) : 0,
        warnings,
      };
    })
    .filter((row) => !query.warning || row.warnings.some((warning) => warning.code === query.warning))
    // Stable: within a rank, the query's alphabetical order stays.
    .sort((a, b) => rankOf(a.warnings) - rankOf(b.warnings));
  const pageCount = Math.max(1, Math.ceil(rows.length / CASELOAD_PAGE_SIZE));
  return {
    ...empty,
    rows: rows.slice((page - 1) * CASELOAD_PAGE_SIZE, page * CASELOAD_PAGE_SIZE),
    total: rows.length,
    pageCount,
  };
}
