// Lessons, skills, exams and payments of every journey.
import { SKILLS } from "../../src/domain/remc.ts";
import type { Attendance, LessonKind } from "../../src/domain/enums.ts";
import type { Applicant } from "./applicants.ts";
import { CANCEL_REASONS } from "./catalog.ts";
import { addDays, addMinutes, parisTime, startOfUtcDay } from "./dates.ts";
import { planJourneys, type Journey, type PlanContext } from "./journeys.ts";
import type { Rng } from "./random.ts";
import type { LessonRow, SkillAssessmentRow } from "./rows.ts";
import type { Scheduler } from "./scheduler.ts";
import type { SkillLevel } from "../../src/domain/enums.ts";

export type TrainingContext = PlanContext & { scheduler: Scheduler };

const HOURLY_RATE_CENTS = 5_200;
const REGISTRATION_CENTS = 9_000;
const EXAM_SUPPORT_CENTS = 8_500;

const LESSON_NOTES = [
  "Travail des ronds-points.",
  "Démarrages en côte, à revoir.",
  "Bonne gestion des intersections.",
  "Créneau réussi du premier coup.",
  "Circulation en ville aux heures de pointe.",
  "Insertion sur la tangente d'Orléans.",
  "Trajet vers le lieu de travail.",
];

type AttendanceMark = { attendance: Attendance; lateMin: number | null; cancelReason: string | null };

function isAttended(lesson: LessonRow): boolean {
  return lesson.attendance === "PRESENT" || lesson.attendance === "LATE";
}

function endOf(lesson: LessonRow): Date {
  return addMinutes(lesson.startsAt, lesson.durationMin);
}

function markAttendance(rng: Rng, drifting: boolean): AttendanceMark {
  const attendance = rng.weighted<Attendance>(
    drifting
      ? [
          ["PRESENT", 55],
          ["LATE", 8],
          ["ABSENT_EXCUSED", 12],
          ["ABSENT_UNEXCUSED", 17],
          ["CANCELLED", 8],
        ]
      : [
          ["PRESENT", 84],
          ["LATE", 5],
          ["ABSENT_EXCUSED", 4],
          ["ABSENT_UNEXCUSED", 3],
          ["CANCELLED", 4],
        ],
  );
  return {
    attendance,
    lateMin: attendance === "LATE" ? rng.pick([5, 10, 15, 20]) : null,
    cancelReason: attendance === "CANCELLED" ? rng.pick(CANCEL_REASONS) : null,
  };
}

/** The demo young person: mostly present, one late arrival, one excused absence. */
function demoAttendance(index: number): AttendanceMark {
  if (index === 5) return { attendance: "LATE", lateMin: 10, cancelReason: null };
  if (index === 8) return { attendance: "ABSENT_EXCUSED", lateMin: null, cancelReason: null };
  return { attendance: "PRESENT", lateMin: null, cancelReason: null };
}

function theoryPassedOn(journey: Journey): Date | null {
  return journey.exams.find((exam) => exam.kind === "THEORY" && exam.passed)?.date ?? null;
}

function kindFor(rng: Rng, journey: Journey, index: number, day: Date): LessonKind {
  if (index === 0) return "ASSESSMENT";
  if (journey.applicant.showcase === "DEMO_YOUTH") return index === 2 || index === 4 ? "THEORY" : "DRIVING";
  const theoryOn = theoryPassedOn(journey);
  const beforeTheory = theoryOn === null || day < theoryOn;
  return rng.chance(beforeTheory ? 0.22 : 0.03) ? "THEORY" : "DRIVING";
}

function durationFor(rng: Rng, kind: LessonKind, demo: boolean): number {
  if (kind === "ASSESSMENT" || demo) return kind === "THEORY" ? 90 : 60;
  if (kind === "THEORY")
    return rng.weighted([
      [60, 40],
      [90, 30],
      [120, 30],
    ]);
  return rng.weighted([
    [60, 65],
    [90, 10],
    [120, 15],
    [45, 10],
  ]);
}

