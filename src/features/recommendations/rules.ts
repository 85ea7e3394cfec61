// Pure rules of the recommendations workflow: which step follows which, and what an acceptance
// changes. No database here: the service applies them, the unit tests call them directly.
import type { RecommendationKind, RecommendationStatus } from "../../domain/enums.ts";

/** A change of pace sets at most this many lessons a week: a pace the school can keep. */
export const MIN_PACE = 1;
export const MAX_PACE = 5;

export type Step = "decide" | "complete" | "acknowledge";

/** The status a recommendation must have for each step: a proposal is decided once, only an
 * accepted one is carried out, and the youth reads what was accepted (carried out or not). */
const FROM: Record<Step, readonly RecommendationStatus[]> = {
  decide: ["PROPOSED"],
  complete: ["ACCEPTED"],
  acknowledge: ["ACCEPTED", "DONE"],
};

export function allows(step: Step, status: RecommendationStatus): boolean {
  return FROM[step].includes(status);
}

export function statusesFor(step: Step): RecommendationStatus[] {
  return [...FROM[step]];
}

/** The youth's new weekly pace when this recommendation is accepted, or null when it sets none. */
export function paceOnAcceptance(recommendation: { kind: RecommendationKind; lessonsPerWeek: number | null }): number | null {
  return recommendation.kind === "PACE_CHANGE" ? recommendation.lessonsPerWeek : null;
}
