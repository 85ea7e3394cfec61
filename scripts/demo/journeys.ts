// What happens to each selected young person: school, transfer, outcome, exam dates and the days
// lessons are wanted. Pure planning; lessons are booked afterwards (training.ts).
import type { Applicant } from "./applicants.ts";
import { DEMO_YOUTH, WEEKLY_PACE } from "./catalog.ts";
import { DAY_MS, addDays, daysBetween, parisTime, startOfUtcDay } from "./dates.ts";
import type { IdFactory } from "./ids.ts";
import type { Organisation, SchoolInfo } from "./organisation.ts";
import type { Rng } from "./random.ts";
import type { DemoRows, EnrolmentRow, LessonRow } from "./rows.ts";
import type { EnrolmentStatus } from "../../src/domain/enums.ts";

type Outcome = "LICENSED" | "DROPPED" | "ACTIVE" | "SUSPENDED";

type ExamPlan = { kind: "THEORY" | "PRACTICAL"; date: Date; passed: boolean };

export type Journey = {
  applicant: Applicant;
  enrolment: EnrolmentRow;
  school: SchoolInfo;
  /** Preferred instructor first. */
  instructorIds: string[];
  outcome: Outcome;
  /** Day of the initial assessment (first lesson). */
  start: Date;
  /** Lessons start strictly before this instant. */
  end: Date;
  desiredDays: Date[];
  forecastHours: number;
  exams: ExamPlan[];
  lessons: LessonRow[];
  /** Attendance degrades towards the end (before a drop-out or a suspension). */
  drifting: boolean;
  licenceOn: Date | null;
};

export type PlanContext = { rows: DemoRows; ids: IdFactory; rng: Rng; org: Organisation; now: Date };

const ASSESSMENT_NOTES = [
  "Bonne coordination, appréhension en circulation.",
  "Premier contact avec le volant : commencer sur parking.",
  "A déjà conduit en conduite accompagnée, bases acquises.",
  "Stress important : prévoir un rythme progressif.",
  "Bonne compréhension des consignes, à l'aise avec les commandes.",
  "Difficultés à coordonner embrayage et accélérateur.",
];

function dayAfter(date: Date, days: number, hour = 10): Date {
  return parisTime(addDays(date, days), hour);
}

function spreadInt(rng: Rng, min: number, max: number): number {
  // Mean of two uniforms: durations cluster in the middle of the range, as in real cohorts.
  return Math.round(min + ((rng.next() + rng.next()) / 2) * (max - min));
}

type OutcomePlan = { outcome: Outcome; end: Date; licenceOn: Date | null };

function planOutcome(ctx: PlanContext, applicant: Applicant, start: Date): OutcomePlan {
  const { rng, now } = ctx;
  const elapsed = daysBetween(start, now);
  const active: OutcomePlan = { outcome: "ACTIVE", end: addDays(startOfUtcDay(now), 7), licenceOn: null };
  if (applicant.showcase) return active;
  if (!applicant.cohort.inProgress) {
    if (rng.chance(0.72)) {
      const licenceOn = dayAfter(start, spreadInt(rng, 75, 420), rng.int(8, 14));
      return { outcome: "LICENSED", end: startOfUtcDay(licenceOn), licenceOn };
    }
    return { outcome: "DROPPED", end: dayAfter(start, rng.int(30, 300)), licenceOn: null };
  }
  const outcome = rng.weighted<Outcome>([
    ["ACTIVE", 78],
    ["LICENSED", 8],
    ["SUSPENDED", 9],
    ["DROPPED", 5],
  ]);
  // Some stop coming without a word: their training is still open, their last lesson three weeks
  // ago or more (the counsellor's early warning NO_RECENT_LESSON).
  if (outcome === "ACTIVE" && elapsed >= 60 && rng.chance(0.05)) {
    return { outcome, end: dayAfter(now, -rng.int(22, 45)), licenceOn: null };
  }
  if (outcome === "LICENSED" && elapsed >= 64) {
    const licenceOn = dayAfter(start, rng.int(60, elapsed - 3), rng.int(8, 14));
    return { outcome, end: startOfUtcDay(licenceOn), licenceOn };
  }
  if (outcome === "SUSPENDED" && elapsed >= 40) {
    return { outcome, end: dayAfter(now, -rng.int(7, Math.min(40, elapsed - 25))), licenceOn: null };
  }
  if (outcome === "DROPPED" && elapsed >= 35) {
    return { outcome, end: dayAfter(start, rng.int(25, elapsed - 5)), licenceOn: null };
  }
  return active;
}

function theoryAttempts(rng: Rng, passOn: Date, notBefore: Date): ExamPlan[] {
  const failedOn = addDays(passOn, -rng.int(14, 28));
  const failedFirst = rng.chance(0.3) && failedOn > notBefore;
  return [
    ...(failedFirst ? [{ kind: "THEORY" as const, date: failedOn, passed: false }] : []),
    { kind: "THEORY", date: passOn, passed: true },
  ];
}

