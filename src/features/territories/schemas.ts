import { z } from "zod";
import { optionalEurosField, optionalPhoneField, optionalTextField, pageField, textField } from "../../http/fields.ts";

const CODE_REQUIRED = "Saisissez le code de la Mission Locale (exemple : VIERZON).";
const CODE_FORMAT = "Le code s'écrit en majuscules sans accent, chiffres et tiret bas (_), de 2 à 30 caractères (exemple : BOURGES_NORD).";
const ML_NAME_REQUIRED = "Saisissez le nom de la Mission Locale (exemple : Mission Locale de Vierzon).";
const SCHOOL_NAME_REQUIRED = "Saisissez le nom de l'auto-école.";
const NAME_TOO_LONG = "Au plus 120 caractères.";
const MISSION_LOCALE_REQUIRED = "Choisissez la Mission Locale de l'auto-école.";
const ADDRESS_TOO_LONG = "L'adresse fait au plus 200 caractères.";
const CITY_TOO_LONG = "Au plus 100 caractères.";
const PHONE_INVALID = "Saisissez un numéro de téléphone français à 10 chiffres (exemple : 02 38 53 21 47).";
const RATE_INVALID = "Saisissez un tarif en euros (exemple : 45,50).";
const RATE_RANGE = "Le tarif horaire est compris entre 1 € et 500 €.";

/** Digits only, +33 or 0033 turned back into 0: "02 38 53 21 47" and "+33 2 38 53 21 47" are one number. */
const phoneField = optionalPhoneField(PHONE_INVALID);

export const missionLocaleSchema = z
  .object({
    // The code names the stratum in every draw's keys and proofs: letters without accents, typed
    // in any case, kept in capitals.
    code: z
      .string(CODE_REQUIRED)
      .trim()
      .min(1, CODE_REQUIRED)
      .toUpperCase()
      .regex(/^[A-Z0-9_]{2,30}$/, CODE_FORMAT),
    name: textField(ML_NAME_REQUIRED, { min: 2, max: 120, tooLong: NAME_TOO_LONG }),
  })
  .strict();
export type MissionLocaleForm = z.infer<typeof missionLocaleSchema>;

export const schoolSchema = z
  .object({
    name: textField(SCHOOL_NAME_REQUIRED, { min: 2, max: 120, tooLong: NAME_TOO_LONG }),
    missionLocaleId: z.string(MISSION_LOCALE_REQUIRED).trim().min(1, MISSION_LOCALE_REQUIRED).max(40, MISSION_LOCALE_REQUIRED),
    address: optionalTextField({ max: 200, tooLong: ADDRESS_TOO_LONG }),
    city: optionalTextField({ max: 100, tooLong: CITY_TOO_LONG }),
    phone: phoneField,
    hourlyRate: optionalEurosField({ invalid: RATE_INVALID, minCents: 100, maxCents: 50_000, outOfRange: RATE_RANGE }),
  })
  .strict();
export type SchoolForm = z.infer<typeof schoolSchema>;

/** `/territories/schools/new?missionLocaleId=…`: the Mission Locale chosen in advance (from its row). */
export const schoolPrefillSchema = z.object({ missionLocaleId: z.string().max(40).optional().catch(undefined) });

/** The list's page: anything else than a page number reads as the first page. */
export const territoriesQuerySchema = z.object({ page: pageField });
