// The resource centre: articles (Markdown, rendered and sanitised when saved), uploaded documents
// and videos, links to other sites and highway-code quizzes, each written for an audience. Drafts
// are the coordinator's only: for anyone else they do not exist (404). See docs/resources.md.
import { z } from "zod";
import { db, type DbTx } from "../../db/client.ts";
import { queryRows } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { can, keepsQuizScores, resourceScope, type Actor } from "../../auth/policy.ts";
import { ForbiddenError, FormError, NotFoundError } from "../../http/errors.ts";
import { RESOURCE_KINDS, type ResourceKind } from "../../domain/enums.ts";
import { recordAudit } from "../audit/service.ts";
import { detectFileType, uploadFile, safeFileName, storeUpload, type FileType, type UploadOutcome } from "./files.ts";
import { renderMarkdown } from "./markdown.ts";
import type { ResourceForm } from "./schemas.ts";

const NOT_FOUND = "Cette ressource n'existe pas ou n'est pas disponible.";
const FILE_REQUIRED = "Choisissez le fichier à envoyer (PDF pour un document, MP4 pour une vidéo, 20 Mo au plus).";
const FILE_WRONG_TYPE: Record<"DOCUMENT" | "VIDEO", string> = {
  DOCUMENT: "Ce fichier n'est pas un PDF : son contenu ne commence pas comme un PDF, quel que soit son nom. Envoyez un vrai fichier PDF.",
  VIDEO: "Ce fichier n'est pas une vidéo MP4 : son contenu n'est pas celui d'un MP4, quel que soit son nom. Envoyez un vrai fichier MP4.",
};
const KIND_FIXED = "Le type d'une ressource ne change pas : créez une nouvelle ressource de l'autre type.";
const ANSWER_MISSING = (position: number) => `Choisissez une réponse à la question ${position}.`;

const EXPECTED_TYPE: Record<"DOCUMENT" | "VIDEO", FileType> = { DOCUMENT: "application/pdf", VIDEO: "video/mp4" };

const LIST_FIELDS = {
  slug: true,
  title: true,
  summary: true,
  kind: true,
  topic: true,
  audience: true,
  isPublished: true,
  url: true,
} as const;

export type ResourceFilter = { topic?: string | undefined; kind?: ResourceKind | undefined };

/** The items this person reads, filtered by topic and kind, by topic then title; with the topics
 * they could filter on. */
