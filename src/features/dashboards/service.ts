// The dashboards (/statistics): the programme's figures for the coordinator and the research team,
// a counsellor's Mission Locale (or caseload), a school's own youths. Every figure is an aggregate
// computed by SQL (GROUP BY), in a fixed number of statements whatever the number of youths or
// lessons; each table feeds a chart, the page's table and its CSV.
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { can, statisticsView, type Actor, type StatisticsView } from "../../auth/policy.ts";
import { db } from "../../db/client.ts";
import { queryRows, SQL_INTEGER } from "../../db/sql.ts";
import { enrolmentShownInFile, youthInReach } from "../../db/sql-scopes.ts";
import { sqlTimestamp } from "../../db/dialect.ts";
import { formatMonth } from "../../domain/time.ts";
import { budget } from "../statements/service.ts";
import { attendanceRate, hoursOf, medianOfHistogram, monthsOfPeriod, percent } from "./compute.ts";
import { monthBounds, monthHolding, shiftMonth } from "../../domain/months.ts";
import type { FiltersQuery, TableName } from "./schemas.ts";

/** Months a period may span, and how far back a time to licence is counted. */
const MAX_PERIOD_MONTHS = 36;
const DELAY_MONTHS = 72;

type Cell = string | number | null;
type Dataset = { label: string; data: (number | null)[]; type?: "line"; percent?: boolean };
export type ChartSpec = { type: "bar" | "line"; labels: string[]; datasets: Dataset[]; horizontal?: boolean };
type DashboardTable = { name: TableName; title: string; note?: string; head: string[]; rows: Cell[][]; chart: ChartSpec };

type Filters = {
  cohortId: string | null;
  missionLocaleId: string | null;
  schoolId: string | null;
  from: string;
  to: string;
  mine: boolean;
};

/** The filters a person may use: a counsellor stays in their Mission Locale, a school in itself. */
function filtersOf(view: StatisticsView, query: FiltersQuery, now: Date): Filters {
  const to = query.to ?? monthHolding(now);
  const from = query.from && query.from <= to ? query.from : shiftMonth(to, -11);
  return {
    cohortId: query.cohort ?? null,
    missionLocaleId: view.picksMissionLocale ? (query.missionLocale ?? null) : null,
    schoolId: view.picksSchool ? (query.school ?? null) : null,
    from,
    to,
    mine: view.picksCaseload && query.mine === "1",
  };
}

const ATTENDED = Prisma.sql`('PRESENT', 'LATE')`;
const MISSED = Prisma.sql`('ABSENT_EXCUSED', 'ABSENT_UNEXCUSED')`;

/** The enrolments counted: in the person's reach and the filters ("e" an Enrolment, "y" its Youth). */
function enrolmentsCounted(actor: Actor, reach: StatisticsView["reach"], filters: Filters): Prisma.Sql {
  const conditions = [youthInReach(reach, "y"), enrolmentShownInFile(reach, "e")];
  if (filters.cohortId) conditions.push(Prisma.sql`e."cohortId" = ${filters.cohortId}`);
  if (filters.missionLocaleId) conditions.push(Prisma.sql`y."missionLocaleId" = ${filters.missionLocaleId}`);
  if (filters.schoolId) conditions.push(Prisma.sql`e."drivingSchoolId" = ${filters.schoolId}`);
  if (filters.mine) conditions.push(Prisma.sql`y."referentId" = ${actor.id}`);
  return Prisma.join(conditions, " AND ");
}

/** The applications counted ("a" an Application, "y" its Youth); a school filter keeps the
 * applications of youths enrolled at that school in the same cohort. */
