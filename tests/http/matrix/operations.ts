// Fixtures of the authorization matrix for the coordinator's operations: the school comparison
// and the operational exports (no record in the path: the coordinator only).
import type { Fixture } from "./foundation.ts";

export const OPERATION_FIXTURES: Fixture[] = [
  { method: "GET", path: "/schools/comparison" },
  { method: "GET", path: "/schools/comparison.csv" },
  { method: "GET", path: "/exports" },
  { method: "GET", path: "/exports/lessons.csv" },
  { method: "GET", path: "/exports/payments.csv" },
  { method: "GET", path: "/exports/applications.csv" },
  { method: "GET", path: "/exports/surveys.csv" },
];