function planExams(ctx: PlanContext, plan: OutcomePlan, start: Date): ExamPlan[] {
  const { rng, now } = ctx;
  const at = (day: Date): Date => parisTime(day, rng.int(8, 15));
  const span = daysBetween(start, plan.end);
  const earliest = addDays(start, 10);
  switch (plan.outcome) {
    case "LICENSED": {
      if (!plan.licenceOn) return [];
      const theoryOn = at(addDays(start, Math.round(span * rng.float(0.25, 0.5))));
      const failedPractical = addDays(plan.licenceOn, -rng.int(21, 42));
      const exams = theoryAttempts(rng, theoryOn, earliest);
      if (rng.chance(0.25) && failedPractical > addDays(theoryOn, 14)) {
        exams.push({ kind: "PRACTICAL", date: at(failedPractical), passed: false });
      }
      exams.push({ kind: "PRACTICAL", date: plan.licenceOn, passed: true });
      return exams;
    }
    case "ACTIVE": {
      const elapsed = daysBetween(start, now);
      if (elapsed <= 40 || !rng.chance(0.75)) return [];
      const theoryOn = at(addDays(start, rng.int(30, elapsed - 3)));
      const exams = theoryAttempts(rng, theoryOn, earliest);
      const sinceTheory = daysBetween(theoryOn, now);
      if (sinceTheory > 30 && rng.chance(0.15)) {
        exams.push({ kind: "PRACTICAL", date: at(addDays(theoryOn, rng.int(21, sinceTheory - 2))), passed: false });
      }
      return exams;
    }
    default: {
      if (span <= 45 || !rng.chance(0.5)) return [];
      return [{ kind: "THEORY", date: at(addDays(start, Math.round(span * rng.float(0.4, 0.85)))), passed: rng.chance(0.55) }];
    }
  }
}

function lessonCountFor(rng: Rng, outcome: Outcome, forecastHours: number, weeks: number, status: string): number {
  if (outcome === "LICENSED") return Math.round(forecastHours * rng.float(0.85, 1.2));
  const pace = (WEEKLY_PACE[status] ?? 1.5) * rng.float(0.8, 1.15) * (outcome === "ACTIVE" ? 1 : 0.75);
  return Math.max(2, Math.round(weeks * pace));
}

/** Evenly spread between the assessment and the end, one or two days of jitter. */
function spreadDays(rng: Rng, start: Date, end: Date, count: number): Date[] {
  const span = end.getTime() - start.getTime();
  return Array.from({ length: count }, (_, i) =>
    startOfUtcDay(new Date(start.getTime() + (span * (i + 1)) / (count + 1) + rng.int(-1, 1) * DAY_MS)),
  ).map((day) => (day <= start ? addDays(startOfUtcDay(start), 1) : day));
}

function instructorsFor(rng: Rng, school: SchoolInfo, showcase: boolean): string[] {
  const primary = showcase ? school.instructorIds[0] : rng.pick(school.instructorIds);
  return [...school.instructorIds.filter((id) => id === primary), ...school.instructorIds.filter((id) => id !== primary)];
}

type EnrolmentSpec = {
  applicant: Applicant;
  school: SchoolInfo;
  enrolledAt: Date;
  status: EnrolmentStatus;
  isCurrent: boolean;
  forecastHours: number;
  endedAt: Date | null;
  licenceOn: Date | null;
};

function addEnrolment(ctx: PlanContext, spec: EnrolmentSpec): EnrolmentRow {
  const { rng } = ctx;
  const row: EnrolmentRow = {
    id: ctx.ids.next("enrolment"),
    youthId: spec.applicant.youth.id,
    drivingSchoolId: spec.school.id,
    cohortId: spec.applicant.cohort.id,
    status: spec.status,
    isCurrent: spec.isCurrent,
    gearbox: rng.chance(0.88) ? "MANUAL" : "AUTOMATIC",
    enrolledAt: spec.enrolledAt,
    initialAssessmentNote: rng.pick(ASSESSMENT_NOTES),
    forecastHours: spec.forecastHours,
    licenceObtainedOn: spec.licenceOn ? startOfUtcDay(spec.licenceOn) : null,
    endedAt: spec.endedAt,
    createdById: ctx.org.counsellorIds[spec.applicant.missionLocale],
    createdAt: spec.enrolledAt,
  };
  ctx.rows.enrolments.push(row);
  return row;
}

const STATUS_OF: Record<Outcome, EnrolmentStatus> = { LICENSED: "COMPLETED", DROPPED: "DROPPED", ACTIVE: "ACTIVE", SUSPENDED: "SUSPENDED" };

function schoolFor(ctx: PlanContext, applicant: Applicant): SchoolInfo {
  if (applicant.showcase === "DEMO_YOUTH") return ctx.org.schoolsByMissionLocale.ORLEANS[0] as SchoolInfo;
  if (applicant.showcase === "MONTARGIS") return ctx.org.schoolsByMissionLocale.MONTARGIS[0] as SchoolInfo;
  return ctx.rng.pick(ctx.org.schoolsByMissionLocale[applicant.missionLocale]);
}

