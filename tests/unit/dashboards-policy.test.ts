import { describe, expect, it } from "vitest";
import { can, statisticsView, type Actor } from "../../src/auth/policy.ts";

const actor = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
  id: "u1",
  role,
  missionLocaleId: null,
  drivingSchoolId: null,
  youthId: null,
  ...scope,
});

describe("dashboards — the policy's view of the statistics", () => {
  it("each role — its scope, its filters, its tables", () => {
    expect(statisticsView(actor("ADMIN"))).toMatchObject({ reach: { kind: "ALL" }, picksMissionLocale: true, budgetBy: "MISSION_LOCALE" });
    expect(statisticsView(actor("EVALUATOR"))).toMatchObject({ reach: { kind: "ALL" }, showsFunnel: true, budgetBy: null });
    expect(statisticsView(actor("REFERENT", { missionLocaleId: "ml" }))).toMatchObject({
      reach: { kind: "MISSION_LOCALE", missionLocaleId: "ml" },
      picksMissionLocale: false,
      picksCaseload: true,
      budgetBy: "SCHOOL",
    });
    expect(statisticsView(actor("SCHOOL", { drivingSchoolId: "s" }))).toMatchObject({
      reach: { kind: "SCHOOL", drivingSchoolId: "s" },
      picksSchool: false,
      showsFunnel: false,
      budgetBy: null,
    });
    expect(statisticsView(actor("REFERENT"))).toMatchObject({ reach: { kind: "NONE" } });
    expect(statisticsView(actor("YOUTH", { youthId: "y" }))).toMatchObject({ reach: { kind: "NONE" } });
  });

  it("statistics:dashboard — every role but the youth; the school has it without statistics:read", () => {
    expect(
      ["ADMIN", "REFERENT", "SCHOOL", "EVALUATOR", "YOUTH"].map((role) => can(actor(role as Actor["role"]), "statistics:dashboard")),
    ).toEqual([true, true, true, true, false]);
    expect(can(actor("SCHOOL"), "statistics:read")).toBe(false);
  });
});
