import { describe, expect, it } from "vitest";
import { allows, paceOnAcceptance } from "../../src/features/recommendations/rules.ts";
import { proposalSchema } from "../../src/features/recommendations/schemas.ts";
import { RECOMMENDATION_STATUSES } from "../../src/domain/enums.ts";
import { dayFromToday } from "../helpers/recommendation-factories.ts";

describe("recommendation steps", () => {
  it("steps — each status — decided once, carried out once accepted, read once accepted", () => {
    const table = Object.fromEntries(
      RECOMMENDATION_STATUSES.map((status) => [
        status,
        [allows("decide", status), allows("complete", status), allows("acknowledge", status)],
      ]),
    );
    expect(table).toEqual({
      PROPOSED: [true, false, false],
      ACCEPTED: [false, true, true],
      DECLINED: [false, false, false],
      DONE: [false, false, true],
    });
  });

  it("pace on acceptance — a change of pace — its lessons per week; any other kind — none", () => {
    expect(paceOnAcceptance({ kind: "PACE_CHANGE", lessonsPerWeek: 2 })).toBe(2);
    expect(paceOnAcceptance({ kind: "EXTRA_LESSONS", lessonsPerWeek: 2 })).toBeNull();
    expect(paceOnAcceptance({ kind: "PACE_CHANGE", lessonsPerWeek: null })).toBeNull();
  });
});

describe("the proposal form", () => {
  const valid = { kind: "PACE_CHANGE", text: "Une leçon par semaine.", dueOn: dayFromToday(0), lessonsPerWeek: "1" };

  it("proposal — a change of pace due today — read, the pace a number", () => {
    expect(proposalSchema.parse(valid)).toEqual({ ...valid, lessonsPerWeek: 1 });
  });

  it("proposal — another kind sent with a pace — the pace dropped", () => {
    expect(proposalSchema.parse({ ...valid, kind: "MOCK_EXAM" }).lessonsPerWeek).toBeUndefined();
  });

  it("proposal — a change of pace without a pace and a bad text — both messages at once", () => {
    const result = proposalSchema.safeParse({ ...valid, text: "o", lessonsPerWeek: "" });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["text", "lessonsPerWeek"]);
  });

  it("proposal — 0 or 6 lessons, more than a year ahead — refused", () => {
    for (const lessonsPerWeek of ["0", "6", "1.5"]) expect(proposalSchema.safeParse({ ...valid, lessonsPerWeek }).success).toBe(false);
    expect(proposalSchema.safeParse({ ...valid, dueOn: dayFromToday(400) }).success).toBe(false);
  });
});
