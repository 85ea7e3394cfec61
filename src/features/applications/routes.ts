import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { FormError } from "../../http/errors.ts";
import { formRejection, formValues, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
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

type FormPage = { status: number; values: FormValues; errors: FieldErrors; duplicates?: applications.DuplicatesFound };

const DUPLICATE_TO_CONFIRM =
  "Ce dossier ressemble à un dossier existant : vérifiez, puis cochez la case « … quand même » si c'est une autre personne.";

/** The same form again, with the possible duplicates and the box to confirm it is someone else. */
function duplicatesPage(duplicates: applications.DuplicatesFound, body: unknown): FormPage {
  return { status: 422, values: formValues(body), errors: { confirmDuplicate: DUPLICATE_TO_CONFIRM }, duplicates };
}

async function renderNew(req: Request, res: Response, page: FormPage) {
  const options = await applications.applicationFormOptions(actorOf(req));
  res.status(page.status).render("applications/form", {
    title: "Nouvelle candidature",
    ...options,
    ...FORM_CHOICES,
    action: "/applications",
    editing: null,
    locked: false,
    duplicates: page.duplicates ?? null,
    values: page.values,
    errors: page.errors,
  });
}

async function showNew(req: Request, res: Response) {
  const cohortId = typeof req.query.cohortId === "string" ? req.query.cohortId : "";
  await renderNew(req, res, { status: 200, values: cohortId ? { cohortId } : {}, errors: {} });
}

async function create(req: Request, res: Response) {
  const form = parseForm(applicationSchema, req.body);
  if (!form.ok) return renderNew(req, res, { status: 422, values: form.values, errors: form.errors });
  try {
    const created = await applications.createApplication(actorOf(req), form.data);
    setFlash(req, "La candidature est enregistrée.");
    res.redirect(303, `/applications/${created.id}`);
  } catch (error) {
    if (error instanceof applications.DuplicatesFound) {
      return renderNew(req, res, duplicatesPage(error, req.body));
    }
    await renderNew(req, res, { status: 422, ...formRejection(error, req.body) });
  }
}

async function show(req: Request, res: Response) {
  const file = await applications.findApplication(actorOf(req), String(req.params.id));
  const y = file.application.youth;
  res.render("applications/show", { title: `Candidature de ${y.firstName} ${y.lastName}`, ...file, errors: {}, values: {} });
}

async function renderEdit(req: Request, res: Response, status: number, override?: { values: FormValues; errors: FieldErrors; duplicates?: applications.DuplicatesFound }) {
  const actor = actorOf(req);
  const id = String(req.params.id);
  const [current, options] = await Promise.all([applications.applicationFormValues(actor, id), applications.applicationFormOptions(actor)]);
  const y = current.application.youth;
  res.status(status).render("applications/form", {
    title: `Modifier la candidature de ${y.firstName} ${y.lastName}`,
    ...options,
    ...FORM_CHOICES,
    action: `/applications/${id}`,
    editing: current.application,
    locked: current.locked,
    duplicates: override?.duplicates ?? null,
    values: override?.values ?? current.values,
    errors: override?.errors ?? {},
  });
}

async function showEdit(req: Request, res: Response) {
  await renderEdit(req, res, 200);
}

async function update(req: Request, res: Response) {
  const form = parseForm(applicationSchema, req.body);
  if (!form.ok) return renderEdit(req, res, 422, form);
  try {
    await applications.updateApplication(actorOf(req), String(req.params.id), form.data);
    setFlash(req, "Les modifications sont enregistrées.");
    res.redirect(303, `/applications/${String(req.params.id)}`);
  } catch (error) {
    if (error instanceof applications.DuplicatesFound) return renderEdit(req, res, 422, duplicatesPage(error, req.body));
    await renderEdit(req, res, 422, formRejection(error, req.body));
  }
}

async function renderImport(req: Request, res: Response, status: number, page: { values: FormValues; errors: FieldErrors; problems?: applications.ImportRejected["problems"] }) {
  const options = await applications.importFormOptions(actorOf(req));
  res.status(status).render("applications/import", { title: "Importer des candidatures", ...options, columns: Object.keys(COLUMNS), accepted: ACCEPTED_VALUES, problems: page.problems ?? [], values: page.values, errors: page.errors });
}

async function showImport(req: Request, res: Response) {
  await renderImport(req, res, 200, { values: {}, errors: {} });
}

async function runImport(req: Request, res: Response) {
  const form = parseForm(importSchema, req.body);
  if (!form.ok) return renderImport(req, res, 422, form);
  try {
    const result = await applications.importApplications(actorOf(req), form.data);
    setFlash(req, `${result.count} candidature${result.count > 1 ? "s" : ""} importée${result.count > 1 ? "s" : ""} pour ${result.missionLocaleName} (${result.cohortName}), dont ${result.eligible} éligible${result.eligible > 1 ? "s" : ""}.`);
    res.redirect(303, `/applications?cohortId=${encodeURIComponent(result.cohortId)}`);
  } catch (error) {
    if (error instanceof applications.ImportRejected) {
      return renderImport(req, res, 422, { values: formValues(req.body), errors: { csv: `Le fichier est refusé : ${error.problems.length} ligne${error.problems.length > 1 ? "s" : ""} à corriger. Rien n'a été enregistré.` }, problems: error.problems });
    }
    await renderImport(req, res, 422, formRejection(error, req.body));
  }
}

async function recordCommitments(req: Request, res: Response) {
  const id = String(req.params.id);
  const actor = actorOf(req);
  const form = parseForm(commitmentsSchema, req.body);
  try {
    if (!form.ok) throw new FormError("attendance", form.errors.attendance ?? Object.values(form.errors)[0] ?? "");
    await applications.recordCommitments(actor, id, form.data);
    setFlash(req, "Les engagements sont enregistrés.");
    res.redirect(303, `/applications/${id}`);
  } catch (error) {
    const rejected = formRejection(error, req.body);
    const file = await applications.findApplication(actor, id);
    res.status(422).render("applications/show", { title: "Candidature", ...file, ...rejected });
  }
}

async function ownPage(req: Request, res: Response, status = 200, errors: FieldErrors = {}) {
  const own = await applications.ownApplication(actorOf(req));
  res.status(status).render("applications/me", { title: "Ma candidature", ...own, errors });
}

async function showOwn(req: Request, res: Response) {
  await ownPage(req, res);
}

async function confirmOwn(req: Request, res: Response) {
  const form = parseForm(ownCommitmentsSchema, req.body);
  try {
    if (!form.ok) throw new FormError("_form", "Demande incorrecte.");
    await applications.confirmOwnCommitments(actorOf(req));
    setFlash(req, "Merci : vos engagements sont enregistrés.");
    res.redirect(303, "/me/commitments");
  } catch (error) {
    await ownPage(req, res, 422, formRejection(error, req.body).errors);
  }
}

export const APPLICATION_ROUTES: readonly Route[] = [
  { method: "get", path: "/applications", permission: "application:read", handler: list, audit: { kind: "list", entity: "Application" } },
  { method: "get", path: "/applications/new", permission: "application:manage", handler: showNew },
  { method: "post", path: "/applications", permission: "application:manage", handler: create },
  // Fixed paths before "/applications/:id", which would otherwise take "import" for an id.
  { method: "get", path: "/applications/import", permission: "application:import", handler: showImport },
  { method: "post", path: "/applications/import", permission: "application:import", handler: runImport },
  { method: "get", path: "/applications/:id", permission: "application:read", handler: show, audit: { kind: "record", entity: "Application" } },
  { method: "get", path: "/applications/:id/edit", permission: "application:manage", handler: showEdit, audit: { kind: "record", entity: "Application" } },
  { method: "post", path: "/applications/:id", permission: "application:manage", handler: update },
  { method: "post", path: "/applications/:id/commitments", permission: "commitment:record", handler: recordCommitments },
  { method: "get", path: "/me/commitments", permission: "commitment:confirm-own", handler: showOwn, audit: OWN_FILE },
  { method: "post", path: "/me/commitments", permission: "commitment:confirm-own", handler: confirmOwn },
];
