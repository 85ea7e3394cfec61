import { z } from "zod";
import { ATTENDANCES, LESSON_KINDS } from "../../domain/enums.ts";
import { dayField, optionalTextField, parisTimeProblem, returnToField, timeField } from "../../http/fields.ts";

const MIN_DURATION = 15;
export const MAX_DURATION = 480;

const ENROLMENT_REQUIRED = "Choisissez le ou la jeune.";
const DATE_INVALID = "Saisissez une date valide (exemple : 23/11/2026).";
const DATE_TOO_FAR = (limit: string) => `Une leçon se planifie au plus un an à l'avance : au plus tard le ${limit}.`;
const WEEK_INVALID = "Cette semaine n'est pas affichable : choisissez une date entre il y a dix ans et dans deux ans.";
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

/** A year ahead at most (a leap year's worth); the enrolment's dates are checked by the service. */
const MAX_DAYS_AHEAD = 366;

export const planLessonSchema = z
  .object({
    enrolmentId: z.string(ENROLMENT_REQUIRED).trim().min(1, ENROLMENT_REQUIRED).max(64, ENROLMENT_REQUIRED),
    date: dayField({ invalid: DATE_INVALID, max: MAX_DAYS_AHEAD, tooLate: DATE_TOO_FAR }),
    time: timeField(TIME_INVALID),
    durationMin: z.coerce
      .number(DURATION_INVALID)
      .int(DURATION_INVALID)
      .min(MIN_DURATION, DURATION_INVALID)
      .max(MAX_DURATION, DURATION_INVALID),
    kind: z.enum(LESSON_KINDS, KIND_REQUIRED),
    instructorId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    returnTo: returnToField,
  })
  .strict()
  .superRefine((form, ctx) => {
    const problem = parisTimeProblem(form.date, form.time);
    if (problem) ctx.addIssue({ code: "custom", path: ["time"], message: problem });
  });
export type PlanLessonForm = z.infer<typeof planLessonSchema>;

export const attendanceSchema = z
  .object({
    // SCHEDULED puts a lesson back to "not recorded yet" (undoing a first tap, restoring a cancelled lesson).
    attendance: z.enum(ATTENDANCES, ATTENDANCE_REQUIRED),
    lateMin: z.preprocess(
      blankToUndefined,
      z.coerce.number(LATE_MIN_INVALID).int(LATE_MIN_INVALID).min(1, LATE_MIN_INVALID).max(480, LATE_MIN_INVALID).optional(),
    ),
    reason: optionalTextField({ max: 300, tooLong: REASON_TOO_LONG }),
    returnTo: returnToField,
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.attendance === "LATE" && form.lateMin === undefined)
      ctx.addIssue({ code: "custom", path: ["lateMin"], message: LATE_MIN_REQUIRED });
    if (form.attendance === "CANCELLED" && !form.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: REASON_REQUIRED });
  });
export type AttendanceForm = z.infer<typeof attendanceSchema>;

/** Query of the week view: both optional; an unknown instructor falls back to the default, a day
 * that is not one (or too far off to show) is refused with a message. */
export const weekQuerySchema = z.object({
  instructorId: z.string().max(64).optional().catch(undefined),
  week: dayField({
    invalid: WEEK_INVALID,
    min: -10 * MAX_DAYS_AHEAD,
    max: 2 * MAX_DAYS_AHEAD,
    tooEarly: () => WEEK_INVALID,
    tooLate: () => WEEK_INVALID,
  }).optional(),
});

export const paceSchema = z
  .object({
    maxLessonsPerWeek: z.preprocess(
      blankToUndefined,
      z.coerce.number(PACE_INVALID).int(PACE_INVALID).min(1, PACE_INVALID).max(10, PACE_INVALID).optional(),
    ),
  })
  .strict();
export type PaceForm = z.infer<typeof paceSchema>;
