import { z } from "zod";
import { pageField, parseDay } from "../../http/fields.ts";

const text = z.string().trim().max(100).optional().catch(undefined);
/** A day typed the French way or picked; anything else reads as no bound. */
const day = z
  .string()
  .transform((value) => parseDay(value.trim()) ?? undefined)
  .optional()
  .catch(undefined);

/** The audit viewer's filters: a person (name or e-mail), a youth (file reference or id), an
 * action, a period of Paris days. A value that is not one of those reads as "no filter". */
export const auditQuerySchema = z.object({
  person: text,
  youth: text,
  action: z
    .string()
    .regex(/^[A-Z_]{3,60}$/)
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  page: pageField,
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
