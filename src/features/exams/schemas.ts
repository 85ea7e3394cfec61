import { z } from "zod";
import { EXAM_KINDS, EXAM_RESULTS } from "../../domain/enums.ts";
import { dayField } from "../../http/fields.ts";
import { examProblem } from "./rules.ts";

const KIND_REQUIRED = "Choisissez l'épreuve : code ou conduite.";
const DATE_INVALID = "Saisissez la date de l'examen (exemple : 23/11/2026).";
const SCORE_INVALID = "La note est un nombre entier.";
const RESULT_REQUIRED = "Choisissez le résultat : réussi, échoué ou absent·e.";
const FAULT_INVALID = "Cochez la case ou laissez-la vide.";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const examSchema = z
  .object({
    kind: z.enum(EXAM_KINDS, KIND_REQUIRED),
    date: dayField({ invalid: DATE_INVALID }),
    score: z.preprocess(blankToUndefined, z.coerce.number(SCORE_INVALID).int(SCORE_INVALID).optional()),
    result: z.enum(EXAM_RESULTS, RESULT_REQUIRED),
    // A checkbox: sent as "on" when ticked, absent otherwise; "true"/"false" accepted too.
    eliminatoryFault: z
      .preprocess(blankToUndefined, z.enum(["on", "true", "1", "yes", "false", "0", "no"], FAULT_INVALID).optional())
      .transform((value) => value === "on" || value === "true" || value === "1" || value === "yes"),
  })
  .strict()
  .superRefine((form, ctx) => {
    const problem = examProblem(form);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
export type ExamForm = z.infer<typeof examSchema>;