function applicationsCounted(actor: Actor, reach: StatisticsView["reach"], filters: Filters): Prisma.Sql {
  const conditions = [youthInReach(reach, "y")];
  if (filters.cohortId) conditions.push(Prisma.sql`a."cohortId" = ${filters.cohortId}`);
  if (filters.missionLocaleId) conditions.push(Prisma.sql`y."missionLocaleId" = ${filters.missionLocaleId}`);
  if (filters.schoolId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" se WHERE se."youthId" = a."youthId"
      AND se."cohortId" = a."cohortId" AND se."drivingSchoolId" = ${filters.schoolId})`);
  }
  if (filters.mine) conditions.push(Prisma.sql`y."referentId" = ${actor.id}`);
  return Prisma.join(conditions, " AND ");
}

/** A table of Paris months as a CTE "m"(idx, month, start, until): grouping by month in SQL that
 * runs alike on SQLite and PostgreSQL (no date functions), at Paris month boundaries. */
function monthsCte(months: ReturnType<typeof monthsOfPeriod>): Prisma.Sql {
  const rows = months.map(
    (m) => Prisma.sql`(CAST(${m.index} AS INTEGER), CAST(${m.month} AS TEXT), ${sqlTimestamp(m.start)}, ${sqlTimestamp(m.end)})`,
  );
  return Prisma.sql`WITH "m"("idx", "month", "start", "until") AS (VALUES ${Prisma.join(rows)})`;
}

const FUNNEL_ROW = z.object({
  key: z.string(),
  applicants: SQL_INTEGER,
  eligible: SQL_INTEGER,
  drawn: SQL_INTEGER,
  enrolled: SQL_INTEGER,
  dropped: SQL_INTEGER,
});
const MONTH_ROW = z.object({
  month: z.string(),
  delivered: SQL_INTEGER,
  minutes: SQL_INTEGER,
  absences: SQL_INTEGER,
  youths: SQL_INTEGER,
  instructors: SQL_INTEGER,
});
const EVENT_ROW = z.object({ month: z.string(), kind: z.string(), n: SQL_INTEGER });
const EXAM_ROW = z.object({ kind: z.string(), candidates: SQL_INTEGER, passedFirst: SQL_INTEGER, passedAny: SQL_INTEGER });
const DELAY_ROW = z.object({ months: SQL_INTEGER, youths: SQL_INTEGER });
const SCHOOL_ROW = z.object({
  key: z.string().nullable(),
  youths: SQL_INTEGER,
  instructors: SQL_INTEGER,
  minutes: SQL_INTEGER,
  delivered: SQL_INTEGER,
  absences: SQL_INTEGER,
  licences: SQL_INTEGER,
});

function chartOf(type: ChartSpec["type"], head: string[], rows: Cell[][], columns: number[], options: Partial<ChartSpec> = {}): ChartSpec {
  return {
    type,
    labels: rows.map((row) => String(row[0] ?? "")),
    datasets: columns.map((column) => ({
      label: head[column] ?? "",
      data: rows.map((row) => (typeof row[column] === "number" ? row[column] : null)),
      ...(head[column]?.includes("%") ? { percent: true } : {}),
    })),
    ...options,
  };
}

/** The dataset at `index` drawn as a line over the bars (a rate beside volumes). */
function withLine(chart: ChartSpec, index: number): ChartSpec {
  return { ...chart, datasets: chart.datasets.map((set, i) => (i === index ? { ...set, type: "line" } : set)) };
}

const euros = (cents: number) => Math.round(cents) / 100;

type Dashboard = Awaited<ReturnType<typeof computed>>;

/** Dashboards counted in this process, by what they depend on (scope, filters); at most this
 * many, the oldest dropped first. */
const CACHE_SIZE = 200;
const cache = new Map<string, { at: Date; value: Promise<Dashboard> }>();

/**
 * The dashboard of `actor` under `query`'s filters, with the instant it was counted. Like the
 * coordinator's home, the same figures are counted at most once per `maxAgeMs` in each process
 * (a national programme's page costs about a second to count); 0 counts at every request.
 */
export async function dashboard(actor: Actor, query: FiltersQuery, maxAgeMs: number, now = new Date()): Promise<Dashboard & { at: Date }> {
  const view = statisticsView(actor);
  const filters = filtersOf(view, query, now);
  const budgetBy = can(actor, "budget:read") ? view.budgetBy : null;
  const key = JSON.stringify({ view, budgetBy, filters, referent: filters.mine ? actor.id : null });
  const kept = cache.get(key);
  if (kept && maxAgeMs > 0 && now.getTime() - kept.at.getTime() < maxAgeMs) return { ...(await kept.value), at: kept.at };
  const value = computed(actor, view, budgetBy, filters);
  if (maxAgeMs > 0) {
    cache.delete(key);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
    const taken = { at: now, value };
    cache.set(key, taken);
    // A failed count is not kept: the next request tries again.
    value.catch(() => {
      if (cache.get(key) === taken) cache.delete(key);
    });
  }
  return { ...(await value), at: now };
}

async function computed(actor: Actor, view: StatisticsView, budgetBy: StatisticsView["budgetBy"], filters: Filters) {
  const { reach } = view;
  const period = monthsOfPeriod(filters.from, filters.to, MAX_PERIOD_MONTHS);
  const periodStart = period[0]?.start ?? monthBounds(filters.to).start;
  const periodEnd = period.at(-1)?.end ?? monthBounds(filters.to).end;
  const enrolments = enrolmentsCounted(actor, reach, filters);

  const schoolFigures = (grouped: boolean) => Prisma.sql`
    SELECT ${grouped ? Prisma.sql`e."drivingSchoolId"` : Prisma.sql`NULL`} AS "key", COUNT(DISTINCT e."youthId") AS "youths",
      COUNT(DISTINCT CASE WHEN l."attendance" IN ${ATTENDED} THEN l."instructorId" END) AS "instructors",
      COALESCE(SUM(CASE WHEN l."attendance" IN ${ATTENDED} THEN l."durationMin" END), 0) AS "minutes",
      COUNT(CASE WHEN l."attendance" IN ${ATTENDED} THEN 1 END) AS "delivered",
      COUNT(CASE WHEN l."attendance" IN ${MISSED} THEN 1 END) AS "absences",
      COUNT(DISTINCT CASE WHEN e."licenceObtainedOn" >= ${periodStart} AND e."licenceObtainedOn" < ${periodEnd} THEN e."id" END) AS "licences"
    FROM "Enrolment" e
    JOIN "Youth" y ON y."id" = e."youthId"
    LEFT JOIN "Lesson" l ON l."enrolmentId" = e."id" AND l."startsAt" >= ${periodStart} AND l."startsAt" < ${periodEnd}
    WHERE ${enrolments}
    ${grouped ? Prisma.sql`GROUP BY e."drivingSchoolId"` : Prisma.empty}`;

  const [funnel, months, events, exams, delays, schools, [totals], cohorts, missionLocales, schoolNames, money] = await Promise.all([
    view.showsFunnel
      ? queryRows(
          FUNNEL_ROW,
          Prisma.sql`
            SELECT y."missionLocaleId" AS "key",
              COUNT(CASE WHEN a."status" <> 'DRAFT' THEN 1 END) AS "applicants",
              COUNT(CASE WHEN a."status" IN ('ELIGIBLE', 'SELECTED', 'WAITLISTED') THEN 1 END) AS "eligible",
              COUNT(CASE WHEN EXISTS (SELECT 1 FROM "LotteryEntry" le WHERE le."applicationId" = a."id" AND le."outcome" = 'SELECTED') THEN 1 END) AS "drawn",
              COUNT(CASE WHEN EXISTS (SELECT 1 FROM "Enrolment" fe WHERE fe."youthId" = a."youthId" AND fe."cohortId" = a."cohortId") THEN 1 END) AS "enrolled",
              COUNT(CASE WHEN EXISTS (SELECT 1 FROM "Enrolment" fe WHERE fe."youthId" = a."youthId" AND fe."cohortId" = a."cohortId"
                AND fe."isCurrent" = ${true} AND fe."status" = 'DROPPED') THEN 1 END) AS "dropped"
            FROM "Application" a
            JOIN "Youth" y ON y."id" = a."youthId"
            WHERE ${applicationsCounted(actor, reach, filters)}
            GROUP BY y."missionLocaleId"`,
        )
      : Promise.resolve([]),
    queryRows(
      MONTH_ROW,
      Prisma.sql`${monthsCte(period)}
        SELECT m."month" AS "month",
          COUNT(CASE WHEN l."attendance" IN ${ATTENDED} THEN 1 END) AS "delivered",
          COALESCE(SUM(CASE WHEN l."attendance" IN ${ATTENDED} THEN l."durationMin" END), 0) AS "minutes",
          COUNT(CASE WHEN l."attendance" IN ${MISSED} THEN 1 END) AS "absences",
          COUNT(DISTINCT CASE WHEN l."attendance" IN ${ATTENDED} THEN e."youthId" END) AS "youths",
          COUNT(DISTINCT CASE WHEN l."attendance" IN ${ATTENDED} THEN l."instructorId" END) AS "instructors"
        FROM "m"
        JOIN "Lesson" l ON l."startsAt" >= m."start" AND l."startsAt" < m."until"
        JOIN "Enrolment" e ON e."id" = l."enrolmentId"
        JOIN "Youth" y ON y."id" = e."youthId"
        WHERE ${enrolments}
        GROUP BY m."month"`,
    ),
    queryRows(
      EVENT_ROW,
      Prisma.sql`${monthsCte(period)}
        SELECT m."month" AS "month", 'LICENCE' AS "kind", COUNT(*) AS "n"
        FROM "m"
        JOIN "Enrolment" e ON e."licenceObtainedOn" >= m."start" AND e."licenceObtainedOn" < m."until"
        JOIN "Youth" y ON y."id" = e."youthId"
        WHERE ${enrolments}
        GROUP BY m."month"
        UNION ALL
        SELECT m."month" AS "month", CAST(x."kind" AS TEXT) AS "kind", COUNT(*) AS "n"
        FROM "m"
        JOIN "Exam" x ON x."date" >= m."start" AND x."date" < m."until" AND x."result" = 'PASSED'
        JOIN "Enrolment" e ON e."id" = x."enrolmentId"
        JOIN "Youth" y ON y."id" = e."youthId"
        WHERE ${enrolments}
        GROUP BY m."month", CAST(x."kind" AS TEXT)`,
    ),
    // Per youth and kind of exam: the first attempt sat (an absence is no attempt), whether it was
    // passed, and whether any was; counted for the youths whose first attempt falls in the period.
    queryRows(
      EXAM_ROW,
      Prisma.sql`
        SELECT f."kind" AS "kind", COUNT(*) AS "candidates",
          COUNT(CASE WHEN EXISTS (SELECT 1 FROM "Exam" x2 JOIN "Enrolment" e2 ON e2."id" = x2."enrolmentId"
            WHERE e2."youthId" = f."youthId" AND x2."kind" = f."kind" AND x2."date" = f."firstDate" AND x2."result" = 'PASSED') THEN 1 END) AS "passedFirst",
          COALESCE(SUM(f."passed"), 0) AS "passedAny"
        FROM (
          SELECT e."youthId" AS "youthId", x."kind" AS "kind", MIN(x."date") AS "firstDate",
            MAX(CASE WHEN x."result" = 'PASSED' THEN 1 ELSE 0 END) AS "passed"
          FROM "Exam" x
          JOIN "Enrolment" e ON e."id" = x."enrolmentId"
          JOIN "Youth" y ON y."id" = e."youthId"
          WHERE ${enrolments} AND x."result" <> 'ABSENT'
          GROUP BY e."youthId", x."kind"
        ) f
        WHERE f."firstDate" >= ${periodStart} AND f."firstDate" < ${periodEnd}
        GROUP BY f."kind"`,
    ),
    // Time to licence in calendar months (enrolment month to licence month), as a histogram.
    queryRows(
      DELAY_ROW,
      Prisma.sql`${monthsCte(monthsOfPeriod(shiftMonth(filters.to, 1 - DELAY_MONTHS), filters.to, DELAY_MONTHS))}
        SELECT lm."idx" - em."idx" AS "months", COUNT(*) AS "youths"
        FROM "Enrolment" e
        JOIN "Youth" y ON y."id" = e."youthId"
        JOIN "m" lm ON e."licenceObtainedOn" >= lm."start" AND e."licenceObtainedOn" < lm."until"
        JOIN "m" em ON e."enrolledAt" >= em."start" AND e."enrolledAt" < em."until"
        WHERE ${enrolments} AND e."licenceObtainedOn" >= ${periodStart} AND e."licenceObtainedOn" < ${periodEnd}
        GROUP BY lm."idx" - em."idx"`,
    ),
    queryRows(SCHOOL_ROW, schoolFigures(true)),
    queryRows(SCHOOL_ROW, schoolFigures(false)),
    db().cohort.findMany({ select: { id: true, name: true }, orderBy: [{ drawDate: "desc" }, { id: "asc" }] }),
    db().missionLocale.findMany({
      where: reach.kind === "MISSION_LOCALE" ? { id: reach.missionLocaleId } : reach.kind === "ALL" ? {} : { id: { in: [] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().drivingSchool.findMany({
      where:
        reach.kind === "SCHOOL"
          ? { id: reach.drivingSchoolId }
          : reach.kind === "MISSION_LOCALE"
            ? { missionLocaleId: reach.missionLocaleId }
            : reach.kind === "ALL"
              ? {}
              : { id: { in: [] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    budgetBy ? budget(actor, filters.cohortId ?? undefined) : Promise.resolve(null),
  ]);

  const names = new Map([...missionLocales, ...schoolNames].map((named) => [named.id, named.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "Autre") : "—");
  const tables: DashboardTable[] = [];

  if (view.showsFunnel) {
    const head = ["Mission Locale", "Candidatures", "Éligibles", "Tirés au sort", "Inscrits", "Abandons"];
    const rows = funnel
      .map((row): Cell[] => [nameOf(row.key), row.applicants, row.eligible, row.drawn, row.enrolled, row.dropped])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "fr"));
    tables.push({
      name: "funnel",
      title: "Du dépôt de candidature à l'inscription",
      head,
      rows,
      chart: chartOf("bar", head, rows, [1, 2, 3, 4, 5]),
    });
  }

  const monthRow = new Map(months.map((row) => [row.month, row]));
  const eventCount = (month: string, kind: string) => events.find((row) => row.month === month && row.kind === kind)?.n ?? 0;
  {
    const head = ["Mois", "Leçons réalisées", "Heures réalisées", "Absences", "Assiduité (%)", "Jeunes", "Moniteurs"];
    const rows = period.map((m): Cell[] => {
      const row = monthRow.get(m.month);
      const delivered = row?.delivered ?? 0;
      const absences = row?.absences ?? 0;
      return [
        formatMonth(m.start),
        delivered,
        hoursOf(row?.minutes ?? 0),
        absences,
        attendanceRate(delivered, absences),
        row?.youths ?? 0,
        row?.instructors ?? 0,
      ];
    });
    tables.push({
      name: "months",
      title: "Leçons et assiduité, mois par mois",
      note: "Assiduité : leçons réalisées (présent·e ou en retard) sur leçons dues (réalisées ou manquées, excusées ou non).",
      head,
      rows,
      chart: withLine(chartOf("bar", head, rows, [2, 4]), 1),
    });
  }
  {
    const head = ["Mois", "Codes réussis", "Examens pratiques réussis", "Permis obtenus"];
    const rows = period.map((m): Cell[] => [
      formatMonth(m.start),
      eventCount(m.month, "THEORY"),
      eventCount(m.month, "PRACTICAL"),
      eventCount(m.month, "LICENCE"),
    ]);
    tables.push({
      name: "licences",
      title: "Examens réussis et permis obtenus, mois par mois",
      head,
      rows,
      chart: chartOf("bar", head, rows, [1, 2, 3]),
    });
  }
  {
    const head = [
      "Épreuve",
      "Candidats",
      "Reçus au 1er passage",
      "Taux au 1er passage (%)",
      "Reçus (tous passages)",
      "Taux tous passages (%)",
    ];
    const rows = (["THEORY", "PRACTICAL"] as const).map((kind): Cell[] => {
      const row = exams.find((exam) => exam.kind === kind);
      const candidates = row?.candidates ?? 0;
      return [
        kind === "THEORY" ? "Code (ETG)" : "Conduite",
        candidates,
        row?.passedFirst ?? 0,
        percent(row?.passedFirst ?? 0, candidates),
        row?.passedAny ?? 0,
        percent(row?.passedAny ?? 0, candidates),
      ];
    });
    tables.push({
      name: "exams",
      title: "Taux de réussite aux examens",
      note: "Jeunes dont le premier passage (une absence ne compte pas) a eu lieu dans la période ; « tous passages » : reçus à l'un de leurs passages.",
      head,
      rows,
      chart: chartOf("bar", head, rows, [3, 5]),
    });
  }
  const medianDelay = medianOfHistogram(delays.map((row) => ({ value: row.months, count: row.youths })));
  {
    const head = ["Délai (mois)", "Permis obtenus"];
    const rows = [...delays].sort((a, b) => a.months - b.months).map((row): Cell[] => [row.months, row.youths]);
    tables.push({
      name: "delays",
      title: "Délai d'obtention du permis",
      note: `Mois calendaires entre l'inscription à l'auto-école et le permis, pour les permis obtenus dans la période. Délai médian : ${medianDelay === null ? "—" : `${medianDelay} mois`}.`,
      head,
      rows,
      chart: chartOf("bar", head, rows, [1]),
    });
  }
  {
    const head = ["Auto-école", "Jeunes inscrits", "Moniteurs", "Heures réalisées", "Heures par jeune", "Assiduité (%)", "Permis obtenus"];
    const rows = schools
      .map((row): Cell[] => [
        nameOf(row.key),
        row.youths,
        row.instructors,
        hoursOf(row.minutes),
        row.youths > 0 ? hoursOf(row.minutes / row.youths) : null,
        attendanceRate(row.delivered, row.absences),
        row.licences,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "fr"));
    tables.push({ name: "schools", title: "Par auto-école", head, rows, chart: chartOf("bar", head, rows, [4], { horizontal: true }) });
  }
  if (money) {
    const byMissionLocale = budgetBy === "MISSION_LOCALE";
    const head = [
      byMissionLocale ? "Mission Locale" : "Auto-école",
      "Jeunes",
      "Aide engagée (€)",
      "Facturée (€)",
      "Versée (€)",
      "Reste (€)",
    ];
    const rows = (byMissionLocale ? money.byMissionLocale : money.bySchool).map((row): Cell[] => [
      row.label,
      row.youths,
      euros(row.committedCents),
      euros(row.invoicedCents),
      euros(row.aidPaidCents),
      euros(row.aidRemainingCents),
    ]);
    tables.push({
      name: "budget",
      title: "Budget : engagé, facturé, versé",
      note: "Suit le filtre de promotion seulement (voir la page Budget pour le détail).",
      head,
      rows,
      chart: chartOf("bar", head, rows, [2, 3, 4]),
    });
  }

  const figures = {
    youths: totals?.youths ?? 0,
    hours: hoursOf(totals?.minutes ?? 0),
    hoursPerYouth: totals && totals.youths > 0 ? hoursOf(totals.minutes / totals.youths) : null,
    attendance: attendanceRate(totals?.delivered ?? 0, totals?.absences ?? 0),
    licences: totals?.licences ?? 0,
    medianDelay,
  };
  return {
    filters,
    figures,
    tables,
    options: {
      cohorts,
      missionLocales: view.picksMissionLocale ? missionLocales : [],
      schools: view.picksSchool ? schoolNames : [],
      caseload: view.picksCaseload,
    },
  };
}
