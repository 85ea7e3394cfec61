// The early warnings' facts computed in SQL for a page of enrolments must equal the same facts
// computed here from the raw rows, in plain code, on varied data: several learners, a transfer,
// an earlier cohort, lessons of every kind and attendance around now, booklet rows, exams,
// payments and difficulties.
import { describe, expect, it } from "vitest";
import { warningFacts } from "../../src/features/progress/service.ts";
import { WARNING_THRESHOLDS, type WarningFacts } from "../../src/domain/warnings.ts";
import { ATTENDANCES, DIFFICULTY_CATEGORIES, EXAM_KINDS, EXAM_RESULTS, LESSON_KINDS, SKILL_LEVELS } from "../../src/domain/enums.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeYouth, testDb } from "../helpers/factories.ts";
import { DAY, HOUR, enrolledOn } from "../helpers/school-factories.ts";

const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function aLearner(seed: number) {
  const missionLocale = await makeMissionLocale();
  const [school, formerSchool] = [await makeSchool(missionLocale.id), await makeSchool(missionLocale.id)];
  const [cohort, earlierCohort] = [await makeCohort(), await makeCohort()];
  const youth = await makeYouth(missionLocale.id);
  let n = seed;
  // The high bits: the low ones of this generator repeat with a short period.
  const next = (modulo: number) => Math.floor((n = (n * 1103515245 + 12345) % 2147483648) / 65536) % modulo;

  // An earlier cohort, then a transfer within the current one.
  const earlier = await makeEnrolment(youth.id, formerSchool.id, earlierCohort.id, false);
  const former = await makeEnrolment(youth.id, formerSchool.id, cohort.id, false);
  const current = await makeEnrolment(youth.id, school.id, cohort.id);
  await enrolledOn(earlier.id, ago((400 + next(100)) * DAY));
  await enrolledOn(former.id, ago((40 + next(60)) * DAY));
  await testDb.enrolment.update({
    where: { id: current.id },
    data: {
      enrolledAt: ago(next(40) * DAY + next(24) * HOUR),
      status: next(4) === 0 ? "SUSPENDED" : "ACTIVE",
      initialAssessmentAt: next(2) === 0 ? null : ago(DAY),
      forecastHours: next(3) === 0 ? null : 10 + next(20),
    },
  });
  const enrolments = [current, current, current, former, earlier];
  const pickEnrolment = () => enrolments[next(enrolments.length)]!;
  const pick = () => pickEnrolment().id;
  // Each learner has a usual attendance (present, absent without excuse…), so that runs form.
  const usual = ATTENDANCES[seed % ATTENDANCES.length]!;

  // Built in order and written in one statement each (one insert per row made the test slow).
  const lessons = Array.from({ length: 50 }, () => {
    const { id: enrolmentId, drivingSchoolId } = pickEnrolment();
    return {
      enrolmentId,
      drivingSchoolId,
      startsAt: new Date(NOW.getTime() + (next(60) - 40) * DAY + next(10) * HOUR),
      durationMin: 30 + next(4) * 30,
      attendance: next(2) === 0 ? usual : ATTENDANCES[next(ATTENDANCES.length)]!,
      kind: LESSON_KINDS[next(LESSON_KINDS.length)]!,
    };
  });
  await testDb.lesson.createMany({ data: lessons });
  const booklet = Array.from({ length: 40 }, () => ({
    enrolmentId: pick(),
    skillCode: `C${1 + next(2)}.${1 + next(3)}`,
    level: next(2) === 0 ? ("IN_PROGRESS" as const) : SKILL_LEVELS[next(SKILL_LEVELS.length)]!,
    assessedAt: ago(next(40) * 24 * HOUR),
  }));
  await testDb.skillAssessment.createMany({ data: booklet });
  const exams = new Map<string, { enrolmentId: string; kind: (typeof EXAM_KINDS)[number]; date: Date }>();
  for (let i = 0; i < 4; i++) {
    const exam = { enrolmentId: pick(), kind: EXAM_KINDS[next(2)]!, date: ago((1 + next(8)) * 7 * DAY) };
    exams.set(`${exam.enrolmentId}|${exam.kind}|${exam.date.getTime()}`, exam);
  }
  for (const exam of exams.values()) {
    await testDb.exam.create({ data: { ...exam, result: EXAM_RESULTS[next(EXAM_RESULTS.length)]! } });
  }
  for (let i = 0; i < 5; i++) {
    await testDb.payment.create({
      data: {
        enrolmentId: pick(),
        payer: next(3) === 0 ? "PROGRAMME" : "YOUTH",
        amountCents: 1000 * (1 + next(12)),
        paidOn: ago(next(50) * DAY),
      },
    });
  }
  for (let i = 0; i < 4; i++) {
    await testDb.difficulty.create({
      data: {
        youthId: youth.id,
        enrolmentId: next(3) === 0 ? null : pick(),
        category: DIFFICULTY_CATEGORIES[next(DIFFICULTY_CATEGORIES.length)]!,
        description: "Difficulté",
        reportedAt: ago(next(30) * DAY),
        resolvedAt: next(2) === 0 ? ago(DAY) : null,
      },
    });
  }
  return [current.id, former.id, earlier.id];
}

