// Fixtures of the authorization matrix for the recommendations workflow: a school proposes and
// carries out but does not decide; a youth only reads (acknowledges) their own accepted ones.
import type { Fixture, World } from "./foundation.ts";
import { dayFromToday, makeRecommendation } from "../../helpers/recommendation-factories.ts";

const youthTarget = { inScope: (w: World) => w.home.youth.id, outOfScope: (w: World) => w.away.youth.id };
const recommendationTarget = (status: "PROPOSED" | "ACCEPTED") => ({
  inScope: async (w: World) => (await makeRecommendation(w.home.youth.id, w.home.schoolUser.id, { status })).id,
  outOfScope: async (w: World) => (await makeRecommendation(w.away.youth.id, w.away.schoolUser.id, { status })).id,
});

export const RECOMMENDATION_FIXTURES: Fixture[] = [
  // Valid forms: the record in scope answers 303, the one out of scope 404.
  {
    method: "POST",
    path: "/youths/:id/recommendations",
    target: youthTarget,
    body: { kind: "MOCK_EXAM", text: "Un examen blanc avant la présentation.", dueOn: dayFromToday(14) },
  },
  // No warning on the matrix's youth: a valid form that proposes nothing (422) in scope, 404 out of it.
  { method: "POST", path: "/youths/:id/recommendations/suggested", target: youthTarget, body: { warning: "OPEN_DIFFICULTY" } },
  { method: "POST", path: "/recommendations/:id/decision", target: recommendationTarget("PROPOSED"), body: { decision: "ACCEPTED" } },
  { method: "POST", path: "/recommendations/:id/done", target: recommendationTarget("ACCEPTED") },
  { method: "POST", path: "/recommendations/:id/acknowledge", target: recommendationTarget("ACCEPTED") },
];