function makeLesson(
  ctx: TrainingContext,
  journey: Journey,
  slot: { startsAt: Date; instructorId: string },
  kind: LessonKind,
  durationMin: number,
  mark: AttendanceMark,
): LessonRow {
  const { now, rng } = ctx;
  const past = slot.startsAt < now;
  const bookedAt = addDays(slot.startsAt, -rng.int(3, 14));
  const createdAt = bookedAt < now ? bookedAt : now;
  return {
    id: ctx.ids.next("lesson"),
    enrolmentId: journey.enrolment.id,
    drivingSchoolId: journey.enrolment.drivingSchoolId,
    instructorId: slot.instructorId,
    startsAt: slot.startsAt,
    durationMin,
    kind,
    attendance: past ? mark.attendance : "SCHEDULED",
    lateMin: past ? mark.lateMin : null,
    cancelReason: past ? mark.cancelReason : null,
    note: kind === "DRIVING" && past && rng.chance(0.12) ? rng.pick(LESSON_NOTES) : null,
    createdById: slot.instructorId,
    createdAt,
    updatedAt: past ? addMinutes(slot.startsAt, durationMin) : createdAt,
  };
}

function bookLessons(ctx: TrainingContext, journey: Journey): void {
  const { rng, scheduler } = ctx;
  const demo = journey.applicant.showcase === "DEMO_YOUTH";
  const span = journey.end.getTime() - journey.start.getTime();
  const days = [journey.start, ...journey.desiredDays];
  for (const [index, day] of days.entries()) {
    const kind = kindFor(rng, journey, index, day);
    const durationMin = durationFor(rng, kind, demo);
    const slot = scheduler.book({
      youthId: journey.applicant.youth.id,
      instructorIds: journey.instructorIds,
      desiredDay: day,
      durationMin,
      availability: journey.applicant.availability,
      notBefore: journey.start,
      before: journey.end,
    });
    if (!slot) continue;
    const lateInJourney = slot.startsAt.getTime() - journey.start.getTime() > span * 0.6;
    const mark = demo
      ? demoAttendance(journey.lessons.length)
      : kind === "ASSESSMENT"
        ? { attendance: "PRESENT" as const, lateMin: null, cancelReason: null }
        : markAttendance(rng, journey.drifting && lateInJourney);
    journey.lessons.push(makeLesson(ctx, journey, slot, kind, durationMin, mark));
  }
}

/** So that the demo school's home shows a busy day whatever day the demo is loaded. */
function ensureLessonsToday(ctx: TrainingContext, journeys: Journey[]): void {
  const instructorId = ctx.org.accountIds.schoolOrleans;
  const today = startOfUtcDay(ctx.now);
  const tomorrow = addDays(today, 1);
  const isToday = (lesson: LessonRow): boolean => lesson.startsAt >= parisTime(today, 0) && lesson.startsAt < parisTime(tomorrow, 0);
  let count = journeys.flatMap((j) => j.lessons).filter((l) => l.instructorId === instructorId && isToday(l)).length;
  const candidates = journeys.filter(
    (j) => j.enrolment.isCurrent && j.outcome === "ACTIVE" && j.instructorIds.includes(instructorId) && j.applicant.showcase === null,
  );
  for (let hour = 8; hour <= 17 && count < 5; hour += 1) {
    for (const journey of candidates) {
      const slot = ctx.scheduler.tryBook(journey.applicant.youth.id, [instructorId], parisTime(today, hour), 60);
      if (!slot) continue;
      journey.lessons.push(makeLesson(ctx, journey, slot, "DRIVING", 60, { attendance: "PRESENT", lateMin: null, cancelReason: null }));
      count += 1;
      break;
    }
  }
}

/** The last lesson before each practical exam is a mock exam. */
function markMockExams(journey: Journey): void {
  for (const exam of journey.exams) {
    if (exam.kind !== "PRACTICAL") continue;
    const before = journey.lessons.filter((l) => l.startsAt < exam.date && l.kind !== "ASSESSMENT");
    const last = before[before.length - 1];
    if (last) Object.assign(last, { kind: "MOCK_EXAM", attendance: "PRESENT", lateMin: null, cancelReason: null });
  }
}

type SkillTrack = { code: string; startAt: number; acquiredAt: number; level: "NOT_STARTED" | "IN_PROGRESS" | "ACQUIRED" };

function skillRow(ctx: TrainingContext, journey: Journey, lesson: LessonRow, code: string, level: SkillLevel): SkillAssessmentRow {
  return {
    id: ctx.ids.next("skillAssessment"),
    enrolmentId: journey.enrolment.id,
    skillCode: code,
    level,
    assessedAt: endOf(lesson),
    assessedById: lesson.instructorId ?? null,
    lessonId: lesson.id,
  };
}

