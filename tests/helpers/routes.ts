import type { Express } from "express";
import { ROUTES_SETTING, type AuditedView, type Route } from "../../src/http/routes.ts";
import type { Permission } from "../../src/auth/policy.ts";
import { FOUNDATION_FIXTURES, type Fixture } from "../http/matrix/foundation.ts";
import { SCHOOL_FIXTURES } from "../http/matrix/school.ts";
import { LOTTERY_FIXTURES } from "../http/matrix/lottery.ts";
import { TERRITORY_FIXTURES } from "../http/matrix/territories.ts";
import { RECOMMENDATION_FIXTURES } from "../http/matrix/recommendations.ts";
import { PAYMENT_FIXTURES } from "../http/matrix/payments.ts";
import { STATEMENT_FIXTURES } from "../http/matrix/statements.ts";
import { RESOURCE_FIXTURES } from "../http/matrix/resources.ts";
import { YOUTH_APP_FIXTURES } from "../http/matrix/youth-app.ts";
import { EVALUATION_FIXTURES } from "../http/matrix/evaluation.ts";
import { OPERATION_FIXTURES } from "../http/matrix/operations.ts";
import { SURVEY_FIXTURES } from "../http/matrix/surveys.ts";
import { DASHBOARD_FIXTURES } from "../http/matrix/dashboards.ts";
import { SECOND_FACTOR_FIXTURES } from "../http/matrix/second-factor.ts";
import { testApp } from "./app.ts";

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** Every "METHOD /path" the app answers, read from Express's router (nested routers included). */
export function registeredRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack);
  return [...new Set(found)].sort();
}

export const ALL_FIXTURES: readonly Fixture[] = [
  ...FOUNDATION_FIXTURES,
  ...SCHOOL_FIXTURES,
  ...LOTTERY_FIXTURES,
  ...TERRITORY_FIXTURES,
  ...RECOMMENDATION_FIXTURES,
  ...PAYMENT_FIXTURES,
  ...STATEMENT_FIXTURES,
  ...RESOURCE_FIXTURES,
  ...YOUTH_APP_FIXTURES,
  ...EVALUATION_FIXTURES,
  ...OPERATION_FIXTURES,
  ...SURVEY_FIXTURES,
  ...DASHBOARD_FIXTURES,
  ...SECOND_FACTOR_FIXTURES,
];

/** A row's path with its record: the one parameter (:id, or :slug for the resource centre). */
export function pathTo(path: string, id: string): string {
  return path.replace(/:(id|slug)\b/, id);
}

/** A row of the app's route table joined with its test fixtures. */
export type MatrixRow = Fixture & { permission: Permission | "public"; audit?: AuditedView };

/** The app's own route table (what createApp mounted), each row with its fixtures when it has some. */
export function appRouteTable(): MatrixRow[] {
  const table = testApp().get(ROUTES_SETTING) as readonly Route[];
  return table.map((route) => {
    const method = route.method === "get" ? "GET" : "POST";
    const fixture = ALL_FIXTURES.find((f) => f.method === method && f.path === route.path);
    return { ...fixture, method, path: route.path, permission: route.permission, audit: route.audit };
  });
}
