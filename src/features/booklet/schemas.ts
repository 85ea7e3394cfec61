import { z } from "zod";
import { SKILL_LEVELS } from "../../domain/enums.ts";
import { SKILL_CODES } from "../../domain/remc.ts";
import { returnToField } from "../../http/fields.ts";

const SKILL_UNKNOWN = "Compétence inconnue : choisissez une compétence du livret REMC (exemple : C2.6).";
const LEVEL_REQUIRED = "Choisissez le niveau : non abordé, en cours d'acquisition ou acquis.";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const skillSchema = z
  .object({
    skillCode: z
      .string(SKILL_UNKNOWN)
      .trim()
      .toUpperCase()
      .refine((code) => SKILL_CODES.has(code), SKILL_UNKNOWN),
    level: z.enum(SKILL_LEVELS, LEVEL_REQUIRED),
    lessonId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    returnTo: returnToField,
  })
  .strict();
export type SkillForm = z.infer<typeof skillSchema>;

export const bookletQuerySchema = z.object({ lessonId: z.string().max(64).optional().catch(undefined) });
