import { z } from "zod";

const CODE_REQUIRED = "Saisissez le code à 6 chiffres affiché par votre application.";
const CODE_TOO_LONG = "Ce code est trop long : 6 chiffres, ou un code de secours de 10 caractères.";

/** A TOTP code (or, to turn the factor off, a recovery code): whether it is right, the service says. */
export const secondFactorCodeSchema = z
  .object({ code: z.string(CODE_REQUIRED).trim().min(1, CODE_REQUIRED).max(32, CODE_TOO_LONG) })
  .strict();
