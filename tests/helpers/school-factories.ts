// Test data of the driving-school workspace, on the test file's own database.
import { testDb } from "./factories.ts";
import { parisIsoDay } from "../../src/domain/time.ts";
import { parisParts } from "../../src/domain/time.ts";
import type { Attendance, LessonKind } from "../../src/domain/enums.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A Date rounded down to the minute (forms carry HH:MM). */
export function minuteOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** The form fields `date` and `time` (Europe/Paris) of an instant. */
export function parisFields(date: Date): { date: string; time: string } {
  const p = parisParts(date);
  return { date: parisIsoDay(date), time: `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}` };
}

/** Moves an enrolment's start (factories enrol today), so that lessons may be dated before. */
export async function enrolledOn(enrolmentId: string, enrolledAt: Date) {
  return testDb.enrolment.update({ where: { id: enrolmentId }, data: { enrolledAt } });
}

export async function makeLesson(
  enrolmentId: string,
  options: { startsAt?: Date; durationMin?: number; attendance?: Attendance; instructorId?: string | null; kind?: LessonKind } = {},
) {
  const { drivingSchoolId } = await testDb.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { drivingSchoolId: true } });
  return testDb.lesson.create({
    data: {
      enrolmentId,
      drivingSchoolId,
      startsAt: options.startsAt ?? minuteOf(new Date(Date.now() - 2 * HOUR)),
      durationMin: options.durationMin ?? 60,
      kind: options.kind ?? "DRIVING",
      attendance: options.attendance ?? "SCHEDULED",
      instructorId: options.instructorId ?? null,
    },
  });
}

/** A selected application; by default with both commitments recorded (ready for enrolment). */
export async function makeSelectedApplication(
  youthId: string,
  cohortId: string,
  commitments: { attendance: boolean; contribution: boolean } = { attendance: true, contribution: true },
) {
  const committedAt = new Date(Date.now() - 3_600_000);
  return testDb.application.create({
    data: {
      youthId,
      cohortId,
      status: "SELECTED",
      submittedAt: new Date(),
      attendanceCommitmentAt: commitments.attendance ? committedAt : null,
      contributionCommitmentAt: commitments.contribution ? committedAt : null,
    },
  });
}

/** A difficulty the school reported on an enrolment (open unless told otherwise). */
export async function makeDifficulty(
  enrolment: { id: string; youthId: string },
  reportedById: string | null,
  options: { description?: string; resolvedAt?: Date; resolution?: string } = {},
) {
  return testDb.difficulty.create({
    data: {
      youthId: enrolment.youthId,
      enrolmentId: enrolment.id,
      category: "MOBILITY",
      description: options.description ?? "Ne trouve plus de bus pour venir le samedi.",
      reportedById,
      resolvedAt: options.resolvedAt ?? null,
      resolution: options.resolution ?? null,
    },
  });
}