/** A first enrolment left for another school of the same area (the former school loses the file). */
function planTransfer(ctx: PlanContext, applicant: Applicant, school: SchoolInfo, start: Date): Journey {
  const { rng } = ctx;
  const transferOn = dayAfter(start, rng.int(25, 50));
  const forecastHours = rng.int(20, 45);
  const enrolment = addEnrolment(ctx, {
    applicant,
    school,
    enrolledAt: addDays(start, -rng.int(1, 6)),
    status: "DROPPED",
    isCurrent: false,
    forecastHours,
    endedAt: transferOn,
    licenceOn: null,
  });
  const weeks = daysBetween(start, transferOn) / 7;
  return {
    applicant,
    enrolment,
    school,
    instructorIds: instructorsFor(rng, school, false),
    outcome: "DROPPED",
    start,
    end: transferOn,
    desiredDays: spreadDays(rng, start, transferOn, lessonCountFor(rng, "ACTIVE", forecastHours, weeks, applicant.youth.employmentStatus)),
    forecastHours,
    exams: [],
    lessons: [],
    drifting: false,
    licenceOn: null,
  };
}

function planDemoYouth(ctx: PlanContext, applicant: Applicant, school: SchoolInfo, start: Date, enrolledAt: Date): Journey {
  const { now, rng } = ctx;
  const enrolment = addEnrolment(ctx, {
    applicant,
    school,
    enrolledAt,
    status: "ACTIVE",
    isCurrent: true,
    forecastHours: DEMO_YOUTH.forecastHours,
    endedAt: null,
    licenceOn: null,
  });
  Object.assign(enrolment, { gearbox: "MANUAL", initialAssessmentNote: "Motivée, premiers gestes hésitants ; à l'aise avec le code." });
  const past = spreadDays(rng, addDays(start, 3), addDays(startOfUtcDay(now), -10), 11);
  const coming = [addDays(startOfUtcDay(now), 1), addDays(startOfUtcDay(now), 3)];
  return {
    applicant,
    enrolment,
    school,
    instructorIds: instructorsFor(rng, school, true),
    outcome: "ACTIVE",
    start,
    end: addDays(startOfUtcDay(now), 8),
    desiredDays: [...past, ...coming],
    forecastHours: DEMO_YOUTH.forecastHours,
    exams: [{ kind: "THEORY", date: parisTime(addDays(start, 50), 10), passed: true }],
    lessons: [],
    drifting: false,
    licenceOn: null,
  };
}

/** The journeys (one per enrolment) of one selected young person. */
export function planJourneys(ctx: PlanContext, applicant: Applicant): Journey[] {
  const { rng } = ctx;
  if (!applicant.committedAt) return [];
  let enrolledAt = dayAfter(applicant.committedAt, rng.int(3, 14));
  let start = startOfUtcDay(addDays(enrolledAt, rng.int(1, 6)));
  let school = schoolFor(ctx, applicant);
  if (applicant.showcase === "DEMO_YOUTH") return [planDemoYouth(ctx, applicant, school, start, enrolledAt)];

  const journeys: Journey[] = [];
  if (!applicant.showcase && rng.chance(0.04)) {
    const previous = planTransfer(ctx, applicant, school, start);
    journeys.push(previous);
    const others = ctx.org.schoolsByMissionLocale[applicant.missionLocale].filter((s) => s.id !== school.id);
    school = rng.pick(others);
    enrolledAt = dayAfter(previous.end, rng.int(2, 7));
    start = startOfUtcDay(addDays(enrolledAt, rng.int(1, 4)));
  }

  const plan = planOutcome(ctx, applicant, start);
  const forecastHours = rng.int(20, 45);
  const exams = planExams(ctx, plan, start);
  const weeks = daysBetween(start, plan.end) / 7;
  const lessonCount = lessonCountFor(rng, plan.outcome, forecastHours, weeks, applicant.youth.employmentStatus);
  const ended = plan.outcome === "LICENSED" || plan.outcome === "DROPPED";
  const enrolment = addEnrolment(ctx, {
    applicant,
    school,
    enrolledAt,
    status: STATUS_OF[plan.outcome],
    isCurrent: true,
    forecastHours,
    endedAt: ended ? (plan.licenceOn ?? plan.end) : null,
    licenceOn: plan.licenceOn,
  });
  journeys.push({
    applicant,
    enrolment,
    school,
    instructorIds: instructorsFor(rng, school, applicant.showcase !== null),
    outcome: plan.outcome,
    start,
    end: plan.end,
    desiredDays: spreadDays(rng, start, plan.end, lessonCount),
    forecastHours,
    exams,
    lessons: [],
    drifting: plan.outcome === "DROPPED" || plan.outcome === "SUSPENDED",
    licenceOn: plan.licenceOn,
  });
  return journeys;
}
