// The SQL figures of a page of enrolments must agree with the domain rules that compute them for
// one file (src/domain/progress.ts): checked on a varied set of lessons and booklet rows.
import { describe, expect, it } from "vitest";
import { trainingFigures } from "../../src/features/progress/service.ts";
import { attendanceRate, currentSkillLevels, drivingMinutesDone } from "../../src/domain/progress.ts";
import { ATTENDANCES, LESSON_KINDS, SKILL_LEVELS } from "../../src/domain/enums.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeYouth, testDb } from "../helpers/factories.ts";
import { DAY, HOUR, makeLesson } from "../helpers/school-factories.ts";

const NOW = new Date();

async function aLearner(seed: number) {
  const missionLocale = await makeMissionLocale();
  const [school, formerSchool] = [await makeSchool(missionLocale.id), await makeSchool(missionLocale.id)];
  const cohort = await makeCohort();
  const youth = await makeYouth(missionLocale.id);
  // A transfer: the booklet rows of the former enrolment still count.
  const former = await makeEnrolment(youth.id, formerSchool.id, cohort.id, false);
  const current = await makeEnrolment(youth.id, school.id, cohort.id);
  let n = seed;
  const next = (modulo: number) => (n = (n * 1103515245 + 12345) % 2147483648) % modulo;
  for (let i = 0; i < 40; i++) {
    await makeLesson(i % 5 === 0 ? former.id : current.id, {
      startsAt: new Date(NOW.getTime() + (next(60) - 40) * DAY + next(10) * HOUR),
      durationMin: 30 + next(4) * 30,
      attendance: ATTENDANCES[next(ATTENDANCES.length)]!,
      kind: LESSON_KINDS[next(LESSON_KINDS.length)]!,
    });
  }
  for (let i = 0; i < 60; i++) {
    await testDb.skillAssessment.create({
      data: {
        enrolmentId: i % 3 === 0 ? former.id : current.id,
        skillCode: `C${1 + next(4)}.${1 + next(3)}`,
        level: SKILL_LEVELS[next(SKILL_LEVELS.length)]!,
        assessedAt: new Date(NOW.getTime() - next(500) * HOUR),
      },
    });
  }
  return { youth, current, former };
}

describe("training figures in SQL", () => {
  it("training figures — lessons and booklet rows of many kinds — equal the domain rules' figures", async () => {
    const learners = await Promise.all([1, 2, 3].map(aLearner));
    const figures = await trainingFigures(
      learners.map((learner) => learner.current.id),
      NOW,
    );

    for (const { youth, current } of learners) {
      const lessons = await testDb.lesson.findMany({ where: { enrolmentId: current.id } });
      const past = lessons.filter((lesson) => lesson.startsAt <= NOW);
      const rows = await testDb.skillAssessment.findMany({ where: { enrolment: { youthId: youth.id } }, orderBy: { id: "asc" } });
      const attended = past.filter((lesson) => lesson.attendance === "PRESENT" || lesson.attendance === "LATE");
      const next = lessons
        .filter((lesson) => lesson.startsAt > NOW && lesson.attendance === "SCHEDULED")
        .map((lesson) => lesson.startsAt.getTime());
      const due = past.filter((lesson) => lesson.attendance !== "SCHEDULED" && lesson.attendance !== "CANCELLED").length;

      const mine = figures.get(current.id)!;
      expect(mine.minutesDone).toBe(drivingMinutesDone(past));
      expect(mine.attended).toBe(attended.length);
      expect(mine.due).toBe(due);
      expect(due === 0 ? null : mine.attended / mine.due).toBe(attendanceRate(lessons, NOW));
      expect(mine.lastAttended?.getTime() ?? null).toBe(attended.length ? Math.max(...attended.map((l) => l.startsAt.getTime())) : null);
      expect(mine.toRecord).toBe(past.filter((lesson) => lesson.attendance === "SCHEDULED").length);
      expect(mine.nextLesson?.getTime() ?? null).toBe(next.length ? Math.min(...next) : null);
      const starts = lessons.filter((lesson) => lesson.startsAt > NOW).map((lesson) => lesson.startsAt.getTime());
      expect(mine.nextStart?.getTime() ?? null).toBe(starts.length ? Math.min(...starts) : null);
      expect(mine.skillsAcquired).toBe([...currentSkillLevels(rows).values()].filter((level) => level === "ACQUIRED").length);
    }
  });

  it("training figures — an enrolment without lessons or booklet — all zero; no ids — no query", async () => {
    const missionLocale = await makeMissionLocale();
    const youth = await makeYouth(missionLocale.id);
    const enrolment = await makeEnrolment(youth.id, (await makeSchool(missionLocale.id)).id, (await makeCohort()).id);

    const figures = await trainingFigures([enrolment.id], NOW);

    expect(figures.get(enrolment.id)).toEqual({
      minutesDone: 0,
      attended: 0,
      due: 0,
      lastAttended: null,
      toRecord: 0,
      nextLesson: null,
      nextStart: null,
      skillsAcquired: 0,
    });
    expect((await trainingFigures([], NOW)).size).toBe(0);
  });
});
