// The official REMC grid, loaded from the project's own copy (src/reference/remc.json).
import { readFileSync } from "node:fs";
import { z } from "zod";

const remcSchema = z.object({
  source: z.string(),
  levels: z.array(z.object({ code: z.string(), label: z.string() })),
  competences: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      skills: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
  exams: z.object({
    THEORY: z.object({ label: z.string(), questions: z.number().int(), passMark: z.number().int() }),
    PRACTICAL: z.object({ label: z.string(), maxScore: z.number().int(), passMark: z.number().int(), rule: z.string() }),
  }),
  minimumDrivingHours: z.object({ MANUAL: z.number().int(), AUTOMATIC: z.number().int() }),
  employmentStatuses: z.array(z.object({ code: z.string(), label: z.string() })),
});

export type Remc = z.infer<typeof remcSchema>;

export const REMC: Remc = remcSchema.parse(JSON.parse(readFileSync(new URL("../reference/remc.json", import.meta.url), "utf8")));

export const SKILLS = REMC.competences.flatMap((competence) =>
  competence.skills.map((skill) => ({ ...skill, competenceCode: competence.code })),
);
export const SKILL_CODES: ReadonlySet<string> = new Set(SKILLS.map((skill) => skill.code));
export const EMPLOYMENT_STATUS_CODES = REMC.employmentStatuses.map((status) => status.code);
export const EMPLOYMENT_STATUS_LABELS: Record<string, string> = Object.fromEntries(
  REMC.employmentStatuses.map((status) => [status.code, status.label]),
);
export const SKILL_LEVEL_LABELS: Record<string, string> = Object.fromEntries(REMC.levels.map((level) => [level.code, level.label]));
