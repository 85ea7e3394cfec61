import { z } from "zod";
import { DIFFICULTY_CATEGORIES } from "../../domain/enums.ts";
import { pageField, textField } from "../../http/fields.ts";

const CATEGORY_REQUIRED = "Choisissez le type de difficulté.";
const DESCRIPTION_REQUIRED = "Décrivez la difficulté en quelques mots (au moins 5 caractères).";
const DESCRIPTION_TOO_LONG = "La description fait au plus 2 000 caractères.";

export const difficultySchema = z
  .object({
    category: z.enum(DIFFICULTY_CATEGORIES, CATEGORY_REQUIRED),
    description: textField(DESCRIPTION_REQUIRED, { min: 5, max: 2000, tooLong: DESCRIPTION_TOO_LONG, multiline: true }),
  })
  .strict();
export type DifficultyForm = z.infer<typeof difficultySchema>;

const RESOLUTION_REQUIRED = "Dites en quelques mots ce qui a été fait (au moins 3 caractères).";
const RESOLUTION_TOO_LONG = "La résolution fait au plus 1 000 caractères.";

export const resolutionSchema = z
  .object({ resolution: textField(RESOLUTION_REQUIRED, { min: 3, max: 1000, tooLong: RESOLUTION_TOO_LONG, multiline: true }) })
  .strict();
export type ResolutionForm = z.infer<typeof resolutionSchema>;

export const difficultyListQuerySchema = z.object({
  page: pageField,
  all: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
});
export type DifficultyListQuery = z.infer<typeof difficultyListQuerySchema>;
