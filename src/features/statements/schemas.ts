import { z } from "zod";
import { eurosField, optionalEurosField } from "../../http/fields.ts";
import { isMonth } from "../../domain/months.ts";

const MONTH_INVALID = "Choisissez un mois (exemple : 2026-11).";
const COHORT_REQUIRED = "Choisissez la promotion.";
const HOURLY_INVALID = "Saisissez le tarif d'une heure en euros (exemple : 45,50).";
const HOURLY_RANGE = "Le tarif horaire est compris entre 1 € et 500 €.";
const FEE_INVALID = "Saisissez un montant en euros (exemple : 90 ou 90,00), ou laissez vide.";
const FEE_RANGE = "Le montant est compris entre 0 € et 1 000 €.";

const monthField = z.string(MONTH_INVALID).trim().refine(isMonth, MONTH_INVALID);

/** ?month=YYYY-MM on the statement pages; anything else falls back to the default month. */
export const monthQuerySchema = z.object({ month: monthField.optional().catch(undefined) });

/** ?cohort=… on the budget page: one cohort, or all of them. */
export const budgetQuerySchema = z.object({ cohort: z.string().trim().min(1).max(40).optional().catch(undefined) });

export const validateSchema = z.object({ month: monthField }).strict();

export const rateSchema = z
  .object({
    cohortId: z.string(COHORT_REQUIRED).trim().min(1, COHORT_REQUIRED).max(40, COHORT_REQUIRED),
    hourlyRate: eurosField({ invalid: HOURLY_INVALID, minCents: 100, maxCents: 50_000, outOfRange: HOURLY_RANGE }),
    examFee: optionalEurosField({ invalid: FEE_INVALID, maxCents: 100_000, outOfRange: FEE_RANGE }),
    assessmentFee: optionalEurosField({ invalid: FEE_INVALID, maxCents: 100_000, outOfRange: FEE_RANGE }),
  })
  .strict();
export type RateForm = z.infer<typeof rateSchema>;
