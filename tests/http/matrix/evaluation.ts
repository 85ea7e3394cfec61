// Fixtures of the authorization matrix for the evaluation: the research team's pages and exports
// (no record), and a youth's withdrawal of consent (their file's scope).
import type { Fixture, World } from "./foundation.ts";

const youthTarget = { inScope: (w: World) => w.home.youth.id, outOfScope: (w: World) => w.away.youth.id };

export const EVALUATION_FIXTURES: Fixture[] = [
  { method: "GET", path: "/evaluation" },
  { method: "GET", path: "/evaluation/dictionary" },
  { method: "GET", path: "/evaluation/export.csv" },
  { method: "GET", path: "/evaluation/summary.json" },
  { method: "POST", path: "/youths/:id/evaluation-consent/withdraw", target: youthTarget, body: {} },
];
