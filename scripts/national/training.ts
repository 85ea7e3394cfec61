// Training of those drawn (enrolment, lessons, booklet rows, exams, payments) and the follow-up
// surveys of everyone ranked in a draw, written row by row as they are generated.
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Attendance, EnrolmentStatus, LessonKind } from "../../src/domain/enums.ts";
import { SKILLS } from "../../src/domain/remc.ts";
import { CANCEL_REASONS, EMPLOYMENT_MIX } from "../demo/catalog.ts";
import { DAY_MS, HOUR_MS, addDays, addMinutes, addMonths, isoWeekday, parisTime, startOfUtcDay } from "../demo/dates.ts";
import type { Rng } from "../demo/random.ts";
import type { Applicant } from "./applicants.ts";
import type { Diaries } from "./diary.ts";
import { inserter } from "./sqlite.ts";

type TrainingContext = { sqlite: Database; rng: Rng; now: Date; diaries: Diaries };

/** What the audit trail needs of a journey: who follows it and what was recorded. */
export type Journey = { youthId: string; counsellorId: string; instructorId: string; lessonIds: string[] };

type Plan = {
  applicant: Applicant;
  schoolId: string;
  schoolInstructors: string[];
  status: EnrolmentStatus;
  enrolledAt: Date;
  /** Lessons are spread from enrolledAt to here (a few weeks ahead for those still learning). */
  until: Date;
  endedAt: Date | null;
};

const REGISTRATION_CENTS = 9_000;
const INVOICE_CENTS = 22_000;
const FIRST_HOUR = 8;
const LAST_HOUR = 18;

function plan(ctx: TrainingContext, applicant: Applicant): Plan | null {
  const { rng, now } = ctx;
  const schools = applicant.territory.schools;
  if (!applicant.selected || schools.length === 0) return null;
  const school = rng.pick(schools);
  const enrolledAt = parisTime(addDays(applicant.committedAt, rng.int(5, 30)), 10);
  const base = { applicant, schoolId: school.id, schoolInstructors: school.instructorIds, enrolledAt };
  if (!applicant.cohort.inProgress) {
    const completed = rng.chance(0.8);
    const until = addDays(enrolledAt, completed ? rng.int(180, 330) : rng.int(60, 200));
    return { ...base, status: completed ? "COMPLETED" : "DROPPED", until, endedAt: until };
  }
  const roll = rng.next();
  if (roll < 0.92) return { ...base, status: "ACTIVE", until: addDays(now, 21), endedAt: null };
  const stoppedAt = new Date(Math.max(addDays(enrolledAt, 20).getTime(), addDays(now, -rng.int(5, 30)).getTime()));
  if (roll < 0.96) return { ...base, status: "SUSPENDED", until: stoppedAt, endedAt: null };
  return { ...base, status: "DROPPED", until: stoppedAt, endedAt: stoppedAt };
}

function attendance(rng: Rng): Attendance {
  return rng.weighted<Attendance>([
    ["PRESENT", 84],
    ["LATE", 5],
    ["ABSENT_EXCUSED", 4],
    ["ABSENT_UNEXCUSED", 3],
    ["CANCELLED", 4],
  ]);
}

/** Noon Paris time of each day, computed once a day: lessons start between 8:00 and 18:00, far
 * from the night hour a clock change moves. */
class ParisDays {
  private readonly noons = new Map<number, number>();

  at(day: Date, hour: number, minute: number): Date {
    let noon = this.noons.get(day.getTime());
    if (noon === undefined) {
      noon = parisTime(day, 12).getTime();
      this.noons.set(day.getTime(), noon);
    }
    return new Date(noon + (hour - 12) * HOUR_MS + minute * 60_000);
  }
}

/** A weekday on or after `day`. */
function weekday(day: Date): Date {
  const iso = isoWeekday(day);
  return iso > 5 ? addDays(day, 8 - iso) : day;
}