function drivingLessonsDone(ctx: TrainingContext, journey: Journey): LessonRow[] {
  return journey.lessons.filter((l) => l.kind !== "THEORY" && isAttended(l) && endOf(l) <= ctx.now);
}

/** Skills are met in the grid's order as driving hours add up; one change per skill and lesson. */
function buildSkills(ctx: TrainingContext, journey: Journey): void {
  const { rng } = ctx;
  const lessons = drivingLessonsDone(ctx, journey);
  const hoursDone = lessons.reduce((sum, l) => sum + l.durationMin / 60, 0);
  const licensed = journey.outcome === "LICENSED";
  const hoursNeeded = licensed ? hoursDone : journey.forecastHours * rng.float(1.0, 1.35);
  const tracks: SkillTrack[] = SKILLS.map((skill, i) => {
    const startAt = Math.min(0.9, 0.03 + 0.72 * (i / (SKILLS.length - 1)) * rng.float(0.85, 1.1));
    return { code: skill.code, startAt, acquiredAt: Math.min(0.97, startAt + rng.float(0.12, 0.3)), level: "NOT_STARTED" };
  });
  let hours = 0;
  for (const [index, lesson] of lessons.entries()) {
    hours += lesson.durationMin / 60;
    const progress = hours / hoursNeeded;
    const last = licensed && index === lessons.length - 1;
    for (const track of tracks) {
      const next =
        track.level === "NOT_STARTED" && (progress >= track.startAt || last)
          ? last
            ? "ACQUIRED"
            : "IN_PROGRESS"
          : track.level === "IN_PROGRESS" && (progress >= track.acquiredAt || last)
            ? "ACQUIRED"
            : null;
      if (!next) continue;
      track.level = next;
      ctx.rows.skillAssessments.push(skillRow(ctx, journey, lesson, track.code, next));
    }
  }
}

/** The demo young person: C1 skills acquired, C2 skills in progress. */
function buildDemoSkills(ctx: TrainingContext, journey: Journey): void {
  const lessons = drivingLessonsDone(ctx, journey);
  const at = (index: number): LessonRow | undefined => lessons[Math.min(index, lessons.length - 1)];
  const c1 = SKILLS.filter((s) => s.competenceCode === "C1");
  const c2 = SKILLS.filter((s) => s.competenceCode === "C2");
  const push = (lesson: LessonRow | undefined, code: string, level: SkillLevel): void => {
    if (lesson) ctx.rows.skillAssessments.push(skillRow(ctx, journey, lesson, code, level));
  };
  c1.forEach((skill, j) => push(at(Math.floor(j / 3)), skill.code, "IN_PROGRESS"));
  c1.forEach((skill, j) => push(at(3 + Math.floor((j * 4) / c1.length)), skill.code, "ACQUIRED"));
  const firstC2 = 5;
  c2.forEach((skill, j) =>
    push(at(firstC2 + Math.floor((j * Math.max(1, lessons.length - firstC2)) / c2.length)), skill.code, "IN_PROGRESS"),
  );
}

function buildExams(ctx: TrainingContext, journey: Journey): void {
  const { rng } = ctx;
  for (const exam of journey.exams) {
    const theory = exam.kind === "THEORY";
    const eliminatoryFault = !theory && !exam.passed && rng.chance(0.5);
    const score = theory
      ? exam.passed
        ? rng.int(35, 40)
        : rng.int(26, 34)
      : exam.passed
        ? rng.int(20, 31)
        : eliminatoryFault
          ? rng.int(17, 27)
          : rng.int(11, 19);
    const recordedAt = addDays(exam.date, 2);
    ctx.rows.exams.push({
      id: ctx.ids.next("exam"),
      enrolmentId: journey.enrolment.id,
      kind: exam.kind,
      date: exam.date,
      score: journey.applicant.showcase === "DEMO_YOUTH" ? 37 : score,
      result: exam.passed ? "PASSED" : "FAILED",
      eliminatoryFault,
      recordedById: journey.instructorIds[0] ?? null,
      createdAt: recordedAt < ctx.now ? recordedAt : ctx.now,
    });
  }
}

function addPayment(
  ctx: TrainingContext,
  journey: Journey,
  payer: "PROGRAMME" | "YOUTH",
  amountCents: number,
  paidOn: Date,
  label: string,
): void {
  ctx.rows.payments.push({
    id: ctx.ids.next("payment"),
    enrolmentId: journey.enrolment.id,
    payer,
    amountCents,
    paidOn,
    label,
    recordedById: journey.instructorIds[0] ?? null,
    createdAt: paidOn,
  });
}

