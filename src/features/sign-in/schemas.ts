import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../../auth/passwords.ts";

const IDENTIFIER_REQUIRED = "Saisissez votre adresse e-mail ou votre référence (AUT-…).";
const IDENTIFIER_TOO_LONG = "Cet identifiant est trop long.";
const PASSWORD_REQUIRED = "Saisissez votre mot de passe.";
const PASSWORD_TOO_LONG = `Le mot de passe fait au plus ${PASSWORD_MAX_LENGTH} caractères.`;
const CODE_REQUIRED = "Saisissez le code d'accès reçu sur votre courrier.";
const CODE_FORMAT = "Ce code n'a pas la bonne forme : 28 lettres et chiffres, par groupes de 4.";
const CONFIRMATION_MISMATCH = "Les deux mots de passe ne sont pas identiques.";

export const signInSchema = z
  .object({
    // A NUL typed in matches no account; PostgreSQL's text cannot hold it (the sign-in counters store the identifier).
    email: z
      .string(IDENTIFIER_REQUIRED)
      .trim()
      .min(1, IDENTIFIER_REQUIRED)
      .max(320, IDENTIFIER_TOO_LONG)
      .transform((identifier) => identifier.replaceAll("\u0000", "\uFFFD")),
    password: z.string(PASSWORD_REQUIRED).min(1, PASSWORD_REQUIRED).max(1024, PASSWORD_TOO_LONG),
  })
  .strict();

export const activationSchema = z
  .object({
    code: z
      .string(CODE_REQUIRED)
      .trim()
      .min(1, CODE_REQUIRED)
      .max(64, CODE_FORMAT)
      .regex(/^[A-Za-z0-9\s-]+$/, CODE_FORMAT),
    password: z.string(PASSWORD_REQUIRED).min(1, PASSWORD_REQUIRED).max(1024, PASSWORD_TOO_LONG),
    passwordConfirmation: z.string(CONFIRMATION_MISMATCH).optional(),
  })
  .strict()
  .refine((form) => form.passwordConfirmation === undefined || form.passwordConfirmation === form.password, {
    message: CONFIRMATION_MISMATCH,
    path: ["passwordConfirmation"],
  });

const SECOND_FACTOR_REQUIRED = "Saisissez le code à 6 chiffres affiché par votre application (ou un code de secours).";
const SECOND_FACTOR_TOO_LONG = "Ce code est trop long : 6 chiffres, ou un code de secours de 10 caractères.";

/** The code after the password: a TOTP code or a recovery code. */
export const secondFactorSignInSchema = z
  .object({ code: z.string(SECOND_FACTOR_REQUIRED).trim().min(1, SECOND_FACTOR_REQUIRED).max(32, SECOND_FACTOR_TOO_LONG) })
  .strict();
