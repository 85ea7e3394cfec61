import { z } from "zod";
import { RECOMMENDATION_KINDS } from "../../domain/enums.ts";
import { WARNING_ORDER } from "../../domain/warnings.ts";
import { dayField, optionalTextField, textField } from "../../http/fields.ts";
import { MAX_PACE, MIN_PACE } from "./rules.ts";

const KIND_REQUIRED = "Choisissez le type d'ajustement.";
const TEXT_REQUIRED = "Décrivez l'ajustement en quelques mots (au moins 3 caractères).";
const TEXT_TOO_LONG = "La préconisation fait au plus 1 000 caractères.";
const DUE_INVALID = "Saisissez une échéance valide (exemple : 15/12/2026).";
const DUE_PAST = (limit: string) => `L'échéance ne peut pas être passée : à partir du ${limit}.`;
const DUE_TOO_FAR = (limit: string) => `L'échéance est au plus dans un an : au plus tard le ${limit}.`;
export const PACE_REQUIRED = `Pour un changement de rythme, indiquez le nombre de leçons par semaine (entre ${MIN_PACE} et ${MAX_PACE}).`;
const PACE_INVALID = `Le rythme est un nombre entier de leçons par semaine, entre ${MIN_PACE} et ${MAX_PACE}.`;
const WARNING_UNKNOWN = "Cette alerte n'existe pas : proposez l'ajustement depuis la liste des alertes.";
const DECISION_REQUIRED = "Choisissez d'accepter ou de refuser la préconisation.";
const NOTE_TOO_LONG = "La note fait au plus 500 caractères.";

/** An optional field sent empty by a browser is "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const paceField = z.preprocess(
  blankToUndefined,
  z.coerce.number(PACE_INVALID).int(PACE_INVALID).min(MIN_PACE, PACE_INVALID).max(MAX_PACE, PACE_INVALID).optional(),
);

export const proposalSchema = z
  .object({
    kind: z.enum(RECOMMENDATION_KINDS, KIND_REQUIRED),
    text: textField(TEXT_REQUIRED, { min: 3, max: 1000, tooLong: TEXT_TOO_LONG, multiline: true }),
    dueOn: dayField({ invalid: DUE_INVALID, min: 0, max: 366, tooEarly: DUE_PAST, tooLate: DUE_TOO_FAR }),
    lessonsPerWeek: paceField,
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.kind === "PACE_CHANGE" && form.lessonsPerWeek === undefined)
      ctx.addIssue({ code: "custom", path: ["lessonsPerWeek"], message: PACE_REQUIRED });
  })
  // A pace only means something for a change of pace: sent with another kind, it is dropped.
  .transform((form) => ({ ...form, lessonsPerWeek: form.kind === "PACE_CHANGE" ? form.lessonsPerWeek : undefined }));
export type ProposalForm = z.infer<typeof proposalSchema>;

/** A warning's suggested adjustment in one click: the form names the warning, the server reads its
 * suggestion back (and, for a change of pace, takes the pace typed beside the button). */
export const suggestionSchema = z.object({ warning: z.enum(WARNING_ORDER, WARNING_UNKNOWN), lessonsPerWeek: paceField }).strict();
export type SuggestionForm = z.infer<typeof suggestionSchema>;

export const decisionSchema = z
  .object({
    decision: z.enum(["ACCEPTED", "DECLINED"], DECISION_REQUIRED),
    note: optionalTextField({ max: 500, tooLong: NOTE_TOO_LONG, multiline: true }),
  })
  .strict();
export type DecisionForm = z.infer<typeof decisionSchema>;

/** The forms of one button: nothing to fill in. */
export const emptySchema = z.object({}).strict();
