import { z } from "zod";

/** Query of the school home: `all=1` shows the whole school's lessons, anything else the
 * instructor's own; `learners=all` lists every learner, anything else those with warnings. */
export const schoolHomeQuerySchema = z.object({
  all: z.literal("1").optional().catch(undefined),
  learners: z.literal("all").optional().catch(undefined),
});
