import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { config } from "../../config.ts";
import { sendCsv, toCsv } from "../../http/csv.ts";
import { NotFoundError } from "../../http/errors.ts";
import type { Route } from "../../http/routes.ts";
import { recordAudit } from "../audit/service.ts";
import { csvQuerySchema, filtersQuerySchema } from "./schemas.ts";
import { dashboard } from "./service.ts";

const maxAge = () => config().statisticsCacheSeconds * 1000;

async function show(req: Request, res: Response) {
  const result = await dashboard(actorOf(req), filtersQuerySchema.parse(req.query), maxAge());
  const query = new URLSearchParams(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  query.delete("table");
  res.render("dashboards/index", { title: "Statistiques", ...result, csvQuery: query.toString() });
}

async function exportCsv(req: Request, res: Response) {
  const query = csvQuerySchema.parse(req.query);
  const actor = actorOf(req);
  const result = await dashboard(actor, query, maxAge());
  const table = result.tables.find((candidate) => candidate.name === query.table);
  if (!table) throw new NotFoundError();
  await recordAudit({
    actorId: actor.id,
    action: "STATISTICS_EXPORTED",
    entity: "Statistics",
    details: { table: table.name, filter: req.query },
  });
  sendCsv(res, `statistiques-${table.name}.csv`, toCsv(table.head, table.rows));
}

export const DASHBOARD_ROUTES: readonly Route[] = [
  { method: "get", path: "/statistics", permission: "statistics:dashboard", handler: show },
  { method: "get", path: "/statistics.csv", permission: "statistics:dashboard", handler: exportCsv },
];
