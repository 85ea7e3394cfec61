import { z } from "zod";

const NAME_REQUIRED = "Saisissez le nom de la promotion (exemple : AUTOnomie 2027).";
const NAME_TOO_LONG = "Au plus 80 caractères.";
const DRAW_DATE_INVALID = "Saisissez la date du tirage (exemple : 15/09/2027).";
const AMOUNT_INVALID = "Saisissez un montant en euros (exemple : 1 000 ou 250,50).";
const AMOUNT_RANGE = "Le montant est compris entre 0 et 10 000 €.";
const MISSION_LOCALE_REQUIRED = "Choisissez la Mission Locale.";
const SEATS_INVALID = "Saisissez un nombre entier de places, de 0 à 5 000.";

/** "1 000", "1000,50", "250.5" → cents (money is stored as integer cents). */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

const euros = z
  .string(AMOUNT_INVALID)
  .refine((value) => eurosToCents(value) !== null, AMOUNT_INVALID)
  .transform((value) => eurosToCents(value) ?? 0)
  .pipe(z.number().int().min(0, AMOUNT_RANGE).max(1_000_000, AMOUNT_RANGE));

export const cohortSchema = z
  .object({
    name: z.string(NAME_REQUIRED).trim().min(2, NAME_REQUIRED).max(80, NAME_TOO_LONG),
    drawDate: z.string(DRAW_DATE_INVALID).regex(/^\d{4}-\d{2}-\d{2}$/, DRAW_DATE_INVALID),
    aidCap: euros,
    contribution: euros,
  })
  .strict();
export type CohortForm = z.infer<typeof cohortSchema>;

export const quotaSchema = z
  .object({
    missionLocaleId: z.string(MISSION_LOCALE_REQUIRED).trim().min(1, MISSION_LOCALE_REQUIRED).max(40, MISSION_LOCALE_REQUIRED),
    seats: z.string(SEATS_INVALID).trim().regex(/^\d{1,4}$/, SEATS_INVALID).transform(Number).pipe(z.number().int().min(0, SEATS_INVALID).max(5000, SEATS_INVALID)),
  })
  .strict();
export type QuotaForm = z.infer<typeof quotaSchema>;

export const DEFAULT_AID_CAP_CENTS = 100_000;
export const DEFAULT_CONTRIBUTION_CENTS = 25_000;
