import { z } from "zod";
import { ATTENDANCES, LESSON_KINDS } from "../../domain/enums.ts";
import { isCalendarDate } from "./rules.ts";

export const MIN_DURATION = 15;
export const MAX_DURATION = 480;

const ENROLMENT_REQUIRED = "Choisissez le ou la jeune.";
const DATE_INVALID = "Saisissez une date valide (exemple : 2026-11-23).";
const TIME_INVALID = "Saisissez une heure valide, au format HH:MM (exemple : 14:30).";
const DURATION_INVALID = `La durée est un nombre entier de minutes, entre ${MIN_DURATION} et ${MAX_DURATION}.`;
const KIND_REQUIRED = "Choisissez le type de leçon.";
const ATTENDANCE_REQUIRED = "Choisissez la présence à enregistrer.";
const LATE_MIN_REQUIRED = "Indiquez le retard en minutes (un nombre entier, au moins 1).";
const LATE_MIN_INVALID = "Le retard est un nombre entier de minutes, entre 1 et 480.";
const REASON_REQUIRED = "Indiquez le motif de l'annulation.";
const REASON_TOO_LONG = "Le motif fait au plus 300 caractères.";
const PACE_INVALID = "Le rythme est un nombre entier de leçons par semaine, entre 1 et 10 (laissez vide pour le rythme conseillé).";

/** An optional field sent empty by a browser is "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Where to go back after a write: a local path only (never another site). */
export const returnToField = z.preprocess(
  blankToUndefined,
  z.string().regex(/^\/(?!\/)[A-Za-z0-9/_\-?=&.#%]*$/).max(300).optional().catch(undefined),
);

export const dateField = (message = DATE_INVALID) =>
  z.string(message).trim().refine(isCalendarDate, message);

export const planLessonSchema = z
  .object({
    enrolmentId: z.string(ENROLMENT_REQUIRED).trim().min(1, ENROLMENT_REQUIRED).max(64, ENROLMENT_REQUIRED),
    date: dateField(),
    time: z.string(TIME_INVALID).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME_INVALID),
    durationMin: z.coerce.number(DURATION_INVALID).int(DURATION_INVALID).min(MIN_DURATION, DURATION_INVALID).max(MAX_DURATION, DURATION_INVALID),
    kind: z.enum(LESSON_KINDS, KIND_REQUIRED),
    instructorId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    returnTo: returnToField,
  })
  .strict();
export type PlanLessonForm = z.infer<typeof planLessonSchema>;

export const attendanceSchema = z
  .object({
    // SCHEDULED puts a lesson back to "not recorded yet" (undoing a first tap, restoring a cancelled lesson).
    attendance: z.enum(ATTENDANCES, ATTENDANCE_REQUIRED),
    lateMin: z.preprocess(blankToUndefined, z.coerce.number(LATE_MIN_INVALID).int(LATE_MIN_INVALID).min(1, LATE_MIN_INVALID).max(480, LATE_MIN_INVALID).optional()),
    reason: z.preprocess(blankToUndefined, z.string().trim().max(300, REASON_TOO_LONG).optional()),
    returnTo: returnToField,
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.attendance === "LATE" && form.lateMin === undefined) ctx.addIssue({ code: "custom", path: ["lateMin"], message: LATE_MIN_REQUIRED });
    if (form.attendance === "CANCELLED" && !form.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: REASON_REQUIRED });
  });
export type AttendanceForm = z.infer<typeof attendanceSchema>;

/** Query of the week view: both optional; anything malformed falls back to the defaults. */
export const weekQuerySchema = z.object({
  instructorId: z.string().max(64).optional().catch(undefined),
  week: z.string().refine(isCalendarDate).optional().catch(undefined),
});

export const paceSchema = z
  .object({
    maxLessonsPerWeek: z.preprocess(blankToUndefined, z.coerce.number(PACE_INVALID).int(PACE_INVALID).min(1, PACE_INVALID).max(10, PACE_INVALID).optional()),
  })
  .strict();
export type PaceForm = z.infer<typeof paceSchema>;