/**
 * Enrolments of those drawn, with about `lessons` lessons in all, shared in proportion to the
 * length of each training. Returns the journeys and each youth's licence date.
 */
export function addTraining(
  ctx: TrainingContext,
  applicants: readonly Applicant[],
  lessons: number,
): { journeys: Journey[]; licences: Map<string, Date> } {
  const { sqlite, rng, now, diaries } = ctx;
  const insertEnrolment = inserter(sqlite, "Enrolment", [
    "id",
    "youthId",
    "drivingSchoolId",
    "cohortId",
    "status",
    "isCurrent",
    "gearbox",
    "enrolledAt",
    "initialAssessmentAt",
    "initialAssessmentNote",
    "forecastHours",
    "licenceObtainedOn",
    "theoryPassedOn",
    "endedAt",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const insertLesson = inserter(sqlite, "Lesson", [
    "id",
    "enrolmentId",
    "drivingSchoolId",
    "instructorId",
    "startsAt",
    "durationMin",
    "kind",
    "attendance",
    "lateMin",
    "cancelReason",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const insertSkill = inserter(sqlite, "SkillAssessment", [
    "id",
    "enrolmentId",
    "skillCode",
    "level",
    "assessedAt",
    "assessedById",
    "lessonId",
  ]);
  const insertExam = inserter(sqlite, "Exam", [
    "id",
    "enrolmentId",
    "kind",
    "date",
    "score",
    "result",
    "eliminatoryFault",
    "recordedById",
    "createdAt",
  ]);
  const insertPayment = inserter(sqlite, "Payment", [
    "id",
    "enrolmentId",
    "payer",
    "amountCents",
    "paidOn",
    "label",
    "recordedById",
    "createdAt",
  ]);

  const plans = applicants.map((applicant) => plan(ctx, applicant)).filter((p): p is Plan => p !== null);
  const totalDays = plans.reduce((sum, p) => sum + (p.until.getTime() - p.enrolledAt.getTime()) / DAY_MS, 0);
  const lessonsPerDay = totalDays > 0 ? lessons / totalDays : 0;
  const paris = new ParisDays();
  const journeys: Journey[] = [];
  const licences = new Map<string, Date>();

  for (const p of plans) {
    const enrolmentId = randomUUID();
    const spanDays = Math.max(1, Math.floor((p.until.getTime() - p.enrolledAt.getTime()) / DAY_MS));
    const count = Math.max(2, Math.round(spanDays * lessonsPerDay * rng.float(0.8, 1.2)));
    const theoryBefore = rng.chance(0.1) ? addDays(p.enrolledAt, -rng.int(30, 300)) : null;
    const theoryDay = theoryBefore ? null : weekday(startOfUtcDay(addDays(p.enrolledAt, Math.round(spanDays * 0.35))));
    const theoryFirstFails = rng.chance(0.15);
    const theoryPassed = theoryDay ? paris.at(addDays(theoryDay, theoryFirstFails ? 21 : 0), 9, 0) : null;
    const practicalFirstFails = rng.chance(0.25);
    const licenceOn = p.status === "COMPLETED" ? paris.at(weekday(startOfUtcDay(p.until)), 9, 0) : null;

    // The lessons, planned before the enrolment row, which holds the initial assessment's time.
    type LessonRow = { id: string; instructorId: string; startsAt: Date; durationMin: number; kind: LessonKind; attendance: Attendance };
    const rows: LessonRow[] = [];
    for (let j = 0; j < count; j += 1) {
      const day = weekday(startOfUtcDay(new Date(p.enrolledAt.getTime() + (j === 0 ? 0 : j + rng.next()) * (spanDays / count) * DAY_MS)));
      const kind: LessonKind =
        j === 0
          ? "ASSESSMENT"
          : p.status === "COMPLETED" && j === count - 2
            ? "MOCK_EXAM"
            : rng.chance(theoryPassed && day < theoryPassed ? 0.2 : 0.03)
              ? "THEORY"
              : "DRIVING";
      const durationMin =
        kind === "THEORY"
          ? 90
          : kind === "DRIVING"
            ? rng.weighted([
                [60, 70],
                [120, 20],
                [90, 10],
              ])
            : 60;
      const firstHour = rng.int(FIRST_HOUR, LAST_HOUR);
      let slot: { instructorId: string; startsAt: Date } | null = null;
      for (let h = 0; h <= LAST_HOUR - FIRST_HOUR && !slot; h += 1) {
        const startsAt = paris.at(day, FIRST_HOUR + ((firstHour - FIRST_HOUR + h) % (LAST_HOUR - FIRST_HOUR + 1)), 0);
        const instructorId = p.schoolInstructors.find((id) => diaries.isFree(id, startsAt, durationMin));
        if (instructorId) slot = { instructorId, startsAt };
      }
      // A full day at the school: that lesson is not given.
      if (!slot) continue;
      diaries.book(slot.instructorId, slot.startsAt, durationMin);
      rows.push({
        id: randomUUID(),
        ...slot,
        durationMin,
        kind,
        attendance: slot.startsAt < now ? attendance(rng) : "SCHEDULED",
      });
    }
    const first = rows[0];
    if (!first) continue;

    insertEnrolment([
      enrolmentId,
      p.applicant.youthId,
      p.schoolId,
      p.applicant.cohort.id,
      p.status,
      true,
      rng.chance(0.9) ? "MANUAL" : "AUTOMATIC",
      p.enrolledAt,
      first.startsAt < now ? first.startsAt : null,
      first.startsAt < now ? "Évaluation de départ faite : volume d'heures prévu fixé avec le ou la jeune." : null,
      rng.int(25, 45),
      licenceOn,
      theoryBefore,
      p.endedAt,
      p.applicant.territory.counsellorId,
      p.enrolledAt,
      now,
    ]);

    let skill = 0;
    let started = false;
    for (const lesson of rows) {
      const past = lesson.startsAt < now;
      const booked = addDays(lesson.startsAt, -rng.int(3, 14));
      const end = addMinutes(lesson.startsAt, lesson.durationMin);
      insertLesson([
        lesson.id,
        enrolmentId,
        p.schoolId,
        lesson.instructorId,
        lesson.startsAt,
        lesson.durationMin,
        lesson.kind,
        lesson.attendance,
        lesson.attendance === "LATE" ? rng.pick([5, 10, 15, 20]) : null,
        lesson.attendance === "CANCELLED" ? rng.pick(CANCEL_REASONS) : null,
        lesson.instructorId,
        booked < now ? booked : now,
        past ? (end < now ? end : now) : booked < now ? booked : now,
      ]);
      const attended = lesson.attendance === "PRESENT" || lesson.attendance === "LATE";
      if (attended && lesson.kind === "DRIVING" && skill < SKILLS.length && rng.chance(0.7)) {
        insertSkill([
          randomUUID(),
          enrolmentId,
          SKILLS[skill]!.code,
          started ? "ACQUIRED" : "IN_PROGRESS",
          end,
          lesson.instructorId,
          lesson.id,
        ]);
        if (started) skill += 1;
        started = !started;
      }
    }

    const recorder = first.instructorId;
    const exam = (kind: "THEORY" | "PRACTICAL", date: Date, passed: boolean): void => {
      if (date >= now) return;
      const score = kind === "THEORY" ? (passed ? rng.int(35, 40) : rng.int(22, 34)) : passed ? rng.int(20, 31) : rng.int(12, 19);
      insertExam([
        randomUUID(),
        enrolmentId,
        kind,
        date,
        score,
        passed ? "PASSED" : "FAILED",
        false,
        recorder,
        addDays(date, 1) < now ? addDays(date, 1) : now,
      ]);
    };
    if (theoryPassed && theoryDay) {
      if (theoryFirstFails) exam("THEORY", paris.at(theoryDay, 9, 0), false);
      exam("THEORY", theoryPassed, true);
    }
    if (licenceOn) {
      if (practicalFirstFails) exam("PRACTICAL", addDays(licenceOn, -21), false);
      exam("PRACTICAL", licenceOn, true);
      licences.set(p.applicant.youthId, licenceOn);
    }

    const payment = (payer: "PROGRAMME" | "YOUTH", amountCents: number, paidOn: Date, label: string): void => {
      if (paidOn < now) insertPayment([randomUUID(), enrolmentId, payer, amountCents, paidOn, label, recorder, paidOn]);
    };
    const half = Math.round(p.applicant.cohort.contributionCents / 2);
    payment("YOUTH", half, addDays(p.enrolledAt, 5), "Participation personnelle — versement 1/2");
    payment("YOUTH", p.applicant.cohort.contributionCents - half, addDays(p.enrolledAt, 60), "Participation personnelle — versement 2/2");
    payment("PROGRAMME", REGISTRATION_CENTS, addDays(p.enrolledAt, 7), "Frais d'inscription");
    // Monthly-ish invoices of lessons, never above the cohort's aid cap.
    let aid = REGISTRATION_CENTS;
    for (let on = addDays(p.enrolledAt, 60); on < p.until && aid < p.applicant.cohort.aidCapCents; on = addDays(on, 60)) {
      const amount = Math.min(INVOICE_CENTS, p.applicant.cohort.aidCapCents - aid);
      payment("PROGRAMME", amount, on, "Facture de leçons de conduite");
      aid += amount;
    }

    journeys.push({
      youthId: p.applicant.youthId,
      counsellorId: p.applicant.territory.counsellorId,
      instructorId: recorder,
      lessonIds: rows.map((row) => row.id),
    });
  }
  return { journeys, licences };
}

/** Surveys at 6, 12 and 24 months after the draw for everyone ranked (both evaluation groups);
 * only those already due are answered or marked unreachable. */
export function addSurveys(
  ctx: Omit<TrainingContext, "diaries">,
  applicants: readonly Applicant[],
  licences: ReadonlyMap<string, Date>,
): void {
  const { sqlite, rng, now } = ctx;
  const insertSurvey = inserter(sqlite, "FollowUpSurvey", [
    "id",
    "youthId",
    "cohortId",
    "monthsAfter",
    "dueOn",
    "status",
    "answeredAt",
    "hasLicence",
    "licenceObtainedOn",
    "employed",
    "employmentStatus",
    "recordedById",
  ]);
  for (const applicant of applicants) {
    for (const months of [6, 12, 24]) {
      const dueOn = startOfUtcDay(addMonths(applicant.cohort.drawDate, months));
      if (applicant.cohort.inProgress && months > 6) continue;
      const id = randomUUID();
      const counsellor = applicant.territory.counsellorId;
      if (dueOn >= now) {
        insertSurvey([id, applicant.youthId, applicant.cohort.id, months, dueOn, "PENDING", null, null, null, null, null, null]);
        continue;
      }
      if (!rng.chance(0.8)) {
        insertSurvey([id, applicant.youthId, applicant.cohort.id, months, dueOn, "UNREACHABLE", null, null, null, null, null, counsellor]);
        continue;
      }
      const licenceOn = licences.get(applicant.youthId);
      const hasLicence = licenceOn !== undefined && licenceOn <= dueOn;
      const employed = rng.chance(hasLicence ? 0.65 : 0.45);
      const answeredAt = addDays(dueOn, rng.int(1, 20));
      insertSurvey([
        id,
        applicant.youthId,
        applicant.cohort.id,
        months,
        dueOn,
        "ANSWERED",
        answeredAt < now ? answeredAt : now,
        hasLicence,
        hasLicence ? licenceOn : null,
        employed,
        employed ? "EMPLOYEE" : rng.weighted(EMPLOYMENT_MIX.filter(([code]) => code !== "EMPLOYEE")),
        counsellor,
      ]);
    }
  }
}
