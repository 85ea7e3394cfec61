import { z } from "zod";
import { dayField, eurosField, textField } from "../../http/fields.ts";

const NAME_REQUIRED = "Saisissez le nom de la promotion (exemple : AUTOnomie 2027).";
const NAME_TOO_LONG = "Au plus 80 caractères.";
const DRAW_DATE_INVALID = "Saisissez la date du tirage (exemple : 15/09/2027).";
const DRAW_DATE_PAST = "La date du tirage ne peut pas être passée : choisissez aujourd'hui ou un jour à venir.";
const DRAW_DATE_TOO_FAR = (limit: string) => `Le tirage se prévoit au plus trois ans à l'avance : au plus tard le ${limit}.`;
const AMOUNT_INVALID = "Saisissez un montant en euros (exemple : 1 000 ou 250,50).";
const AMOUNT_RANGE = "Le montant est compris entre 0 et 10 000 €.";
const MISSION_LOCALE_REQUIRED = "Choisissez la Mission Locale.";
const SEATS_INVALID = "Saisissez un nombre entier de places, de 0 à 5 000.";

const euros = eurosField({ invalid: AMOUNT_INVALID, maxCents: 1_000_000, outOfRange: AMOUNT_RANGE });

export const cohortSchema = z
  .object({
    name: textField(NAME_REQUIRED, { min: 2, max: 80, tooLong: NAME_TOO_LONG }),
    // Created ahead of its draw, the only time this form is used (a cohort's date is not edited).
    drawDate: dayField({ invalid: DRAW_DATE_INVALID, min: 0, max: 3 * 366, tooEarly: () => DRAW_DATE_PAST, tooLate: DRAW_DATE_TOO_FAR }),
    aidCap: euros,
    contribution: euros,
  })
  .strict();
export type CohortForm = z.infer<typeof cohortSchema>;

export const quotaSchema = z
  .object({
    missionLocaleId: z.string(MISSION_LOCALE_REQUIRED).trim().min(1, MISSION_LOCALE_REQUIRED).max(40, MISSION_LOCALE_REQUIRED),
    seats: z
      .string(SEATS_INVALID)
      .trim()
      .regex(/^\d{1,4}$/, SEATS_INVALID)
      .transform(Number)
      .pipe(z.number().int().min(0, SEATS_INVALID).max(5000, SEATS_INVALID)),
  })
  .strict();
export type QuotaForm = z.infer<typeof quotaSchema>;

export const DEFAULT_AID_CAP_CENTS = 100_000;
export const DEFAULT_CONTRIBUTION_CENTS = 25_000;