const attended = (lesson: { attendance: string }) => lesson.attendance === "PRESENT" || lesson.attendance === "LATE";
/** Latest first; same instant: the greater id first. */
const byLatest =
  <T extends { id: string }>(at: (row: T) => Date) =>
  (a: T, b: T) =>
    at(b).getTime() - at(a).getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The facts from the raw rows, in plain code. */
async function factsInJs(enrolmentId: string): Promise<WarningFacts> {
  const enrolment = await testDb.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { cohort: true } });
  const all = await testDb.enrolment.findMany({ where: { youthId: enrolment.youthId } });
  const ids = all.map((e) => e.id);
  const lessons = (await testDb.lesson.findMany({ where: { enrolmentId: { in: ids } } })).filter((l) => l.startsAt <= NOW);
  const booklet = await testDb.skillAssessment.findMany({ where: { enrolmentId: { in: ids } } });
  const exams = (await testDb.exam.findMany({ where: { enrolmentId: { in: ids } } })).sort(byLatest((exam) => exam.date));
  const sameCohort = all.filter((e) => e.cohortId === enrolment.cohortId);
  const payments = await testDb.payment.findMany({ where: { enrolmentId: { in: sameCohort.map((e) => e.id) } } });
  const paid = (payer: "YOUTH" | "PROGRAMME") =>
    payments.filter((payment) => payment.payer === payer).reduce((sum, payment) => sum + payment.amountCents, 0);
  const difficulties = await testDb.difficulty.findMany({ where: { youthId: enrolment.youthId, resolvedAt: null } });

  const own = lessons.filter((lesson) => lesson.enrolmentId === enrolmentId);
  const ownAttended = own.filter(attended).sort(byLatest((lesson) => lesson.startsAt));
  const recorded = own
    .filter((lesson) => lesson.attendance !== "SCHEDULED" && lesson.attendance !== "CANCELLED")
    .sort(byLatest((lesson) => lesson.startsAt));
  let unexcusedInARow = 0;
  while (recorded[unexcusedInARow]?.attendance === "ABSENT_UNEXCUSED") unexcusedInARow++;
  const recent = recorded.slice(0, WARNING_THRESHOLDS.attendanceWindow);

  let stalledSkill: WarningFacts["stalledSkill"] = null;
  for (const code of [...new Set(booklet.map((row) => row.skillCode))].sort()) {
    const rows = booklet.filter((row) => row.skillCode === code).sort(byLatest((row) => row.assessedAt));
    if (rows[0]!.level !== "IN_PROGRESS") continue;
    let first = 0;
    while (rows[first + 1]?.level === "IN_PROGRESS") first++;
    const since = rows[first]!.assessedAt;
    const count = lessons.filter((lesson) => lesson.startsAt > since && attended(lesson) && lesson.kind !== "THEORY").length;
    if (!stalledSkill || count > stalledSkill.lessons) stalledSkill = { code, lessons: count };
  }

  const openDifficulties: WarningFacts["openDifficulties"] = {};
  for (const difficulty of difficulties) openDifficulties[difficulty.category] = (openDifficulties[difficulty.category] ?? 0) + 1;
  const latest = exams[0];
  return {
    status: enrolment.status,
    enrolledAt: enrolment.enrolledAt,
    initialAssessmentAt: enrolment.initialAssessmentAt,
    forecastHours: enrolment.forecastHours,
    drivingMinutes: own
      .filter((lesson) => attended(lesson) && lesson.kind !== "THEORY")
      .reduce((sum, lesson) => sum + lesson.durationMin, 0),
    lastAttended: ownAttended[0]?.startsAt ?? null,
    unexcusedInARow,
    recentRecorded: recent.length,
    recentAttended: recent.filter(attended).length,
    stalledSkill,
    latestExam: latest ? { kind: latest.kind, date: latest.date, result: latest.result } : null,
    contribution: {
      dueCents: enrolment.cohort.contributionCents,
      paidCents: paid("YOUTH"),
      since: new Date(Math.min(...sameCohort.map((e) => e.enrolledAt.getTime()))),
    },
    aid: { capCents: enrolment.cohort.aidCapCents, paidCents: paid("PROGRAMME") },
    openDifficulties,
  };
}

