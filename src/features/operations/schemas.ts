import { z } from "zod";
import { addDays, existsInParis, parisDateTime } from "../../domain/time.ts";

const cohortField = z.string().trim().min(1).max(40).optional().catch(undefined);

/** ?cohort=… on the comparison: one cohort, or all of them. */
export const comparisonQuerySchema = z.object({ cohort: cohortField });

const PERIOD_INVALID = "Saisissez une date au format AAAA-MM-JJ, ou laissez vide.";
const dayField = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(value) && existsInParis(value, "00:00")), PERIOD_INVALID);

/** ?cohort=&from=YYYY-MM-DD&to=YYYY-MM-DD on an export: the period's days both included (Paris). */
export const exportQuerySchema = z.object({ cohort: cohortField, from: dayField, to: dayField }).transform((query) => ({
  cohort: query.cohort,
  from: query.from ? parisDateTime(query.from, "00:00") : undefined,
  to: query.to ? addDays(parisDateTime(query.to, "00:00"), 1) : undefined,
}));

export type ExportFilters = z.infer<typeof exportQuerySchema>;
