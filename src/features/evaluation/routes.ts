import type { Request, Response } from "express";
import { z } from "zod";
import { actorOf } from "../../auth/middleware.ts";
import type { Route } from "../../http/routes.ts";
import { sendCsv, toCsv } from "../../http/csv.ts";
import { formAction } from "../../http/form-action.ts";
import { formatDate } from "../../domain/time.ts";
import { ittSummary } from "../../domain/itt.ts";
import {
  drawnCohorts,
  evaluationRows,
  EXPORT_HEADER,
  exportCells,
  findYouthForConsent,
  recordEvaluationExport,
  withdrawEvaluationConsent,
} from "./service.ts";
import { DICTIONARY, evaluationReport } from "./report.ts";

const querySchema = z.object({ cohort: z.string().trim().min(1).max(200).optional().catch(undefined) });

function cohortOf(req: Request): string | undefined {
  return querySchema.parse(req.query).cohort;
}

async function exportCsv(req: Request, res: Response) {
  const cohort = cohortOf(req);
  const rows = await evaluationRows(cohort);
  await recordEvaluationExport(actorOf(req), "csv", cohort, rows.length);
  sendCsv(res, "evaluation-itt.csv", toCsv(EXPORT_HEADER, rows.map(exportCells), { separator: ",", bom: false }));
}

async function summaryJson(req: Request, res: Response) {
  const cohort = cohortOf(req);
  const rows = await evaluationRows(cohort);
  await recordEvaluationExport(actorOf(req), "json", cohort, rows.length);
  res.set("Cache-Control", "no-store").json(ittSummary(rows));
}

async function page(req: Request, res: Response) {
  const cohort = cohortOf(req);
  const [rows, cohorts] = await Promise.all([evaluationRows(cohort), drawnCohorts()]);
  res.render("evaluation/index", { title: "Évaluation (intention de traiter)", cohort, cohorts, report: evaluationReport(rows) });
}

function dictionary(_req: Request, res: Response) {
  res.render("evaluation/dictionary", { title: "Dictionnaire des données de l'évaluation", columns: DICTIONARY });
}

const withdraw = formAction({
  schema: z.object({}),
  inScope: (actor, req) => findYouthForConsent(actor, String(req.params.id)),
  act: (actor, _form, req) => withdrawEvaluationConsent(actor, String(req.params.id)),
  // A one-button form: nothing typed can be refused.
  rejected: (req, res) => res.redirect(303, `/youths/${String(req.params.id)}`),
  done: (result, _form, req) => ({
    to: `/youths/${String(req.params.id)}`,
    flash: result.already
      ? `Le consentement à l'évaluation était déjà retiré depuis le ${formatDate(result.withdrawnAt)}.`
      : "Consentement à l'évaluation retiré : ce jeune ne figure plus dans les données de l'évaluation.",
  }),
});

export const EVALUATION_ROUTES: readonly Route[] = [
  { method: "get", path: "/evaluation", permission: "evaluation:read", handler: page },
  { method: "get", path: "/evaluation/dictionary", permission: "evaluation:read", handler: dictionary },
  { method: "get", path: "/evaluation/export.csv", permission: "evaluation:read", handler: exportCsv },
  { method: "get", path: "/evaluation/summary.json", permission: "evaluation:read", handler: summaryJson },
  { method: "post", path: "/youths/:id/evaluation-consent/withdraw", permission: "evaluation:consent", handler: withdraw },
];
