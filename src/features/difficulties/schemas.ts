import { z } from "zod";
import { DIFFICULTY_CATEGORIES } from "../../domain/enums.ts";
import { textField } from "../../http/fields.ts";

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
