import { z } from "zod";
import { ENROLMENT_STATUSES } from "../../domain/enums.ts";
import { WARNING_ORDER } from "../../domain/warnings.ts";

/** The caseload's filters: a value that is not one of the allowed reads as "no filter". */
export const caseloadQuerySchema = z.object({
  all: z.literal("1").optional().catch(undefined),
  missionLocaleId: z.string().trim().max(40).optional().catch(undefined),
  warning: z.enum(WARNING_ORDER).optional().catch(undefined),
  status: z.enum(ENROLMENT_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;
