import { z } from "zod";
import { APPLICATION_STATUSES, GENDERS } from "../../domain/enums.ts";
import { EMPLOYMENT_STATUS_CODES } from "../../domain/remc.ts";
import { dayField, optionalPhoneField, optionalTextField, pageField, textField } from "../../http/fields.ts";
import { utcDay } from "../../domain/time.ts";

const COHORT_REQUIRED = "Choisissez la promotion.";
const MISSION_LOCALE_REQUIRED = "Choisissez la Mission Locale.";
const FIRST_NAME_REQUIRED = "Saisissez le prénom.";
const LAST_NAME_REQUIRED = "Saisissez le nom.";
const NAME_TOO_LONG = "Au plus 80 caractères.";
const BIRTH_DATE_INVALID = "Saisissez une date de naissance valide (exemple : 21/03/2004).";
const GENDER_REQUIRED = "Choisissez le genre.";
const EMAIL_INVALID = "Saisissez une adresse e-mail valide (exemple : prenom.nom@exemple.fr).";
const PHONE_INVALID = "Saisissez un numéro de téléphone français à 10 chiffres (exemple : 06 12 34 56 78).";
const POSTAL_CODE_INVALID = "Le code postal a 5 chiffres (exemple : 45000).";
const TEXT_TOO_LONG = "Au plus 200 caractères.";
const STATUS_REQUIRED = "Choisissez la situation professionnelle.";
const PROJECT_TOO_LONG = "Le projet fait au plus 2 000 caractères.";
const TIME_INVALID = "Heure au format 14:30.";
const SLOT_INCOMPLETE = "Indiquez l'heure de début et l'heure de fin, ou aucune des deux.";
const SLOT_ORDER = "L'heure de fin doit suivre l'heure de début.";
const CSV_REQUIRED = "Collez le contenu du fichier CSV ou choisissez un fichier.";
const CSV_TOO_LONG = "Le fichier dépasse 1 Mo : importez-le en plusieurs fois (au plus 1 000 lignes).";
/** The largest CSV file an import takes, in UTF-8 bytes. */
const CSV_MAX_BYTES = 1024 * 1024;
const COMMITMENT_REQUIRED = "Cochez au moins un engagement à enregistrer.";

export const MESSAGES = { BIRTH_DATE_INVALID, EMAIL_INVALID, PHONE_INVALID, POSTAL_CODE_INVALID, STATUS_REQUIRED, GENDER_REQUIRED };

// Free text is kept as typed (trimmed): a value such as `=HYPERLINK(…)` is data, printed escaped,
// never interpreted. Birth dates are calendar days, stored at UTC midnight.
const birthDateField = dayField({ invalid: BIRTH_DATE_INVALID, max: 0, tooLate: () => BIRTH_DATE_INVALID }).transform((day) =>
  day ? utcDay(day) : new Date(Number.NaN),
);

export const emailField = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(z.email(EMAIL_INVALID).max(320, EMAIL_INVALID).toLowerCase().optional());

export const phoneField = optionalPhoneField(PHONE_INVALID);

export const postalCodeField = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{5}$/, POSTAL_CODE_INVALID)
      .optional(),
  );

const employmentStatusField = z.enum(EMPLOYMENT_STATUS_CODES as [string, ...string[]], STATUS_REQUIRED);
const genderField = z.enum(GENDERS, GENDER_REQUIRED);
const projectField = optionalTextField({ max: 2000, tooLong: PROJECT_TOO_LONG, multiline: true });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "1" || value === "true");

const optionalTime = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME_INVALID)
      .optional(),
  );

export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type AvailabilityKey = `avail${(typeof WEEK_DAYS)[number]}${"From" | "To"}`;
const availabilityShape = Object.fromEntries(
  WEEK_DAYS.flatMap((day) => [
    [`avail${day}From`, optionalTime],
    [`avail${day}To`, optionalTime],
  ]),
) as Record<AvailabilityKey, typeof optionalTime>;

export type Slot = { day: number; from: string; to: string };

/** The per-day from/to fields as the stored JSON list (DESIGN: [{ day: 1..7, from, to }]). */
export function slotsOf(form: Partial<Record<AvailabilityKey, string | undefined>>): Slot[] {
  const slots: Slot[] = [];
  for (const day of WEEK_DAYS) {
    const from = form[`avail${day}From`];
    const to = form[`avail${day}To`];
    if (from && to) slots.push({ day, from, to });
  }
  return slots;
}

const cohortIdField = z.string(COHORT_REQUIRED).trim().min(1, COHORT_REQUIRED).max(40, COHORT_REQUIRED);
/** The coordinator chooses the Mission Locale; a counsellor's is their own (the field is absent). */
const missionLocaleIdField = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

export const applicationSchema = z
  .object({
    cohortId: cohortIdField,
    missionLocaleId: missionLocaleIdField,
    firstName: textField(FIRST_NAME_REQUIRED, { max: 80, tooLong: NAME_TOO_LONG }),
    lastName: textField(LAST_NAME_REQUIRED, { max: 80, tooLong: NAME_TOO_LONG }),
    birthDate: birthDateField,
    gender: genderField,
    email: emailField,
    phone: phoneField,
    address: optionalTextField({ max: 200, tooLong: TEXT_TOO_LONG }),
    postalCode: postalCodeField,
    city: optionalTextField({ max: 100, tooLong: TEXT_TOO_LONG }),
    employmentStatus: employmentStatusField,
    professionalProject: projectField,
    lotteryConsent: checkbox,
    evaluationConsent: checkbox,
    confirmDuplicate: checkbox,
    ...availabilityShape,
  })
  .strict()
  .superRefine((form, ctx) => {
    for (const day of WEEK_DAYS) {
      const from = form[`avail${day}From`];
      const to = form[`avail${day}To`];
      if (Boolean(from) !== Boolean(to)) {
        ctx.addIssue({ code: "custom", path: [from ? `avail${day}To` : `avail${day}From`], message: SLOT_INCOMPLETE });
      } else if (from && to && to <= from) {
        ctx.addIssue({ code: "custom", path: [`avail${day}To`], message: SLOT_ORDER });
      }
    }
  });
export type ApplicationForm = z.infer<typeof applicationSchema>;

export const importSchema = z
  .object({
    cohortId: cohortIdField,
    missionLocaleId: missionLocaleIdField,
    csv: z
      .string(CSV_REQUIRED)
      .min(1, CSV_REQUIRED)
      .refine((v) => v.trim().length > 0, CSV_REQUIRED)
      .refine((v) => Buffer.byteLength(v, "utf8") <= CSV_MAX_BYTES, CSV_TOO_LONG),
  })
  .strict();
export type ImportForm = z.infer<typeof importSchema>;

export const commitmentsSchema = z
  .object({ attendance: checkbox, contribution: checkbox })
  .strict()
  .refine((form) => form.attendance || form.contribution, { message: COMMITMENT_REQUIRED, path: ["attendance"] });
export type CommitmentsForm = z.infer<typeof commitmentsSchema>;

/** The youth's own confirmation: one button, both commitments at once. */
export const ownCommitmentsSchema = z.object({}).strict();

export const applicationSearchSchema = z.object({
  cohortId: z.string().trim().max(40).optional().catch(undefined),
  missionLocaleId: z.string().trim().max(40).optional().catch(undefined),
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: pageField,
});
export type ApplicationSearch = z.infer<typeof applicationSearchSchema>;

export { MISSION_LOCALE_REQUIRED };
