import { z } from "zod";
import { ROLES } from "../../domain/enums.ts";
import { optionalPhoneField, optionalTextField, pageField } from "../../http/fields.ts";

const ROLE_REQUIRED = "Choisissez un rôle.";
const NAME_REQUIRED = "Saisissez le nom affiché (prénom et nom).";
const NAME_TOO_LONG = "Le nom affiché fait au plus 120 caractères.";
const EMAIL_INVALID = "Saisissez une adresse e-mail valide (exemple : prenom.nom@exemple.fr).";
const EMAIL_REQUIRED = "L'adresse e-mail est obligatoire pour ce rôle.";
const MISSION_LOCALE_REQUIRED = "Choisissez la Mission Locale.";
const SCHOOL_REQUIRED = "Choisissez l'auto-école.";
const YOUTH_REF_REQUIRED = "Saisissez la référence du jeune (exemple : AUT-2026-0042).";
const YOUTH_REF_FORMAT = "La référence a la forme AUT-2026-0042.";
const PHONE_INVALID = "Saisissez un numéro de téléphone français à 10 chiffres (exemple : 02 38 53 21 47).";

const optionalText = z
  .string()
  .trim()
  .max(320)
  .optional()
  .transform((value) => (value ? value : undefined));

export const createAccountSchema = z
  .object({
    role: z.enum(ROLES, ROLE_REQUIRED),
    displayName: optionalTextField({ min: 2, tooShort: NAME_REQUIRED, max: 120, tooLong: NAME_TOO_LONG }),
    email: optionalText.pipe(z.email(EMAIL_INVALID).toLowerCase().optional()),
    missionLocaleId: optionalText,
    drivingSchoolId: optionalText,
    phone: optionalPhoneField(PHONE_INVALID),
    youthRef: optionalText.pipe(
      z
        .string()
        .toUpperCase()
        .regex(/^AUT-\d{4}-\d{3,}$/, YOUTH_REF_FORMAT)
        .optional(),
    ),
  })
  .strict()
  .superRefine((form, ctx) => {
    const require = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (form.role === "YOUTH") {
      require(Boolean(form.youthRef), "youthRef", YOUTH_REF_REQUIRED);
      return;
    }
    require(Boolean(form.displayName), "displayName", NAME_REQUIRED);
    require(Boolean(form.email), "email", EMAIL_REQUIRED);
    if (form.role === "REFERENT") require(Boolean(form.missionLocaleId), "missionLocaleId", MISSION_LOCALE_REQUIRED);
    if (form.role === "SCHOOL") require(Boolean(form.drivingSchoolId), "drivingSchoolId", SCHOOL_REQUIRED);
  });
export type CreateAccountForm = z.infer<typeof createAccountSchema>;

export const accountSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  page: pageField,
});

/** `/accounts/new?…`: what the page linking to the form already knows (a youth's ref from their
 * file; a role and a Mission Locale or school from a territory's page). Checked again on POST. */
export const accountPrefillSchema = z.object({
  youthRef: z.string().max(40).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  missionLocaleId: z.string().max(40).optional().catch(undefined),
  drivingSchoolId: z.string().max(40).optional().catch(undefined),
});
