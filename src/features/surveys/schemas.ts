import { z } from "zod";
import { EMPLOYMENT_STATUSES } from "../../domain/survey.ts";
import { dayField, pageField } from "../../http/fields.ts";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** "yes"/"no" from a select → a boolean, with the message shown when nothing was chosen. */
const yesNo = (message: string) => z.enum(["yes", "no"], message).transform((value) => value === "yes");

type Messages = {
  employment: string;
  licence: string;
  licenceDate: string;
  licenceDateMissing: string;
  licenceDateFuture: string;
  car: string;
};

const STAFF_MESSAGES: Messages = {
  employment: "Choisissez la situation du jeune aujourd'hui.",
  licence: "Indiquez si le jeune a le permis B.",
  licenceDate: "Saisissez la date d'obtention du permis (exemple : 15/03/2026).",
  licenceDateMissing: "Saisissez la date d'obtention du permis : le jeune l'a, d'après la réponse précédente.",
  licenceDateFuture: "La date d'obtention du permis ne peut pas être dans le futur.",
  car: "Indiquez si le jeune peut utiliser une voiture.",
};

// Plain French for the young person, as /me speaks to them ("vous"), in short sentences.
const YOUTH_MESSAGES: Messages = {
  employment: "Choisissez ce que vous faites en ce moment.",
  licence: "Dites-nous si vous avez le permis.",
  licenceDate: "Écrivez la date du permis comme ceci : 15/03/2026.",
  licenceDateMissing: "Écrivez la date de votre permis.",
  licenceDateFuture: "Cette date est dans le futur. Vérifiez la date de votre permis.",
  car: "Dites-nous si vous pouvez utiliser une voiture.",
};

function answerSchema(messages: Messages) {
  return (
    z
      .object({
        employmentStatus: z.enum(EMPLOYMENT_STATUSES, messages.employment),
        hasLicence: yesNo(messages.licence),
        licenceObtainedOn: z.preprocess(
          blankToUndefined,
          dayField({ invalid: messages.licenceDate, max: 0, tooLate: () => messages.licenceDateFuture }).optional(),
        ),
        carAccess: yesNo(messages.car),
      })
      .strict()
      .superRefine((form, ctx) => {
        if (form.hasLicence && !form.licenceObtainedOn) {
          ctx.addIssue({ code: "custom", path: ["licenceObtainedOn"], message: messages.licenceDateMissing });
        }
      })
      // A date typed and then "no licence" chosen is not kept.
      .transform((form) => ({ ...form, licenceObtainedOn: form.hasLicence ? (form.licenceObtainedOn ?? null) : null }))
  );
}

export const staffAnswerSchema = answerSchema(STAFF_MESSAGES);
export const ownAnswerSchema = answerSchema(YOUTH_MESSAGES);
export type SurveyAnswerForm = z.infer<typeof staffAnswerSchema>;

export const unreachableSchema = z.object({}).strict();

export const surveyListQuerySchema = z.object({
  page: pageField,
  /** A counsellor's list: their own youths (default) or their whole Mission Locale. */
  scope: z.enum(["mine", "mission-locale"]).optional().catch(undefined),
  /** The coordinator's filter on one Mission Locale. */
  missionLocaleId: z.string().trim().min(1).max(64).optional().catch(undefined),
});
export type SurveyListQuery = z.infer<typeof surveyListQuerySchema>;