export async function listResources(actor: Actor, filter: ResourceFilter) {
  const scope = resourceScope(actor);
  const [items, topics] = await Promise.all([
    db().resource.findMany({
      where: { ...scope, ...(filter.topic ? { topic: filter.topic } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
      select: LIST_FIELDS,
      orderBy: [{ topic: "asc" }, { title: "asc" }],
    }),
    db().resource.findMany({ where: scope, select: { topic: true }, distinct: ["topic"], orderBy: { topic: "asc" } }),
  ]);
  return { items, topics: topics.map((row) => row.topic) };
}

const CHOICES = z.array(z.string()).min(2);

export type QuizQuestion = { position: number; prompt: string; choices: string[]; answerIndex: number; explanation: string };

async function questionsOf(resourceId: string): Promise<QuizQuestion[]> {
  const rows = await db().quizQuestion.findMany({ where: { resourceId }, orderBy: { position: "asc" } });
  return rows.map((row) => ({ ...row, choices: CHOICES.parse(JSON.parse(row.choices)) }));
}

async function inScope(actor: Actor, slug: string) {
  const resource = await db().resource.findFirst({ where: { slug, ...resourceScope(actor) } });
  if (!resource) throw new NotFoundError(NOT_FOUND);
  return resource;
}

/** One item for its page (404 outside the person's scope): the article's HTML, a quiz's questions
 * and the young person's best score. */
export async function viewResource(actor: Actor, slug: string) {
  const resource = await inScope(actor, slug);
  const questions = resource.kind === "QUIZ" ? await questionsOf(resource.id) : [];
  const best =
    resource.kind === "QUIZ" && keepsQuizScores(actor)
      ? await db().quizScore.findUnique({
          where: { resourceId_userId: { resourceId: resource.id, userId: actor.id } },
          select: { bestScore: true, total: true },
        })
      : null;
  // Rendered at save time; an item written before that column existed is rendered here.
  const html = resource.bodyHtml ?? (resource.body ? renderMarkdown(resource.body) : null);
  return { resource, html, questions, best };
}

/** The form's values of an item, to edit it (the coordinator's only). */
export async function resourceForEdit(actor: Actor, slug: string) {
  if (!can(actor, "resource:manage")) throw new ForbiddenError();
  return inScope(actor, slug);
}

/** "Le permis : mode d'emploi" → "le-permis-mode-d-emploi". */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "ressource";
}

/** A slug no item has yet; read inside the creating transaction, so that two items created at
 * once with the same title cannot both take it. */
async function freeSlug(title: string, tx: DbTx): Promise<string> {
  const base = slugOf(title);
  const taken = new Set(
    (await tx.resource.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  // "new" is the creation form's own address.
  if (!taken.has(base) && base !== "new") return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

type StoredFile = { fileKey: string; fileName: string; fileType: FileType; fileSize: number };

/** Checks the uploaded file against the item's kind (from its content) and stores it. */
async function acceptedFile(kind: ResourceKind, upload: UploadOutcome, required: boolean): Promise<StoredFile | undefined> {
  if (upload.refusal) throw new FormError("file", upload.refusal.message);
  if (kind !== "DOCUMENT" && kind !== "VIDEO") return undefined;
  if (!upload.file || upload.file.buffer.length === 0) {
    if (required) throw new FormError("file", FILE_REQUIRED);
    return undefined;
  }
  const type = detectFileType(upload.file.buffer);
  if (type !== EXPECTED_TYPE[kind]) throw new FormError("file", FILE_WRONG_TYPE[kind]);
  const fileKey = await storeUpload(upload.file.buffer, type);
  return { fileKey, fileName: safeFileName(upload.file.originalname, type), fileType: type, fileSize: upload.file.buffer.length };
}

function contentOf(form: ResourceForm) {
  // A field that means nothing for the kind is not kept (a link's body, an article's address).
  const body = form.kind === "LINK" && !form.body ? null : (form.body ?? null);
  return {
    title: form.title,
    summary: form.summary,
    topic: form.topic,
    audience: form.audience,
    body,
    bodyHtml: body ? renderMarkdown(body) : null,
    url: form.kind === "LINK" ? (form.url ?? null) : null,
    isPublished: form.isPublished === "on",
  };
}

/** Creates an article, a link, a document or a video (the coordinator's). */
export async function createResource(actor: Actor, form: ResourceForm, upload: UploadOutcome): Promise<{ slug: string }> {
  if (!can(actor, "resource:manage")) throw new ForbiddenError();
  if (form.kind === "QUIZ") throw new FormError("kind", "Les quiz sont fournis avec leurs questions : choisissez un autre type.");
  const file = await acceptedFile(form.kind, upload, true);
  return db().$transaction(async (tx) => {
    const slug = await freeSlug(form.title, tx);
    const created = await tx.resource.create({ data: { slug, kind: form.kind, ...contentOf(form), ...file }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "RESOURCE_CREATED",
        entity: "Resource",
        entityId: created.id,
        details: { slug, kind: form.kind, file: file?.fileName },
      },
      tx,
    );
    return { slug };
  });
}

/** Edits an item; a new file replaces the former one (which stays on disk, unreferenced). */
export async function updateResource(actor: Actor, slug: string, form: ResourceForm, upload: UploadOutcome): Promise<{ slug: string }> {
  const resource = await resourceForEdit(actor, slug);
  if (form.kind !== resource.kind) throw new FormError("kind", KIND_FIXED);
  const file = await acceptedFile(resource.kind, upload, resource.fileKey === null);
  const data = { ...contentOf(form), ...file };
  // A quiz keeps its own text when the form leaves it empty.
  if (resource.kind === "QUIZ" && !form.body) Object.assign(data, { body: resource.body, bodyHtml: resource.bodyHtml });
  await db().$transaction(async (tx) => {
    await tx.resource.update({ where: { id: resource.id }, data });
    await recordAudit(
      { actorId: actor.id, action: "RESOURCE_UPDATED", entity: "Resource", entityId: resource.id, details: { slug, file: file?.fileName } },
      tx,
    );
  });
  return { slug };
}

/** Publishes an item or takes it back to draft. */
export async function setPublished(actor: Actor, slug: string, isPublished: boolean): Promise<{ slug: string }> {
  const resource = await resourceForEdit(actor, slug);
  await db().$transaction(async (tx) => {
    await tx.resource.update({ where: { id: resource.id }, data: { isPublished } });
    await recordAudit(
      {
        actorId: actor.id,
        action: isPublished ? "RESOURCE_PUBLISHED" : "RESOURCE_UNPUBLISHED",
        entity: "Resource",
        entityId: resource.id,
        details: { slug },
      },
      tx,
    );
  });
  return { slug };
}

/** The uploaded file of a document or video in the person's scope (404 otherwise). */
export async function resourceFile(
  actor: Actor,
  slug: string,
): Promise<{ file: { root: string; name: string }; type: FileType; name: string }> {
  const resource = await inScope(actor, slug);
  const type = resource.fileType === "application/pdf" || resource.fileType === "video/mp4" ? resource.fileType : null;
  if (!resource.fileKey || !type) throw new NotFoundError(NOT_FOUND);
  return { file: uploadFile(resource.fileKey), type, name: resource.fileName ?? safeFileName("fichier", type) };
}

export type QuizResult = {
  score: number;
  total: number;
  /** The young person's best score after this try; null for anyone else (not kept). */
  best: number | null;
  questions: (QuizQuestion & { chosen: number; correct: boolean })[];
};

/** Scores a try at a quiz. A young person's best score is kept (one row per quiz and person,
 * raised only when beaten); anyone else may try without anything being kept. */
export async function answerQuiz(actor: Actor, slug: string, answers: Record<string, string>): Promise<QuizResult> {
  const resource = await inScope(actor, slug);
  if (resource.kind !== "QUIZ") throw new NotFoundError(NOT_FOUND);
  const questions = await questionsOf(resource.id);
  const scored = questions.map((question) => {
    const raw = answers[`q${question.position}`];
    const chosen = raw === undefined ? -1 : Number(raw);
    if (!(chosen >= 0 && chosen < question.choices.length)) throw new FormError(`q${question.position}`, ANSWER_MISSING(question.position));
    return { ...question, chosen, correct: chosen === question.answerIndex };
  });
  const score = scored.filter((question) => question.correct).length;
  const total = scored.length;
  if (!keepsQuizScores(actor)) return { score, total, best: null, questions: scored };
  const best = await db().$transaction(async (tx) => {
    const where = { resourceId_userId: { resourceId: resource.id, userId: actor.id } };
    const previous = await tx.quizScore.findUnique({ where, select: { bestScore: true } });
    const bestScore = Math.max(score, previous?.bestScore ?? 0);
    await tx.quizScore.upsert({
      where,
      create: { resourceId: resource.id, userId: actor.id, bestScore, total },
      update: { bestScore, total },
    });
    await recordAudit(
      { actorId: actor.id, action: "QUIZ_ANSWERED", entity: "Resource", entityId: resource.id, details: { slug, score, total, bestScore } },
      tx,
    );
    return bestScore;
  });
  return { score, total, best, questions: scored };
}

const CODE_TOPIC = "Code";

const SUGGESTED = z.object({ slug: z.string(), title: z.string(), summary: z.string(), kind: z.enum(RESOURCE_KINDS), topic: z.string() });

/**
 * Published items written for young people (or everyone) to suggest on the /me page at their
 * stage: before the code is passed, the code's quizzes and articles come first; after it, the
 * driving and the rest. At most `limit`, chosen and ordered by the database (/me is read often).
 */
export function suggestedResources(stage: { codePassed: boolean }, limit: number) {
  const code = Prisma.sql`r."topic" = ${CODE_TOPIC}`;
  const quiz = Prisma.sql`r."kind" = 'QUIZ'`;
  const rank = stage.codePassed
    ? Prisma.sql`CASE WHEN ${code} THEN 2 WHEN ${quiz} THEN 1 ELSE 0 END`
    : Prisma.sql`CASE WHEN ${code} AND ${quiz} THEN 0 WHEN ${code} THEN 1 ELSE 2 END`;
  return queryRows(
    SUGGESTED,
    Prisma.sql`SELECT r."slug", r."title", r."summary", r."kind", r."topic" FROM "Resource" r
      WHERE r."isPublished" = ${true} AND r."audience" IN ('ALL', 'YOUTH')
      ORDER BY ${rank}, r."title", r."slug" LIMIT ${limit}`,
  );
}
