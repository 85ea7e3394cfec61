// Pure planning rules for lessons: pace per employment status, overlaps, availability, and when
// attendance may be recorded. No database here: the service feeds them and tests call them directly.
import type { Attendance } from "../../domain/enums.ts";
import { parisParts } from "../../domain/time.ts";
import type { AvailabilitySlot } from "../../domain/availability.ts";

/**
 * Lessons per week a youth's situation suggests (programme rule of thumb, AUTOnomie: the pace
 * adapts to the situation). An apprentice or an employee works most of the week; an intern in
 * vocational training has set hours; a job seeker is the most available. The counsellor may
 * override it per youth (Youth.maxLessonsPerWeek, permission pace:override).
 */
const PACE_BY_STATUS: Readonly<Record<string, number>> = {
  APPRENTICE: 2,
  EMPLOYEE: 2,
  INTERN: 3,
  STUDENT: 3,
  JOB_SEEKER: 4,
  OTHER: 3,
};
const DEFAULT_PACE = 3;

export function paceLimit(employmentStatus: string, override: number | null | undefined): number {
  return override ?? PACE_BY_STATUS[employmentStatus] ?? DEFAULT_PACE;
}

export type Interval = { startsAt: Date; durationMin: number };

export function endOf(lesson: Interval): Date {
  return new Date(lesson.startsAt.getTime() + lesson.durationMin * 60_000);
}

/** Half-open intervals: a lesson ending at 10:00 and one starting at 10:00 do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < endOf(b) && b.startsAt < endOf(a);
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether the lesson fits inside one of the declared weekly slots (Paris wall-clock time,
 * day 1 = Monday). No declared availability = nothing to check against (true).
 */
export function withinAvailability(slots: readonly AvailabilitySlot[], lesson: Interval): boolean {
  if (slots.length === 0) return true;
  const start = parisParts(lesson.startsAt);
  const from = start.hour * 60 + start.minute;
  const to = from + lesson.durationMin;
  return slots.some((slot) => slot.day === start.weekday && minutesOf(slot.from) <= from && to <= minutesOf(slot.to));
}

// Other features' services still import these two from here; they live with Paris time.

/** The attendance fields that put a lesson back as it was before a change; null when nothing
 * changed, or when the previous value cannot be sent again (a lateness or a cancellation recorded
 * without its minutes or its reason). */
export function undoOf(
  before: { attendance: string; lateMin: number | null; cancelReason: string | null },
  after: { attendance: Attendance; lateMin?: number | undefined },
): { attendance: string; lateMin: number | null; reason: string | null } | null {
  const lateMin = after.attendance === "LATE" ? (after.lateMin ?? null) : null;
  if (before.attendance === after.attendance && before.lateMin === lateMin) return null;
  if (before.attendance === "LATE" && before.lateMin === null) return null;
  if (before.attendance === "CANCELLED" && !before.cancelReason) return null;
  return {
    attendance: before.attendance,
    lateMin: before.attendance === "LATE" ? before.lateMin : null,
    reason: before.attendance === "CANCELLED" ? before.cancelReason : null,
  };
}

export const ATTENDANCE_NOT_STARTED = "La leçon n'a pas encore commencé : seule une annulation peut être enregistrée à l'avance.";

/**
 * Attendance is a fact about a lesson that has started; the exceptions are a cancellation,
 * which a school usually knows in advance (the youth is told, the slot is freed), and putting a
 * lesson back to "planned" (undoing a tap or a cancellation).
 */
export function attendanceTooEarly(attendance: Attendance, startsAt: Date, now: Date): boolean {
  return attendance !== "CANCELLED" && attendance !== "SCHEDULED" && startsAt > now;
}

/** Warnings shown after a lesson is saved anyway (outside availability, beyond the pace). */
export function planningWarnings(input: {
  lesson: Interval;
  slots: readonly AvailabilitySlot[];
  lessonsThatWeek: number;
  limit: number;
}): string[] {
  const warnings: string[] = [];
  if (!withinAvailability(input.slots, input.lesson)) {
    warnings.push("Attention : cette leçon est en dehors des disponibilités déclarées par le jeune.");
  }
  if (input.lessonsThatWeek > input.limit) {
    warnings.push(
      `Attention : ${input.lessonsThatWeek} leçons cette semaine-là, au-delà du rythme conseillé pour sa situation (${input.limit} par semaine).`,
    );
  }
  return warnings;
}

/** A notice given this long before the lesson or more excuses the absence at once; later, the
 * school decides (the slot may no longer be offered to someone else). */
const ABSENCE_NOTICE_HOURS = 24;

/** EXCUSED: the lesson becomes an excused absence; SCHOOL_DECIDES: it stays planned with the notice. */
export function absenceNoticeOutcome(startsAt: Date, now: Date): "EXCUSED" | "SCHOOL_DECIDES" {
  return startsAt.getTime() - now.getTime() >= ABSENCE_NOTICE_HOURS * 3_600_000 ? "EXCUSED" : "SCHOOL_DECIDES";
}

/** Why a notice cannot be given for this lesson (a plain sentence for the young person), or null. */
export function absenceNoticeRefusal(
  lesson: { startsAt: Date; attendance: Attendance; absenceNoticeAt: Date | null },
  now: Date,
): string | null {
  if (lesson.attendance === "CANCELLED") return "Cette leçon est annulée. Vous n'avez rien à faire.";
  if (lesson.absenceNoticeAt) return "Vous avez déjà prévenu l'auto-école pour cette leçon.";
  if (lesson.startsAt <= now) return "Cette leçon a déjà commencé ou est passée. Appelez votre auto-école.";
  if (lesson.attendance !== "SCHEDULED") return "Cette leçon n'est plus prévue. Rien n'a été envoyé.";
  return null;
}
