import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { formValues } from "../../http/forms.ts";
import { GENDERS } from "../../domain/enums.ts";
import { REMC } from "../../domain/remc.ts";
import { applicationSchema, applicationSearchSchema, commitmentsSchema, importSchema, ownCommitmentsSchema, WEEK_DAYS } from "./schemas.ts";
import { COLUMNS } from "./csv.ts";
import { ACCEPTED_VALUES } from "./import-values.ts";
import * as applications from "./service.ts";
import { OWN_FILE, type Route } from "../../http/routes.ts";

const FORM_CHOICES = { genders: GENDERS, employmentStatuses: REMC.employmentStatuses, weekDays: WEEK_DAYS };

async function list(req: Request, res: Response) {
  const filters = applicationSearchSchema.parse(req.query);
  const result = await applications.listApplications(actorOf(req), filters);
  res.render("applications/list", { title: "Candidatures", ...result, filters });
}

const DUPLICATE_TO_CONFIRM =
  "Ce dossier ressemble à un dossier existant : vérifiez, puis cochez la case « … quand même » si c'est une autre personne.";

/** The same form again, with the possible duplicates and the box to confirm it is someone else. */
function duplicatesPage(error: unknown, req: Request): FormPage<applications.DuplicatesFound> | undefined {
  if (!(error instanceof applications.DuplicatesFound)) return undefined;
  return { values: formValues(req.body), errors: { confirmDuplicate: DUPLICATE_TO_CONFIRM }, refused: error };
}

async function renderNew(req: Request, res: Response, page: FormPage<applications.DuplicatesFound>) {
  const options = await applications.applicationFormOptions(actorOf(req));
  res.render("applications/form", {
    title: "Nouvelle candidature",
    ...options,
    ...FORM_CHOICES,
    action: "/applications",
    editing: null,
    locked: false,
    duplicates: page.refused ?? null,
    values: page.values,
    errors: page.errors,
  });
}

async function showNew(req: Request, res: Response) {
  const cohortId = typeof req.query.cohortId === "string" ? req.query.cohortId : "";
  await renderNew(req, res, { values: cohortId ? { cohortId } : {}, errors: {} });
}

const create = formAction({
  schema: applicationSchema,
  act: (actor, form) => applications.createApplication(actor, form),
  refusal: duplicatesPage,
  rejected: renderNew,
  done: (created) => ({ to: `/applications/${created.id}`, flash: "La candidature est enregistrée." }),
});

async function renderShow(req: Request, res: Response, page: FormPage) {
  const file = await applications.findApplication(actorOf(req), String(req.params.id));
  const y = file.application.youth;
  res.render("applications/show", { title: `Candidature de ${y.firstName} ${y.lastName}`, ...file, ...page });
}

async function show(req: Request, res: Response) {
  await renderShow(req, res, { values: {}, errors: {} });
}

/** Without a page, the form is filled with the application as it is now. */
async function renderEdit(req: Request, res: Response, page?: FormPage<applications.DuplicatesFound>) {
  const actor = actorOf(req);
  const id = String(req.params.id);
  const [current, options] = await Promise.all([applications.applicationFormValues(actor, id), applications.applicationFormOptions(actor)]);
  const y = current.application.youth;
  res.render("applications/form", {
    title: `Modifier la candidature de ${y.firstName} ${y.lastName}`,
    ...options,
    ...FORM_CHOICES,
    action: `/applications/${id}`,
    editing: current.application,
    locked: current.locked,
    duplicates: page?.refused ?? null,
    values: page?.values ?? current.values,
    errors: page?.errors ?? {},
  });
}

async function showEdit(req: Request, res: Response) {
  await renderEdit(req, res);
}

const update = formAction({
  schema: applicationSchema,
  act: (actor, form, req) => applications.updateApplication(actor, String(req.params.id), form),
  refusal: duplicatesPage,
  rejected: renderEdit,
  done: (_result, _form, req) => ({ to: `/applications/${String(req.params.id)}`, flash: "Les modifications sont enregistrées." }),
});