/** The personal contribution, in one to three instalments; a drop-out stops paying. */
function buildContribution(ctx: TrainingContext, journey: Journey): void {
  const { rng } = ctx;
  const total = journey.applicant.cohort.contributionCents;
  const count =
    journey.applicant.showcase === "DEMO_YOUTH"
      ? 2
      : rng.weighted([
          [1, 40],
          [2, 35],
          [3, 25],
        ]);
  const bound = journey.outcome === "DROPPED" || journey.outcome === "SUSPENDED" ? journey.end : ctx.now;
  for (let i = 0; i < count; i += 1) {
    const paidOn = parisTime(addDays(journey.start, i * 30 + rng.int(0, 5)), 11);
    if (paidOn >= bound) break;
    const share = Math.floor(total / count);
    const amount = i === count - 1 ? total - share * (count - 1) : share;
    const label = count === 1 ? "Participation personnelle" : `Participation personnelle — versement ${i + 1}/${count}`;
    addPayment(ctx, journey, "YOUTH", amount, paidOn, label);
  }
}

/** The aid, invoiced by the school every six weeks for the hours taught, up to the cohort's cap
 * for the young person (across enrolments after a transfer). */
function buildAid(ctx: TrainingContext, journey: Journey, remaining: Map<string, number>): void {
  const youthId = journey.applicant.youth.id;
  const closing = journey.licenceOn ?? (journey.outcome === "DROPPED" ? journey.end : null);
  const dates: Date[] = [];
  for (let day = addDays(journey.start, 30); day < (closing ?? ctx.now); day = addDays(day, 42)) dates.push(parisTime(day, 11));
  if (closing) dates.push(parisTime(addDays(closing, 10), 11));
  let previous = new Date(0);
  for (const [index, paidOn] of dates.entries()) {
    if (paidOn >= ctx.now) break;
    const hours = journey.lessons
      .filter((l) => isAttended(l) && l.startsAt >= previous && l.startsAt < paidOn)
      .reduce((sum, l) => sum + l.durationMin / 60, 0);
    previous = paidOn;
    const isFinal = journey.licenceOn !== null && index === dates.length - 1;
    const due = Math.round(hours * HOURLY_RATE_CENTS) + (index === 0 ? REGISTRATION_CENTS : 0) + (isFinal ? EXAM_SUPPORT_CENTS : 0);
    const left = remaining.get(youthId) ?? journey.applicant.cohort.aidCapCents;
    const amount = Math.min(due, left);
    if (amount <= 0) continue;
    remaining.set(youthId, left - amount);
    addPayment(ctx, journey, "PROGRAMME", amount, paidOn, `Aide AUTOnomie — facture n° ${index + 1}`);
  }
}

function finishJourney(ctx: TrainingContext, journey: Journey, aidLeft: Map<string, number>): void {
  journey.lessons.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  markMockExams(journey);
  journey.enrolment.initialAssessmentAt = journey.lessons[0]?.startsAt ?? parisTime(journey.start, 10);
  ctx.rows.lessons.push(...journey.lessons);
  if (journey.applicant.showcase === "DEMO_YOUTH") buildDemoSkills(ctx, journey);
  else buildSkills(ctx, journey);
  buildExams(ctx, journey);
  if (journey.enrolment.isCurrent) buildContribution(ctx, journey);
  buildAid(ctx, journey, aidLeft);
}

function showcaseFirst(a: Applicant, b: Applicant): number {
  const order = (x: Applicant): number => (x.showcase === "DEMO_YOUTH" ? 0 : x.showcase === "MONTARGIS" ? 1 : 2);
  return order(a) - order(b);
}

/** Enrolments, lessons, skills, exams and payments of every selected young person. */
export function buildTraining(ctx: TrainingContext, applicants: readonly Applicant[]): Journey[] {
  // The showcase files book first, so that their diaries look the way the demo promises.
  const treated = applicants.filter((a) => a.treated).sort(showcaseFirst);
  const journeys = treated.flatMap((applicant) => planJourneys(ctx, applicant));
  for (const journey of journeys) bookLessons(ctx, journey);
  ensureLessonsToday(ctx, journeys);
  const aidLeft = new Map<string, number>();
  for (const journey of journeys) finishJourney(ctx, journey, aidLeft);
  return journeys;
}
