// A learner's training figures, computed in the database for a page of enrolments at once: two
// statements whatever the number of lessons or booklet rows (the school home, the caseload).
// The same rules as src/domain/progress.ts, which computes them for one file.
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { queryRows } from "../../db/sql.ts";

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
  skillsAcquired: 0,
};

const count = z.coerce.number().int();
const optionalDate = z.coerce.date().nullable();
const LESSON_FIGURES = z.object({
  enrolmentId: z.string(),
  minutesDone: count,
  attended: count,
  due: count,
  lastAttended: optionalDate,
  toRecord: count,
  nextLesson: optionalDate,
});
const SKILL_FIGURES = z.object({ enrolmentId: z.string(), acquired: count });

/** Figures per enrolment id; enrolments without any lesson or booklet row get NO_TRAINING's. The
 * ids come from a query scoped by the policy. */
export async function trainingFigures(enrolmentIds: readonly string[], now = new Date()): Promise<Map<string, TrainingFigures>> {
  const figures = new Map(enrolmentIds.map((id) => [id, { ...NO_TRAINING }]));
  if (enrolmentIds.length === 0) return figures;
  const ids = Prisma.join(enrolmentIds);
  const [lessons, skills] = await Promise.all([
    queryRows(
      LESSON_FIGURES,
      Prisma.sql`
        SELECT l."enrolmentId" AS "enrolmentId",
          COALESCE(SUM(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') AND l."kind" <> 'THEORY'
                            THEN l."durationMin" END), 0) AS "minutesDone",
          COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') THEN 1 END) AS "attended",
          COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" NOT IN ('SCHEDULED', 'CANCELLED') THEN 1 END) AS "due",
          MAX(CASE WHEN l."startsAt" <= ${now} AND l."attendance" IN ('PRESENT', 'LATE') THEN l."startsAt" END) AS "lastAttended",
          COUNT(CASE WHEN l."startsAt" <= ${now} AND l."attendance" = 'SCHEDULED' THEN 1 END) AS "toRecord",
          MIN(CASE WHEN l."startsAt" > ${now} AND l."attendance" = 'SCHEDULED' THEN l."startsAt" END) AS "nextLesson"
        FROM "Lesson" l
        WHERE l."enrolmentId" IN (${ids})
        GROUP BY l."enrolmentId"`,
    ),
    // Skills whose ACQUIRED row is the learner's latest for that skill, over all their enrolments:
    // no later row (ties: the later id). Each probe is an index seek; no sort of the booklet.
    queryRows(
      SKILL_FIGURES,
      Prisma.sql`
        SELECT target."id" AS "enrolmentId", COUNT(DISTINCT s."skillCode") AS "acquired"
        FROM "Enrolment" target
        JOIN "Enrolment" e ON e."youthId" = target."youthId"
        JOIN "SkillAssessment" s ON s."enrolmentId" = e."id"
        WHERE target."id" IN (${ids}) AND s."level" = 'ACQUIRED'
          AND NOT EXISTS (
            SELECT 1 FROM "Enrolment" e2
            JOIN "SkillAssessment" later ON later."enrolmentId" = e2."id"
            WHERE e2."youthId" = target."youthId" AND later."skillCode" = s."skillCode"
              AND (later."assessedAt" > s."assessedAt" OR (later."assessedAt" = s."assessedAt" AND later."id" > s."id")))
        GROUP BY target."id"`,
    ),
  ]);
  for (const row of lessons) {
    const { enrolmentId, ...lessonFigures } = row;
    Object.assign(figures.get(enrolmentId) ?? {}, lessonFigures);
  }
  for (const row of skills) Object.assign(figures.get(row.enrolmentId) ?? {}, { skillsAcquired: row.acquired });
  return figures;
}
