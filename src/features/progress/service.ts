// A learner's training figures and the facts of the early warnings, computed in the database for a
// page of enrolments at once: a fixed number of statements whatever the number of enrolments,
// lessons or booklet rows (the school home, the caseload). The same rules as src/domain/progress.ts,
// which computes the figures for one file; src/domain/warnings.ts reads the facts.
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { db, type DbTx } from "../../db/client.ts";
import { enumLiteral, queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { DIFFICULTY_CATEGORIES, ENROLMENT_STATUSES, EXAM_KINDS, EXAM_RESULTS } from "../../domain/enums.ts";
import { WARNING_THRESHOLDS, type WarningFacts } from "../../domain/warnings.ts";

export type TrainingFigures = {
  /** Driving minutes attended (present or late, not theory lessons). */
  minutesDone: number;
  /** Past lessons attended (present or late). */
  attended: number;
  /** Past lessons due: attended or missed (neither cancelled nor still unrecorded). */
  due: number;
  lastAttended: Date | null;
  /** Past lessons whose attendance is still unrecorded. */
  toRecord: number;
  nextLesson: Date | null;
  /** The next lesson's start, whatever its state (an absence announced ahead is recorded before
   * it starts): the figures that count past lessons may change then. */
  nextStart: Date | null;
  /** Skills whose latest booklet row is ACQUIRED, over every enrolment of the learner (the booklet
   * follows the young person through a transfer). */
  skillsAcquired: number;
};

export const NO_TRAINING: TrainingFigures = {
  minutesDone: 0,
  attended: 0,
  due: 0,
  lastAttended: null,
  toRecord: 0,
  nextLesson: null,
  nextStart: null,
  skillsAcquired: 0,
};

const LESSON_FIGURES = z.object({
  enrolmentId: z.string(),
  minutesDone: SQL_INTEGER,
  attended: SQL_INTEGER,
  due: SQL_INTEGER,
  lastAttended: SQL_DATE.nullable(),
  toRecord: SQL_INTEGER,
  nextLesson: SQL_DATE.nullable(),
  nextStart: SQL_DATE.nullable(),
});
const SKILL_FIGURES = z.object({ enrolmentId: z.string(), acquired: SQL_INTEGER });

/** The lesson figures of the enrolments that have lessons (one grouped statement). */
function lessonFigures(ids: Prisma.Sql, now: Date, client: DbTx) {
  return queryRows(
    LESSON_FIGURES,
    Prisma.sql`
      SELECT l."enrolmentId" AS "enrolmentId",
        COALESCE(SUM(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') AND l."kind" <> 'THEORY'
                          THEN l."durationMin" END), 0) AS "minutesDone",
        COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') THEN 1 END) AS "attended",
        COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" NOT IN ('SCHEDULED', 'CANCELLED') THEN 1 END) AS "due",
        MAX(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') THEN l."startsAt" END) AS "lastAttended",
        COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" = 'SCHEDULED' THEN 1 END) AS "toRecord",
        MIN(CASE WHEN l."startsAt" > ${now} AND l."attendance" = 'SCHEDULED' THEN l."startsAt" END) AS "nextLesson",
        MIN(CASE WHEN l."startsAt" > ${now} THEN l."startsAt" END) AS "nextStart"
      FROM "Lesson" l
      WHERE l."enrolmentId" IN (${ids})
      GROUP BY l."enrolmentId"`,
    client,
  );
}

/**
 * FROM … WHERE of the booklet rows (`s`) that are their learner's current level for the skill,
 * at `level`, for the enrolments asked about (`target`): the latest row over all the learner's
 * enrolments (the booklet follows a transfer), ties going to the later id. Each "no later row"
 * check is an index seek, with no sort of the booklet.
 */
function latestBookletRows(ids: Prisma.Sql, level: "ACQUIRED" | "IN_PROGRESS"): Prisma.Sql {
  return Prisma.sql`
    FROM "Enrolment" target
    JOIN "Enrolment" e ON e."youthId" = target."youthId"
    JOIN "SkillAssessment" s ON s."enrolmentId" = e."id"
    WHERE target."id" IN (${ids}) AND s."level" = ${enumLiteral(level)}
      AND NOT EXISTS (
        SELECT 1 FROM "Enrolment" e2
        JOIN "SkillAssessment" later ON later."enrolmentId" = e2."id"
        WHERE e2."youthId" = target."youthId" AND later."skillCode" = s."skillCode"
          AND (later."assessedAt" > s."assessedAt" OR (later."assessedAt" = s."assessedAt" AND later."id" > s."id")))`;
}

/** Figures per enrolment id; enrolments without any lesson or booklet row get NO_TRAINING's. The
 * ids come from a query scoped by the policy. */
export async function trainingFigures(
  enrolmentIds: readonly string[],
  now = new Date(),
  client: DbTx = db(),
): Promise<Map<string, TrainingFigures>> {
  const figures = new Map(enrolmentIds.map((id) => [id, { ...NO_TRAINING }]));
  if (enrolmentIds.length === 0) return figures;
  const ids = Prisma.join(enrolmentIds);
  const [lessons, skills] = await Promise.all([
    lessonFigures(ids, now, client),
    // Skills whose current level is ACQUIRED.
    queryRows(
      SKILL_FIGURES,
      Prisma.sql`
        SELECT target."id" AS "enrolmentId", COUNT(DISTINCT s."skillCode") AS "acquired"
        ${latestBookletRows(ids, "ACQUIRED")}
        GROUP BY target."id"`,
      client,
    ),
  ]);
  for (const row of lessons) {
    const { enrolmentId, ...lessonFigures } = row;
    Object.assign(figures.get(enrolmentId) ?? {}, lessonFigures);
  }
  for (const row of skills) Object.assign(figures.get(row.enrolmentId) ?? {}, { skillsAcquired: row.acquired });
  return figures;
}

const RECENT_ATTENDANCE = z.object({
  enrolmentId: z.string(),
  recentRecorded: SQL_INTEGER,
  recentAttended: SQL_INTEGER,
  unexcusedInARow: SQL_INTEGER,
});
const ENROLMENT_FACTS = z.object({
  enrolmentId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  enrolledAt: SQL_DATE,
  initialAssessmentAt: SQL_DATE.nullable(),
  forecastHours: SQL_INTEGER.nullable(),
  dueCents: SQL_INTEGER,
  paidCents: SQL_INTEGER,
  aidCapCents: SQL_INTEGER,
  aidPaidCents: SQL_INTEGER,
  since: SQL_DATE,
  examKind: z.enum(EXAM_KINDS).nullable(),
  examDate: SQL_DATE.nullable(),
  examResult: z.enum(EXAM_RESULTS).nullable(),
});
const SKILL_IN_PROGRESS = z.object({ enrolmentId: z.string(), skillCode: z.string(), lessons: SQL_INTEGER });
const OPEN_DIFFICULTIES = z.object({ enrolmentId: z.string(), category: z.enum(DIFFICULTY_CATEGORIES), count: SQL_INTEGER });

/** The facts of the early warnings per enrolment id (ids of enrolments that exist; they come from a
 * query scoped by the policy). Five statements whatever the number of ids. */
export async function warningFacts(
  enrolmentIds: readonly string[],
  now = new Date(),
  client: DbTx = db(),
): Promise<Map<string, WarningFacts>> {
  const facts = new Map<string, WarningFacts>();
  if (enrolmentIds.length === 0) return facts;
  const ids = Prisma.join(enrolmentIds);
  const [enrolments, lessons, recent, skills, difficulties] = await Promise.all([
    // The contribution is owed once per cohort: a transfer keeps what was paid and the date of
    // the first enrolment. The cohort is a condition inside the sums, not in the WHERE: there
    // SQLite chose the cohort's index and read every enrolment of the cohort. The latest exam is
    // the learner's, whatever the school.
    queryRows(
      ENROLMENT_FACTS,
      Prisma.sql`
        SELECT t."id" AS "enrolmentId", t."status" AS "status", t."enrolledAt" AS "enrolledAt",
          t."initialAssessmentAt" AS "initialAssessmentAt", t."forecastHours" AS "forecastHours",
          c."contributionCents" AS "dueCents", c."aidCapCents" AS "aidCapCents",
          (SELECT COALESCE(SUM(CASE WHEN e."cohortId" = t."cohortId" AND p."payer" = 'YOUTH' THEN p."amountCents" END), 0)
            FROM "Enrolment" e JOIN "Payment" p ON p."enrolmentId" = e."id"
            WHERE e."youthId" = t."youthId") AS "paidCents",
          (SELECT COALESCE(SUM(CASE WHEN e."cohortId" = t."cohortId" AND p."payer" = 'PROGRAMME' THEN p."amountCents" END), 0)
            FROM "Enrolment" e JOIN "Payment" p ON p."enrolmentId" = e."id"
            WHERE e."youthId" = t."youthId") AS "aidPaidCents",
          (SELECT MIN(CASE WHEN e."cohortId" = t."cohortId" THEN e."enrolledAt" END) FROM "Enrolment" e
            WHERE e."youthId" = t."youthId") AS "since",
          x."kind" AS "examKind", x."date" AS "examDate", x."result" AS "examResult"
        FROM "Enrolment" t
        JOIN "Cohort" c ON c."id" = t."cohortId"
        LEFT JOIN "Exam" x ON x."id" = (
          SELECT y."id" FROM "Enrolment" e JOIN "Exam" y ON y."enrolmentId" = e."id"
          WHERE e."youthId" = t."youthId" ORDER BY y."date" DESC, y."id" DESC LIMIT 1)
        WHERE t."id" IN (${ids})`,
      client,
    ),
    lessonFigures(ids, now, client),
    // The latest recorded lessons numbered from the most recent: the first that is not an
    // unexcused absence ends the run of them.
    queryRows(
      RECENT_ATTENDANCE,
      Prisma.sql`
        SELECT r."enrolmentId" AS "enrolmentId",
          COUNT(CASE WHEN r."rank" <= ${WARNING_THRESHOLDS.attendanceWindow} THEN 1 END) AS "recentRecorded",
          COUNT(CASE WHEN r."rank" <= ${WARNING_THRESHOLDS.attendanceWindow} AND r."attendance" IN ('PRESENT', 'LATE') THEN 1 END)
            AS "recentAttended",
          COALESCE(MIN(CASE WHEN r."attendance" <> 'ABSENT_UNEXCUSED' THEN r."rank" END) - 1, COUNT(*)) AS "unexcusedInARow"
        FROM (
          SELECT l."enrolmentId" AS "enrolmentId", l."attendance" AS "attendance",
            ROW_NUMBER() OVER (PARTITION BY l."enrolmentId" ORDER BY l."startsAt" DESC, l."id" DESC) AS "rank"
          FROM "Lesson" l
          WHERE l."enrolmentId" IN (${ids}) AND l."startsAt" <= ${now} AND l."attendance" NOT IN ('SCHEDULED', 'CANCELLED')
        ) r
        GROUP BY r."enrolmentId"`,
      client,
    ),
    // Each skill whose latest row (over the learner's booklet) is IN_PROGRESS; its streak began
    // at the first IN_PROGRESS row after the last row of another level; then the learner's
    // attended driving lessons since.
    queryRows(
      SKILL_IN_PROGRESS,
      Prisma.sql`
        WITH "latest" AS (
          SELECT target."id" AS "enrolmentId", target."youthId" AS "youthId", s."skillCode" AS "skillCode"
          ${latestBookletRows(ids, "IN_PROGRESS")}
        ), "streak" AS (
          SELECT k."enrolmentId" AS "enrolmentId", k."youthId" AS "youthId", k."skillCode" AS "skillCode",
            (SELECT MIN(r."assessedAt") FROM "Enrolment" e3 JOIN "SkillAssessment" r ON r."enrolmentId" = e3."id"
              WHERE e3."youthId" = k."youthId" AND r."skillCode" = k."skillCode" AND r."level" = 'IN_PROGRESS'
                AND NOT EXISTS (
                  SELECT 1 FROM "Enrolment" e4 JOIN "SkillAssessment" b ON b."enrolmentId" = e4."id"
                  WHERE e4."youthId" = k."youthId" AND b."skillCode" = k."skillCode" AND b."level" <> 'IN_PROGRESS'
                    AND (b."assessedAt" > r."assessedAt" OR (b."assessedAt" = r."assessedAt" AND b."id" > r."id")))) AS "since"
          FROM "latest" k
        )
        SELECT st."enrolmentId" AS "enrolmentId", st."skillCode" AS "skillCode",
          (SELECT COUNT(*) FROM "Enrolment" e5 JOIN "Lesson" l ON l."enrolmentId" = e5."id"
            WHERE e5."youthId" = st."youthId" AND l."startsAt" > st."since" AND l."startsAt" <= ${now}
              AND l."attendance" IN ('PRESENT', 'LATE') AND l."kind" <> 'THEORY') AS "lessons"
        FROM "streak" st`,
      client,
    ),
    queryRows(
      OPEN_DIFFICULTIES,
      Prisma.sql`
        SELECT t."id" AS "enrolmentId", d."category" AS "category", COUNT(*) AS "count"
        FROM "Enrolment" t JOIN "Difficulty" d ON d."youthId" = t."youthId"
        WHERE t."id" IN (${ids}) AND d."resolvedAt" IS NULL
        GROUP BY t."id", d."category"`,
      client,
    ),
  ]);
  for (const row of enrolments) {
    const { enrolmentId, dueCents, paidCents, aidCapCents, aidPaidCents, since, examKind, examDate, examResult, ...enrolment } = row;
    facts.set(enrolmentId, {
      ...enrolment,
      drivingMinutes: 0,
      lastAttended: null,
      unexcusedInARow: 0,
      recentRecorded: 0,
      recentAttended: 0,
      stalledSkill: null,
      latestExam: examKind && examDate && examResult ? { kind: examKind, date: examDate, result: examResult } : null,
      contribution: { dueCents, paidCents, since },
      aid: { capCents: aidCapCents, paidCents: aidPaidCents },
      openDifficulties: {},
    });
  }
  for (const row of lessons)
    Object.assign(facts.get(row.enrolmentId) ?? {}, { drivingMinutes: row.minutesDone, lastAttended: row.lastAttended });
  for (const { enrolmentId, ...figures } of recent) Object.assign(facts.get(enrolmentId) ?? {}, figures);
  for (const row of skills) {
    const mine = facts.get(row.enrolmentId);
    const worst = mine?.stalledSkill;
    // The worst skill: the most lessons, then the first code (the same on every database).
    if (mine && (!worst || row.lessons > worst.lessons || (row.lessons === worst.lessons && row.skillCode < worst.code))) {
      mine.stalledSkill = { code: row.skillCode, lessons: row.lessons };
    }
  }
  for (const row of difficulties) {
    const mine = facts.get(row.enrolmentId);
    if (mine) mine.openDifficulties[row.category] = row.count;
  }
  return facts;
}
