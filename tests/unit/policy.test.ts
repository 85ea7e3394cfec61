import { describe, expect, it } from "vitest";
import { can, enrolmentScope, GRANTS, youthScope, type Actor } from "../../src/auth/policy.ts";

const actor = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
  id: "u1",
  role,
  missionLocaleId: null,
  drivingSchoolId: null,
  youthId: null,
  ...scope,
});

describe("policy", () => {
  it("can — a permission missing from the role's grants — is refused (deny by default)", () => {
    expect(can(actor("EVALUATOR"), "youth:read")).toBe(false);
    expect(can(actor("SCHOOL"), "account:create")).toBe(false);
    expect(can(undefined, "home:view")).toBe(false);
    expect(can(actor("ADMIN"), "account:deactivate")).toBe(true);
  });

  it("GRANTS — the evaluator — never reads a youth file or contact data", () => {
    expect(GRANTS.EVALUATOR.filter((p) => p.startsWith("youth:"))).toEqual([]);
  });

  it("youthScope — each role — builds the where clause of its scope", () => {
    expect(youthScope(actor("ADMIN"))).toEqual({});
    expect(youthScope(actor("REFERENT", { missionLocaleId: "ml" }))).toEqual({ missionLocaleId: "ml" });
    expect(youthScope(actor("SCHOOL", { drivingSchoolId: "s" }))).toEqual({
      enrolments: { some: { drivingSchoolId: "s", isCurrent: true } },
    });
    expect(youthScope(actor("YOUTH", { youthId: "y" }))).toEqual({ id: "y" });
    expect(youthScope(actor("EVALUATOR"))).toEqual({ id: { in: [] } });
  });

  it("scopes — a staff account without its attachment — match nothing", () => {
    expect(youthScope(actor("REFERENT"))).toEqual({ id: { in: [] } });
    expect(enrolmentScope(actor("SCHOOL"))).toEqual({ id: { in: [] } });
  });
});
