import { z } from "zod";
import { GEARBOXES } from "../../domain/enums.ts";
import { REMC } from "../../domain/remc.ts";
import { dayField, optionalTextField } from "../../http/fields.ts";

const SCHOOL_REQUIRED = "Choisissez l'auto-école partenaire.";
const GEARBOX_REQUIRED = "Choisissez le type de boîte de vitesses (manuelle ou automatique).";
const DATE_INVALID = "Saisissez la date de l'évaluation de départ (exemple : 23/11/2026).";
const HOURS_INVALID = "Le nombre d'heures prévu est un nombre entier d'heures, au plus 150.";
const NOTE_TOO_LONG = "Le commentaire fait au plus 2 000 caractères.";
const THEORY_DATE_INVALID = "Saisissez la date de réussite au code (exemple : 10/03/2026), ou laissez vide.";
const THEORY_IN_FUTURE = "La date de réussite au code ne peut pas être dans le futur.";
const OVERRIDE_TOO_LONG = "Le motif de la dérogation fait au plus 500 caractères.";
const hoursBelowMinimum = (minimum: number, gearboxLabel: string) =>
  `Le volume prévu doit être d'au moins ${minimum} h de conduite (minimum légal en boîte ${gearboxLabel}).`;

export const GEARBOX_LABELS: Record<(typeof GEARBOXES)[number], string> = { MANUAL: "manuelle", AUTOMATIC: "automatique" };

/** An optional field sent empty by a browser is "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const createEnrolmentSchema = z
  .object({
    drivingSchoolId: z.string(SCHOOL_REQUIRED).trim().min(1, SCHOOL_REQUIRED).max(64, SCHOOL_REQUIRED),
    gearbox: z.enum(GEARBOXES, GEARBOX_REQUIRED),
    // The theory test passed before SPID, if any: it lets the practical exam be recorded.
    theoryPassedOn: z.preprocess(
      blankToUndefined,
      dayField({ invalid: THEORY_DATE_INVALID, max: 0, tooLate: () => THEORY_IN_FUTURE }).optional(),
    ),
    // The coordinator's written reason for enrolling without both commitments (shown to them only).
    overrideReason: optionalTextField({ max: 500, tooLong: OVERRIDE_TOO_LONG, multiline: true }),
  })
  .strict();
export type CreateEnrolmentForm = z.infer<typeof createEnrolmentSchema>;

export const assessmentSchema = z
  .object({
    assessedOn: dayField({ invalid: DATE_INVALID }),
    gearbox: z.enum(GEARBOXES, GEARBOX_REQUIRED),
    forecastHours: z.coerce.number(HOURS_INVALID).int(HOURS_INVALID).min(1, HOURS_INVALID).max(150, HOURS_INVALID),
    note: optionalTextField({ max: 2000, tooLong: NOTE_TOO_LONG, multiline: true }),
  })
  .strict()
  .superRefine((form, ctx) => {
    // Legal minimum of driving hours for the licence, manual or automatic (src/reference/remc.json).
    const minimum = REMC.minimumDrivingHours[form.gearbox];
    if (form.forecastHours < minimum) {
      ctx.addIssue({ code: "custom", path: ["forecastHours"], message: hoursBelowMinimum(minimum, GEARBOX_LABELS[form.gearbox]) });
    }
  });
export type AssessmentForm = z.infer<typeof assessmentSchema>;
