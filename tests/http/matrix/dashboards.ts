// Fixtures of the authorization matrix for the dashboards: no record in the path, the figures are
// scoped by the policy (tests/http/dashboards.test.ts checks each role's scope).
import type { Fixture } from "./foundation.ts";

export const DASHBOARD_FIXTURES: Fixture[] = [
  { method: "GET", path: "/statistics" },
  { method: "GET", path: "/statistics.csv" },
];
