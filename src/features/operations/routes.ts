import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { parisIsoDay } from "../../domain/time.ts";
import { csvRows, sendCsv, toCsv } from "../../http/csv.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";
import { comparisonCharts, SMALL_SCHOOL_THRESHOLD, type SchoolComparisonRow, type Share } from "./comparison.ts";
import { comparisonQuerySchema, exportQuerySchema } from "./schemas.ts";
import * as operations from "./service.ts";

async function comparisonOf(req: Request) {
  const { cohort } = comparisonQuerySchema.parse(req.query);
  const [cohorts, rows] = await Promise.all([operations.cohortChoices(), operations.schoolComparison(cohort)]);
  return { cohorts, cohortId: cohort ?? "", rows };
}

async function showComparison(req: Request, res: Response) {
  const comparison = await comparisonOf(req);
  res.render("operations/comparison", {
    title: "Auto-écoles comparées",
    threshold: SMALL_SCHOOL_THRESHOLD,
    ...comparison,
    charts: comparisonCharts(comparison.rows),
  });
}

/** A rate as a percentage with one decimal, as a spreadsheet reads it ("42,5"). */
const percent = (part: Share) => (part.rate === null ? null : Math.round(part.rate * 1000) / 10);
const rounded = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

const COMPARISON_HEADER = [
  "Rang",
  "Auto-école",
  "Mission Locale",
  "Jeunes inscrits",
  "Effectif trop faible",
  "Abandons",
  "Inscriptions",
  "Abandon (%)",
  "Code réussi",
  "Code présenté",
  "Réussite code (%)",
  "Conduite réussie",
  "Conduite présentée",
  "Réussite conduite (%)",
  "Permis obtenus",
  "Heures médianes jusqu'au permis",
  "Permis avec prévision",
  "Prévision médiane (h)",
  "Heures ÷ prévision (médiane)",
];

function comparisonCells(row: SchoolComparisonRow) {
  return [
    row.rank,
    row.name,
    row.missionLocale,
    row.youths,
    row.small ? "oui" : "non",
    row.dropout.count,
    row.dropout.total,
    percent(row.dropout),
    row.theory.count,
    row.theory.total,
    percent(row.theory),
    row.practical.count,
    row.practical.total,
    percent(row.practical),
    row.licensed,
    rounded(row.medianHoursToLicence),
    row.withForecast,
    rounded(row.medianForecastHours),
    rounded(row.hoursVsForecast, 2),
  ];
}

async function comparisonCsv(req: Request, res: Response) {
  const { cohortId, rows } = await comparisonOf(req);
  await operations.recordComparisonExport(actorOf(req), cohortId || undefined);
  sendCsv(res, `comparaison-auto-ecoles-${parisIsoDay(new Date())}.csv`, toCsv(COMPARISON_HEADER, rows.map(comparisonCells)));
}

const typed = (value: unknown) => (typeof value === "string" ? value : "");

async function renderExports(req: Request, res: Response, error?: string) {
  const exports = Object.entries(operations.EXPORTS).map(([name, definition]) => ({
    name,
    label: definition.label,
    description: definition.description,
  }));
  res.status(error ? 422 : 200).render("operations/exports", {
    title: "Exports opérationnels",
    exports,
    cohorts: await operations.cohortChoices(),
    values: { cohort: typed(req.query.cohort), from: typed(req.query.from), to: typed(req.query.to) },
    error,
  });
}

const showExports = (req: Request, res: Response) => renderExports(req, res);

/** Waits until the response takes more data, or is closed (the person left). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function exportCsv(name: operations.ExportName) {
  return async (req: Request, res: Response) => {
    const filters = exportQuerySchema.safeParse(req.query);
    if (!filters.success) return renderExports(req, res, filters.error.issues[0]?.message ?? "Filtre invalide.");
    const opened = await operations.openExport(actorOf(req), name, filters.data);
    res.status(200).set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${parisIsoDay(new Date())}.csv"`,
      "Cache-Control": "no-store",
    });
    try {
      res.write(toCsv(opened.header, []));
      for await (const page of opened.pages) {
        if (res.destroyed) return;
        if (!res.write(csvRows(page))) await drained(res);
      }
      res.end();
    } catch (error) {
      // Part of the file has left: a half file must not look whole, so the connection is cut.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

const EXPORT_ROUTES: Route[] = Object.keys(operations.EXPORTS)
  .filter(operations.isExportName)
  .map((name) => ({
    method: "get",
    path: `/exports/${name}.csv`,
    permission: "operations:export",
    handler: exportCsv(name),
    // The service records each download (the file lists youths by name).
    audit: YOUTH_BY_SERVICE,
  }));

export const OPERATION_ROUTES: readonly Route[] = [
  { method: "get", path: "/schools/comparison", permission: "comparison:read", handler: showComparison },
  { method: "get", path: "/schools/comparison.csv", permission: "comparison:read", handler: comparisonCsv },
  { method: "get", path: "/exports", permission: "operations:export", handler: showExports },
  ...EXPORT_ROUTES,
];
