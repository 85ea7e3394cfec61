// Fixtures of the authorization matrix for the monthly statements, the rates and the budget. A
// school reads its own statements (another school's: 404); the rates are the coordinator's only.
import type { Fixture, World } from "./foundation.ts";
import { monthOf } from "../../../src/domain/months.ts";

const ownSchool = { inScope: (w: World) => w.home.school.id, outOfScope: (w: World) => w.away.school.id };

export const STATEMENT_FIXTURES: Fixture[] = [
  { method: "GET", path: "/statements" },
  { method: "GET", path: "/statements/:id", target: ownSchool },
  { method: "GET", path: "/statements/:id/releve.csv", target: ownSchool },
  // Last month, over: the coordinator validates it (303); nobody else may.
  { method: "POST", path: "/statements/:id/validate", target: ownSchool, body: { month: monthOf(new Date(), -1) } },
  { method: "GET", path: "/territories/schools/:id/rates", target: { inScope: (w: World) => w.home.school.id } },
  { method: "POST", path: "/territories/schools/:id/rates", target: { inScope: (w: World) => w.home.school.id }, body: {} },
  { method: "GET", path: "/budget" },
];