describe("warning facts in SQL", () => {
  it("warningFacts — varied learners, a transfer, an earlier cohort — equal the facts computed from the raw rows", async () => {
    const learners = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) learners.push(await aLearner(seed));
    const outsider = await aLearner(7);
    const ids = learners.flat();

    const facts = await warningFacts(ids, NOW);

    expect([...facts.keys()].sort()).toEqual([...ids].sort());
    expect(facts.has(outsider[0]!)).toBe(false);
    for (const id of ids) expect(facts.get(id), id).toEqual(await factsInJs(id));
    // The data reach every branch of the facts.
    const all = [...facts.values()];
    expect(all.some((f) => f.unexcusedInARow >= 2)).toBe(true);
    expect(all.some((f) => (f.stalledSkill?.lessons ?? 0) > 0)).toBe(true);
    expect(all.some((f) => f.latestExam?.result === "FAILED")).toBe(true);
    expect(all.some((f) => f.contribution.paidCents > 0 && f.contribution.since < f.enrolledAt)).toBe(true);
    expect(all.some((f) => Object.keys(f.openDifficulties).length > 1)).toBe(true);
  });

  it("warningFacts — an enrolment with nothing recorded — zeros and the cohort's contribution due; no ids — no query", async () => {
    const missionLocale = await makeMissionLocale();
    const youth = await makeYouth(missionLocale.id);
    const enrolment = await makeEnrolment(youth.id, (await makeSchool(missionLocale.id)).id, (await makeCohort()).id);

    const facts = await warningFacts([enrolment.id], NOW);

    expect(facts.get(enrolment.id)).toEqual({
      status: "ACTIVE",
      enrolledAt: enrolment.enrolledAt,
      initialAssessmentAt: enrolment.initialAssessmentAt,
      forecastHours: 30,
      drivingMinutes: 0,
      lastAttended: null,
      unexcusedInARow: 0,
      recentRecorded: 0,
      recentAttended: 0,
      stalledSkill: null,
      latestExam: null,
      contribution: { dueCents: 25_000, paidCents: 0, since: enrolment.enrolledAt },
      aid: { capCents: 100_000, paidCents: 0 },
      openDifficulties: {},
    });
    expect((await warningFacts([], NOW)).size).toBe(0);
  });
});