async function renderImport(req: Request, res: Response, page: FormPage<applications.ImportRejected>) {
  const options = await applications.importFormOptions(actorOf(req));
  res.render("applications/import", {
    title: "Importer des candidatures",
    ...options,
    columns: Object.keys(COLUMNS),
    accepted: ACCEPTED_VALUES,
    problems: page.refused?.problems ?? [],
    values: page.values,
    errors: page.errors,
  });
}

async function showImport(req: Request, res: Response) {
  await renderImport(req, res, { values: {}, errors: {} });
}

function plural(count: number, word: string): string {
  return `${word}${count > 1 ? "s" : ""}`;
}

const runImport = formAction({
  schema: importSchema,
  act: (actor, form) => applications.importApplications(actor, form),
  refusal: (error, req) => {
    if (!(error instanceof applications.ImportRejected)) return undefined;
    const count = error.problems.length;
    return {
      values: formValues(req.body),
      errors: { csv: `Le fichier est refusé : ${count} ${plural(count, "ligne")} à corriger. Rien n'a été enregistré.` },
      refused: error,
    };
  },
  rejected: renderImport,
  done: (result) => ({
    to: `/applications?cohortId=${encodeURIComponent(result.cohortId)}`,
    flash: `${result.count} ${plural(result.count, "candidature")} ${plural(result.count, "importée")} pour ${result.missionLocaleName} (${result.cohortName}), dont ${result.eligible} ${plural(result.eligible, "éligible")}.`,
  }),
});

const recordCommitments = formAction({
  schema: commitmentsSchema,
  // Both boxes share the one message, shown by the first.
  reword: (errors) => ({ attendance: errors.attendance ?? Object.values(errors)[0] ?? "" }),
  act: (actor, form, req) => applications.recordCommitments(actor, String(req.params.id), form),
  rejected: renderShow,
  done: (_result, _form, req) => ({ to: `/applications/${String(req.params.id)}`, flash: "Les engagements sont enregistrés." }),
});

async function renderOwn(req: Request, res: Response, page: FormPage) {
  const own = await applications.ownApplication(actorOf(req));
  res.render("applications/me", { title: "Ma candidature", ...own, errors: page.errors });
}

async function showOwn(req: Request, res: Response) {
  await renderOwn(req, res, { values: {}, errors: {} });
}

const confirmOwn = formAction({
  schema: ownCommitmentsSchema,
  reword: () => ({ _form: "Demande incorrecte." }),
  act: (actor) => applications.confirmOwnCommitments(actor),
  rejected: renderOwn,
  done: () => ({ to: "/me/commitments", flash: "Merci : vos engagements sont enregistrés." }),
});

export const APPLICATION_ROUTES: readonly Route[] = [
  { method: "get", path: "/applications", permission: "application:read", handler: list, audit: { kind: "list", entity: "Application" } },
  { method: "get", path: "/applications/new", permission: "application:manage", handler: showNew },
  { method: "post", path: "/applications", permission: "application:manage", handler: create },
  // Fixed paths before "/applications/:id", which would otherwise take "import" for an id.
  { method: "get", path: "/applications/import", permission: "application:import", handler: showImport },
  { method: "post", path: "/applications/import", permission: "application:import", handler: runImport },
  {
    method: "get",
    path: "/applications/:id",
    permission: "application:read",
    handler: show,
    audit: { kind: "record", entity: "Application" },
  },
  {
    method: "get",
    path: "/applications/:id/edit",
    permission: "application:manage",
    handler: showEdit,
    audit: { kind: "record", entity: "Application" },
  },
  { method: "post", path: "/applications/:id", permission: "application:manage", handler: update },
  { method: "post", path: "/applications/:id/commitments", permission: "commitment:record", handler: recordCommitments },
  { method: "get", path: "/me/commitments", permission: "commitment:confirm-own", handler: showOwn, audit: OWN_FILE },
  { method: "post", path: "/me/commitments", permission: "commitment:confirm-own", handler: confirmOwn },
];
