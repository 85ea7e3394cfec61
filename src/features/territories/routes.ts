import type { Request, Response } from "express";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { FormValues } from "../../http/forms.ts";
import type { Route } from "../../http/routes.ts";
import { formatPhone } from "../../http/view-helpers.ts";
import { missionLocaleSchema, schoolPrefillSchema, schoolSchema, territoriesQuerySchema } from "./schemas.ts";
import * as territories from "./service.ts";

const EMPTY: FormPage = { values: {}, errors: {} };

/** 4550 → "45,50", as a person types it back into the form. */
const typedEuros = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2).replace(".", ","));

async function list(req: Request, res: Response) {
  const { page } = territoriesQuerySchema.parse(req.query);
  res.render("territories/list", { title: "Territoires et auto-écoles", ...(await territories.listTerritories(page)) });
}

// Mission Locale: one form for creating and editing it.
function renderNewMissionLocale(_req: Request, res: Response, page: FormPage) {
  res.render("territories/mission-locale-form", { title: "Nouvelle Mission Locale", missionLocale: null, ...page });
}

async function renderEditMissionLocale(req: Request, res: Response, page: FormPage) {
  const missionLocale = await territories.findMissionLocale(String(req.params.id));
  res.render("territories/mission-locale-form", { title: `Modifier : ${missionLocale.name}`, missionLocale, ...page });
}

async function showEditMissionLocale(req: Request, res: Response) {
  const missionLocale = await territories.findMissionLocale(String(req.params.id));
  await renderEditMissionLocale(req, res, { values: { code: missionLocale.code, name: missionLocale.name }, errors: {} });
}

const createMissionLocale = formAction({
  schema: missionLocaleSchema,
  act: (actor, form) => territories.createMissionLocale(actor, form),
  rejected: renderNewMissionLocale,
  done: (_id, form) => ({ to: "/territories", flash: `La Mission Locale ${form.name} est créée. Ajoutez-lui ses auto-écoles.` }),
});

const updateMissionLocale = formAction({
  schema: missionLocaleSchema,
  inScope: (_actor, req) => territories.findMissionLocale(String(req.params.id)),
  act: (actor, form, req) => territories.updateMissionLocale(actor, String(req.params.id), form),
  rejected: renderEditMissionLocale,
  done: () => ({ to: "/territories", flash: "La Mission Locale est enregistrée." }),
});

// Driving school: its page (details and staff accounts), one form for creating and editing it.
async function showSchool(req: Request, res: Response) {
  const school = await territories.findSchool(String(req.params.id));
  res.render("territories/school", { title: school.name, school });
}

async function renderSchoolForm(res: Response, page: FormPage, school: { id: string; name: string } | null) {
  const missionLocales = await territories.missionLocaleChoices();
  const title = school ? `Modifier : ${school.name}` : "Nouvelle auto-école";
  res.render("territories/school-form", { title, school, missionLocales, ...page });
}

async function showNewSchool(req: Request, res: Response) {
  const prefill = schoolPrefillSchema.parse(req.query);
  await renderSchoolForm(res, { values: prefill.missionLocaleId ? { missionLocaleId: prefill.missionLocaleId } : {}, errors: {} }, null);
}

async function renderEditSchool(req: Request, res: Response, page: FormPage) {
  const school = await territories.findSchool(String(req.params.id));
  await renderSchoolForm(res, page, school);
}

async function showEditSchool(req: Request, res: Response) {
  const school = await territories.findSchool(String(req.params.id));
  const values: FormValues = {
    name: school.name,
    missionLocaleId: school.missionLocale.id,
    address: school.address ?? "",
    city: school.city ?? "",
    phone: school.phone ? formatPhone(school.phone) : "",
    hourlyRate: typedEuros(school.hourlyRateCents),
  };
  await renderSchoolForm(res, { values, errors: {} }, school);
}

const createSchool = formAction({
  schema: schoolSchema,
  act: (actor, form) => territories.createSchool(actor, form),
  rejected: (_req, res, page) => renderSchoolForm(res, page, null),
  done: (id) => ({ to: `/territories/schools/${id}`, flash: "L'auto-école est créée. Créez maintenant les comptes de son équipe." }),
});

const updateSchool = formAction({
  schema: schoolSchema,
  inScope: (_actor, req) => territories.findSchool(String(req.params.id)),
  act: (actor, form, req) => territories.updateSchool(actor, String(req.params.id), form),
  rejected: renderEditSchool,
  done: (_result, _form, req) => ({ to: `/territories/schools/${String(req.params.id)}`, flash: "L'auto-école est enregistrée." }),
});

export const TERRITORY_ROUTES: readonly Route[] = [
  { method: "get", path: "/territories", permission: "territory:manage", handler: list },
  {
    method: "get",
    path: "/territories/missions-locales/new",
    permission: "territory:manage",
    handler: (req, res) => renderNewMissionLocale(req, res, EMPTY),
  },
  { method: "post", path: "/territories/missions-locales", permission: "territory:manage", handler: createMissionLocale },
  { method: "get", path: "/territories/missions-locales/:id/edit", permission: "territory:manage", handler: showEditMissionLocale },
  { method: "post", path: "/territories/missions-locales/:id", permission: "territory:manage", handler: updateMissionLocale },
  { method: "get", path: "/territories/schools/new", permission: "territory:manage", handler: showNewSchool },
  { method: "post", path: "/territories/schools", permission: "territory:manage", handler: createSchool },
  { method: "get", path: "/territories/schools/:id", permission: "territory:manage", handler: showSchool },
  { method: "get", path: "/territories/schools/:id/edit", permission: "territory:manage", handler: showEditSchool },
  { method: "post", path: "/territories/schools/:id", permission: "territory:manage", handler: updateSchool },
];
