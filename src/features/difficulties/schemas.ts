import { z } from "zod";
import { DIFFICULTY_CATEGORIES } from "../../domain/enums.ts";

const CATEGORY_REQUIRED = "Choisissez le type de difficulté.";
const DESCRIPTION_REQUIRED = "Décrivez la difficulté en quelques mots (au moins 5 caractères).";
const DESCRIPTION_TOO_LONG = "La description fait au plus 2 000 caractères.";

export const difficultySchema = z
  .object({
    category: z.enum(DIFFICULTY_CATEGORIES, CATEGORY_REQUIRED),
    description: z.string(DESCRIPTION_REQUIRED).trim().min(5, DESCRIPTION_REQUIRED).max(2000, DESCRIPTION_TOO_LONG),
  })
  .strict();
export type DifficultyForm = z.infer<typeof difficultySchema>;
