import { z } from "zod";
import { RESOURCE_AUDIENCES, RESOURCE_KINDS, type ResourceAudience, type ResourceKind } from "../../domain/enums.ts";
import { optionalTextField, textField } from "../../http/fields.ts";

export const KIND_LABELS: Record<ResourceKind, string> = {
  ARTICLE: "Article",
  VIDEO: "Vidéo",
  QUIZ: "Quiz",
  DOCUMENT: "Document",
  LINK: "Lien utile",
};

export const AUDIENCE_LABELS: Record<ResourceAudience, string> = {
  ALL: "Tout le monde",
  YOUTH: "Jeunes",
  SCHOOL: "Auto-écoles",
  REFERENT: "Référent·es Mission Locale",
};

/** What the coordinator writes in the site (quizzes come with their questions from the seed). */
export const WRITABLE_KINDS = ["ARTICLE", "LINK", "DOCUMENT", "VIDEO"] as const;

const KIND_REQUIRED = "Choisissez le type de ressource.";
const AUDIENCE_REQUIRED = "Choisissez à qui s'adresse la ressource.";
const TITLE_REQUIRED = "Saisissez un titre.";
const SUMMARY_REQUIRED = "Saisissez un résumé d'une ou deux phrases.";
const TOPIC_REQUIRED = "Saisissez un thème (exemple : Code, Conduite, Financement).";
const BODY_REQUIRED = "Un article a besoin d'un texte : écrivez-le en Markdown.";
const URL_INVALID = "Saisissez une adresse complète qui commence par https:// ou http://.";
const URL_REQUIRED = "Un lien utile a besoin de son adresse (https://…).";

/** An address of another site: http or https only (never javascript:, data: or a local path). */
const urlField = optionalTextField({ max: 500, tooLong: "Au plus 500 caractères." }).refine((value) => {
  if (value === undefined) return true;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}, URL_INVALID);

export const resourceSchema = z
  .object({
    kind: z.enum(RESOURCE_KINDS, KIND_REQUIRED),
    title: textField(TITLE_REQUIRED, { max: 120, tooLong: "Au plus 120 caractères." }),
    summary: textField(SUMMARY_REQUIRED, { max: 300, tooLong: "Au plus 300 caractères." }),
    topic: textField(TOPIC_REQUIRED, { max: 40, tooLong: "Au plus 40 caractères." }),
    audience: z.enum(RESOURCE_AUDIENCES, AUDIENCE_REQUIRED),
    body: optionalTextField({ max: 50_000, tooLong: "Au plus 50 000 caractères.", multiline: true }),
    url: urlField,
    isPublished: z.literal("on").optional(),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.kind === "ARTICLE" && !form.body) ctx.addIssue({ code: "custom", path: ["body"], message: BODY_REQUIRED });
    if (form.kind === "LINK" && !form.url) ctx.addIssue({ code: "custom", path: ["url"], message: URL_REQUIRED });
  });
export type ResourceForm = z.infer<typeof resourceSchema>;

export const publicationSchema = z.object({ isPublished: z.enum(["true", "false"]) }).strict();

/** A quiz's answers: one field per question, `q<position>` → the index of the choice. */
export const answersSchema = z.record(
  z.string().regex(/^q\d{1,2}$/),
  z.string().regex(/^\d{1,2}$/, "Choisissez une des réponses proposées."),
);

export const listFilterSchema = z.object({
  topic: z.string().max(40).optional().catch(undefined),
  kind: z.enum(RESOURCE_KINDS).optional().catch(undefined),
});
