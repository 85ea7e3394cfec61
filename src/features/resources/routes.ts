import type { Request, RequestHandler, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { can } from "../../auth/policy.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { formValues } from "../../http/forms.ts";
import type { Route } from "../../http/routes.ts";
import { uploadOf, MAX_UPLOAD_BYTES } from "./files.ts";
import {
  answersSchema,
  AUDIENCE_LABELS,
  KIND_LABELS,
  listFilterSchema,
  publicationSchema,
  resourceSchema,
  WRITABLE_KINDS,
} from "./schemas.ts";
import {
  answerQuiz,
  createResource,
  listResources,
  resourceFile,
  resourceForEdit,
  setPublished,
  updateResource,
  viewResource,
  type QuizResult,
} from "./service.ts";

const LABELS = {
  kindLabels: KIND_LABELS,
  audienceLabels: AUDIENCE_LABELS,
  writableKinds: WRITABLE_KINDS,
  maxUploadMb: MAX_UPLOAD_BYTES / 1024 / 1024,
};

const list: RequestHandler = async (req, res) => {
  const actor = actorOf(req);
  const filter = listFilterSchema.parse(req.query);
  const { items, topics } = await listResources(actor, filter);
  res.render("resources/list", { title: "Ressources", items, topics, filter, canManage: can(actor, "resource:manage"), ...LABELS });
};

async function renderShow(req: Request, res: Response, quiz: { page?: FormPage; result?: QuizResult } = {}) {
  const actor = actorOf(req);
  const item = await viewResource(actor, String(req.params.slug));
  res.render("resources/show", {
    title: item.resource.title,
    ...item,
    values: quiz.page?.values ?? {},
    errors: quiz.page?.errors ?? {},
    result: quiz.result ?? null,
    canManage: can(actor, "resource:manage"),
    canAnswer: can(actor, "quiz:answer"),
    ...LABELS,
  });
}

const show: RequestHandler = (req, res) => renderShow(req, res);

type EditTarget = { slug: string; kind: string; fileName: string | null } | null;

function renderForm(res: Response, page: FormPage, target: EditTarget) {
  res.render("resources/form", { title: target ? "Modifier la ressource" : "Nouvelle ressource", ...page, target, ...LABELS });
}

const newForm: RequestHandler = (_req, res) => renderForm(res, { values: { kind: "ARTICLE", audience: "ALL" }, errors: {} }, null);

async function editTarget(req: Request): Promise<EditTarget> {
  const resource = await resourceForEdit(actorOf(req), String(req.params.slug));
  return { slug: resource.slug, kind: resource.kind, fileName: resource.fileName };
}

const editForm: RequestHandler = async (req, res) => {
  const resource = await resourceForEdit(actorOf(req), String(req.params.slug));
  const values = {
    kind: resource.kind,
    title: resource.title,
    summary: resource.summary,
    topic: resource.topic,
    audience: resource.audience,
    body: resource.body ?? "",
    url: resource.url ?? "",
    ...(resource.isPublished ? { isPublished: "on" } : {}),
  };
  renderForm(res, { values, errors: {} }, { slug: resource.slug, kind: resource.kind, fileName: resource.fileName });
};

/** A file refused while it was read (too large: 413) brings the form back before anything else,
 * with what was typed and the message by the file field. */
function refusingUploads(handler: RequestHandler, target: (req: Request) => Promise<EditTarget>): RequestHandler {
  return async (req, res, next) => {
    const { refusal } = uploadOf(req);
    if (!refusal) return handler(req, res, next);
    const editing = await target(req);
    renderForm(res.status(refusal.status), { values: formValues(req.body), errors: { file: refusal.message } }, editing);
  };
}

const noTarget = () => Promise.resolve(null);

const create = refusingUploads(
  formAction({
    schema: resourceSchema,
    act: (actor, form, req) => createResource(actor, form, uploadOf(req)),
    rejected: (_req, res, page) => renderForm(res, page, null),
    done: ({ slug }, form) => ({ to: `/resources/${slug}`, flash: form.isPublished ? "Ressource publiée." : "Brouillon enregistré." }),
  }),
  noTarget,
);

const update = refusingUploads(
  formAction({
    schema: resourceSchema,
    inScope: (actor, req) => resourceForEdit(actor, String(req.params.slug)),
    act: (actor, form, req) => updateResource(actor, String(req.params.slug), form, uploadOf(req)),
    rejected: async (req, res, page) => renderForm(res, page, await editTarget(req)),
    done: ({ slug }) => ({ to: `/resources/${slug}`, flash: "Ressource enregistrée." }),
  }),
  editTarget,
);

const publication = formAction({
  schema: publicationSchema,
  inScope: (actor, req) => resourceForEdit(actor, String(req.params.slug)),
  act: (actor, form, req) => setPublished(actor, String(req.params.slug), form.isPublished === "true"),
  rejected: (req, res) => renderShow(req, res),
  done: ({ slug }, form) => ({
    to: `/resources/${slug}`,
    flash: form.isPublished === "true" ? "Ressource publiée." : "Ressource repassée en brouillon : seule la coordination la voit.",
  }),
});

const file: RequestHandler = async (req, res, next) => {
  const found = await resourceFile(actorOf(req), String(req.params.slug));
  res.set({
    "Content-Type": found.type,
    // The name is reduced to [A-Za-z0-9._-] when stored: nothing in it can break the header.
    "Content-Disposition": `inline; filename="${found.name}"`,
    "X-Content-Type-Options": "nosniff",
  });
  res.sendFile(found.file.name, { root: found.file.root, dotfiles: "deny", lastModified: false }, (error) => {
    if (error && !res.headersSent) next(error);
  });
};

const answer = formAction({
  schema: answersSchema,
  act: (actor, answers, req) => answerQuiz(actor, String(req.params.slug), answers),
  rejected: (req, res, page) => renderShow(req, res, { page }),
  respond: (req, res, result) => renderShow(req, res, { result }),
});

export const RESOURCE_ROUTES: readonly Route[] = [
  { method: "get", path: "/resources", permission: "resource:read", handler: list },
  { method: "get", path: "/resources/new", permission: "resource:manage", handler: newForm },
  { method: "post", path: "/resources/new", permission: "resource:manage", handler: create },
  { method: "get", path: "/resources/:slug", permission: "resource:read", handler: show },
  { method: "get", path: "/resources/:slug/file", permission: "resource:read", handler: file },
  { method: "get", path: "/resources/:slug/edit", permission: "resource:manage", handler: editForm },
  { method: "post", path: "/resources/:slug/edit", permission: "resource:manage", handler: update },
  { method: "post", path: "/resources/:slug/publication", permission: "resource:manage", handler: publication },
  { method: "post", path: "/resources/:slug/answers", permission: "quiz:answer", handler: answer },
];
