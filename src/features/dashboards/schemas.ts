import { z } from "zod";
import { isMonth } from "../../domain/months.ts";

const id = z.string().trim().min(1).max(40).optional().catch(undefined);
const month = z.string().trim().refine(isMonth).optional().catch(undefined);

/** The dashboard's filters; anything unreadable falls back to "all" (or the default period). */
export const filtersQuerySchema = z.object({
  cohort: id,
  missionLocale: id,
  school: id,
  from: month,
  to: month,
  mine: z.literal("1").optional().catch(undefined),
});
export type FiltersQuery = z.infer<typeof filtersQuerySchema>;

const TABLE_NAMES = ["funnel", "months", "exams", "licences", "delays", "schools", "budget"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** ?table=… names the table to download; the monthly one (every role has it) by default. */
export const csvQuerySchema = filtersQuerySchema.extend({ table: z.enum(TABLE_NAMES).catch("months") });
