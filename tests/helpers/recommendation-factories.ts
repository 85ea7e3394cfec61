// Test data of the recommendations workflow, on the test file's own database.
import { testDb } from "./factories.ts";
import { parisIsoDay, utcDay } from "../../src/domain/time.ts";
import { shiftDay } from "../../src/http/fields.ts";
import type { RecommendationKind, RecommendationStatus } from "../../src/domain/enums.ts";

/** YYYY-MM-DD of the Paris day `days` from today. */
export const dayFromToday = (days: number) => shiftDay(parisIsoDay(new Date()), days);

/** A recommendation proposed by `authorId` (still PROPOSED unless told otherwise). */
export async function makeRecommendation(
  youthId: string,
  authorId: string | null,
  options: { status?: RecommendationStatus; kind?: RecommendationKind; lessonsPerWeek?: number; text?: string } = {},
) {
  const status = options.status ?? "PROPOSED";
  const decided = status !== "PROPOSED";
  return testDb.recommendation.create({
    data: {
      youthId,
      authorId,
      kind: options.kind ?? "EXTRA_LESSONS",
      status,
      text: options.text ?? "Deux leçons de plus sur les ronds-points.",
      dueOn: utcDay(dayFromToday(14)),
      lessonsPerWeek: options.lessonsPerWeek ?? null,
      decidedById: decided ? authorId : null,
      decidedAt: decided ? new Date() : null,
      doneById: status === "DONE" ? authorId : null,
      doneAt: status === "DONE" ? new Date() : null,
    },
  });
}
