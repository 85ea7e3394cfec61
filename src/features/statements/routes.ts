import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formatHours } from "../../domain/time.ts";
import { sendCsv, toCsv } from "../../http/csv.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { Route } from "../../http/routes.ts";
import { csvEuros } from "./compute.ts";
import { isMonth, monthOf } from "../../domain/months.ts";
import { budgetQuerySchema, monthQuerySchema, rateSchema, validateSchema } from "./schemas.ts";
import * as statements from "./service.ts";

const EMPTY: FormPage = { values: {}, errors: {} };

/** The month asked for, else the month before this one (the one a school bills). */
const monthAsked = (req: Request) => monthQuerySchema.parse(req.query).month ?? monthOf(new Date(), -1);

/** 4550 → "45,50", as a person types it back into the form. */
const typedEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

async function list(req: Request, res: Response) {
  const result = await statements.listStatements(actorOf(req), monthAsked(req));
  res.render("statements/list", { title: `Relevés mensuels — ${result.monthLabel}`, ...result });
}

async function renderStatement(req: Request, res: Response, page: FormPage, month: string) {
  const statement = await statements.viewStatement(actorOf(req), String(req.params.id), month);
  res.render("statements/show", {
    title: `Relevé de ${statement.monthLabel} — ${statement.school.name}`,
    ...statement,
    form: page,
  });
}

const show = (req: Request, res: Response) => renderStatement(req, res, EMPTY, monthAsked(req));

async function exportCsv(req: Request, res: Response) {
  const month = monthAsked(req);
  const statement = await statements.viewStatement(actorOf(req), String(req.params.id), month);
  const csv = toCsv(
    [
      "Nom",
      "Prénom",
      "Référence",
      "Promotion",
      "Heures de leçon",
      "Tarif horaire (€)",
      "Leçons (€)",
      "Examens pratiques",
      "Examens (€)",
      "Évaluation initiale (€)",
      "Total (€)",
      "Couvert par l'aide (€)",
      "Non couvert (€)",
    ],
    statement.lines.map((line) => [
      line.lastName,
      line.firstName,
      line.ref,
      line.cohortName,
      formatHours(line.lessonMinutes),
      line.hourlyRateCents === null ? "" : csvEuros(line.hourlyRateCents),
      csvEuros(line.lessonCents),
      line.exams,
      csvEuros(line.examCents),
      csvEuros(line.assessmentCents),
      csvEuros(line.totalCents),
      csvEuros(line.coveredCents),
      csvEuros(line.notCoveredCents),
    ]),
  );
  sendCsv(res, `releve-${month}.csv`, csv);
}

const validate = formAction({
  schema: validateSchema,
  inScope: (actor, req) => statements.statementSchool(actor, String(req.params.id)),
  act: (actor, form, req) => statements.validateStatement(actor, String(req.params.id), form.month),
  rejected: (req, res, page) => {
    const typed = String(page.values.month ?? "");
    return renderStatement(req, res, page, isMonth(typed) ? typed : monthAsked(req));
  },
  done: ({ duplicate }, form, req) => ({
    to: `/statements/${String(req.params.id)}?month=${form.month}`,
    flash: duplicate
      ? "Ce relevé était déjà validé : ses paiements ne sont enregistrés qu'une fois."
      : "Relevé validé : l'aide couverte est enregistrée dans les financements des jeunes.",
  }),
});

async function renderRates(req: Request, res: Response, page: FormPage) {
  const rates = await statements.viewRates(String(req.params.id));
  res.render("statements/rates", { title: `Tarifs : ${rates.school.name}`, ...rates, ...page });
}

async function showRates(req: Request, res: Response) {
  const rates = await statements.viewRates(String(req.params.id));
  // The form opens on the cohort asked for (a "Modifier" link), with its rates typed back.
  const cohortId = typeof req.query.cohort === "string" ? req.query.cohort : "";
  const rate = rates.cohorts.find((cohort) => cohort.id === cohortId)?.rate;
  const values = rate
    ? {
        cohortId,
        hourlyRate: typedEuros(rate.hourlyRateCents),
        examFee: typedEuros(rate.examFeeCents),
        assessmentFee: typedEuros(rate.assessmentCents),
      }
    : { cohortId };
  res.render("statements/rates", { title: `Tarifs : ${rates.school.name}`, ...rates, values, errors: {} });
}

const saveRate = formAction({
  schema: rateSchema,
  inScope: (_actor, req) => statements.viewRates(String(req.params.id)),
  act: (actor, form, req) => statements.saveRate(actor, String(req.params.id), form),
  rejected: renderRates,
  done: (_result, _form, req) => ({ to: `/territories/schools/${String(req.params.id)}/rates`, flash: "Tarifs enregistrés." }),
});

async function showBudget(req: Request, res: Response) {
  const { cohort } = budgetQuerySchema.parse(req.query);
  res.render("statements/budget", { title: "Budget du programme", ...(await statements.budget(actorOf(req), cohort)) });
}

const LIST_OF_YOUTHS = { kind: "list", entity: "Youth" } as const;

export const STATEMENT_ROUTES: readonly Route[] = [
  { method: "get", path: "/statements", permission: "statement:read", handler: list },
  { method: "get", path: "/statements/:id", permission: "statement:read", handler: show, audit: LIST_OF_YOUTHS },
  { method: "get", path: "/statements/:id/releve.csv", permission: "statement:read", handler: exportCsv, audit: LIST_OF_YOUTHS },
  // A refusal (422) shows the statement again, names included.
  { method: "post", path: "/statements/:id/validate", permission: "statement:validate", handler: validate, audit: LIST_OF_YOUTHS },
  { method: "get", path: "/territories/schools/:id/rates", permission: "rate:manage", handler: showRates },
  { method: "post", path: "/territories/schools/:id/rates", permission: "rate:manage", handler: saveRate },
  { method: "get", path: "/budget", permission: "budget:read", handler: showBudget },
];
