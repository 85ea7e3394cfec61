import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../auth/passwords.ts";

const CURRENT_REQUIRED = "Saisissez votre mot de passe actuel.";
const NEW_REQUIRED = "Choisissez un nouveau mot de passe.";
const TOO_LONG = `Le mot de passe fait au plus ${PASSWORD_MAX_LENGTH} caractères.`;
const CONFIRMATION_MISMATCH = "Les deux mots de passe ne sont pas identiques.";

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string(CURRENT_REQUIRED).min(1, CURRENT_REQUIRED).max(1024, TOO_LONG),
    password: z.string(NEW_REQUIRED).min(1, NEW_REQUIRED).max(1024, TOO_LONG),
    passwordConfirmation: z.string(CONFIRMATION_MISMATCH),
  })
  .strict()
  .refine((form) => form.passwordConfirmation === form.password, { message: CONFIRMATION_MISMATCH, path: ["passwordConfirmation"] });
