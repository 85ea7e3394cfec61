import { z } from "zod";
import { pageField } from "../../http/fields.ts";
import { ENROLMENT_STATUSES } from "../../domain/enums.ts";
import { EMPLOYMENT_STATUS_CODES } from "../../domain/remc.ts";
import { WARNING_ORDER } from "../../domain/warnings.ts";

const idFilter = z.string().trim().min(1).max(40).optional().catch(undefined);

/** The caseload's filters: a value that is not one of the allowed reads as "no filter". */
export const caseloadQuerySchema = z.object({
  all: z.literal("1").optional().catch(undefined),
  missionLocaleId: idFilter,
  warning: z.enum(WARNING_ORDER).optional().catch(undefined),
  status: z.enum(ENROLMENT_STATUSES).optional().catch(undefined),
  schoolId: idFilter,
  cohortId: idFilter,
  employmentStatus: z
    .string()
    .refine((code) => EMPLOYMENT_STATUS_CODES.includes(code))
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: pageField,
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;
