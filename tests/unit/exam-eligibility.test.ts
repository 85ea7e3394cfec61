import { describe, expect, it } from "vitest";
import { examRefusal, theoryValidOn, theoryValidUntil, type ExamContext } from "../../src/features/exams/rules.ts";
import { readOnlyReason } from "../../src/domain/enrolment-status.ts";

const context = (extra: Partial<ExamContext> = {}): ExamContext => ({
  today: "2026-12-01",
  status: "ACTIVE",
  enrolledOn: "2026-01-05",
  theoryPassedOn: ["2026-02-01"],
  licenceOn: null,
  ...extra,
});
const practical = (day: string, result: "PASSED" | "FAILED" | "ABSENT" = "FAILED") => ({ kind: "PRACTICAL" as const, result, day });
const theory = (day: string) => ({ kind: "THEORY" as const, result: "PASSED" as const, day });

describe("theory validity (five years)", () => {
  it("theoryValidUntil — a pass on 2021-04-02 — counts until 2026-04-02", () => {
    expect(theoryValidUntil("2021-04-02")).toBe("2026-04-02");
  });

  it("theoryValidUntil — a pass on 29 February — counts until 28 February five years on", () => {
    expect(theoryValidUntil("2024-02-29")).toBe("2029-02-28");
  });

  it("theoryValidOn — the practical exactly five years after the pass — valid", () => {
    expect(theoryValidOn(["2021-04-02"], "2026-04-02")).toBe(true);
  });

  it("theoryValidOn — the practical five years and one day after the pass — not valid", () => {
    expect(theoryValidOn(["2021-04-02"], "2026-04-03")).toBe(false);
  });

  it("theoryValidOn — a pass the same day as the practical — valid; the day after — not yet", () => {
    expect(theoryValidOn(["2026-04-02"], "2026-04-02")).toBe(true);
    expect(theoryValidOn(["2026-04-03"], "2026-04-02")).toBe(false);
  });

  it("theoryValidOn — an expired pass and a recent one — the recent one counts", () => {
    expect(theoryValidOn(["2019-05-01", "2025-09-10"], "2026-04-02")).toBe(true);
  });

  it("theoryValidOn — no pass at all — not valid", () => {
    expect(theoryValidOn([], "2026-04-02")).toBe(false);
  });
});

describe("exam refusal", () => {
  it("examRefusal — a practical with a valid theory pass, in an active enrolment — null", () => {
    expect(examRefusal(practical("2026-04-02"), context())).toBeNull();
  });

  it("examRefusal — a practical without a theory pass — refused on the kind", () => {
    expect(examRefusal(practical("2026-04-02"), context({ theoryPassedOn: [] }))).toMatchObject({
      field: "kind",
      message: expect.stringContaining("Pas de code valable") as unknown,
    });
  });

  it("examRefusal — a practical one day past the theory's five years — refused, naming the end of validity", () => {
    const refusal = examRefusal(practical("2026-04-03"), context({ enrolledOn: "2021-01-04", theoryPassedOn: ["2021-04-02"] }));
    expect(refusal).toMatchObject({ field: "kind" });
    expect(refusal?.message).toContain("jusqu'au 02/04/2026");
  });

  it("examRefusal — a practical exactly five years after the theory pass — null", () => {
    expect(examRefusal(practical("2026-04-02"), context({ enrolledOn: "2021-01-04", theoryPassedOn: ["2021-04-02"] }))).toBeNull();
  });

  it("examRefusal — a theory exam without any earlier pass — null (the theory needs no theory)", () => {
    expect(examRefusal(theory("2026-04-02"), context({ theoryPassedOn: [] }))).toBeNull();
  });

  it("examRefusal — a second passed practical — refused on the result, even on an enrolment already completed", () => {
    expect(examRefusal(practical("2026-06-02", "PASSED"), context({ licenceOn: "2026-04-02", status: "COMPLETED" }))).toMatchObject({
      field: "result",
    });
  });

  it("examRefusal — a failed practical after the licence, on a completed enrolment — refused as read-only", () => {
    expect(examRefusal(practical("2026-06-02"), context({ licenceOn: "2026-04-02", status: "COMPLETED" }))).toMatchObject({
      field: "_form",
    });
  });

  it("examRefusal — the day before the enrolment — refused on the date; the enrolment day — null", () => {
    expect(examRefusal(theory("2026-01-04"), context())).toMatchObject({ field: "date" });
    expect(examRefusal(theory("2026-01-05"), context())).toBeNull();
  });

  it("examRefusal — tomorrow — refused on the date; today — null", () => {
    expect(examRefusal(theory("2026-12-02"), context())).toMatchObject({
      field: "date",
      message: expect.stringContaining("à venir") as unknown,
    });
    expect(examRefusal(theory("2026-12-01"), context())).toBeNull();
  });

  for (const status of ["SUSPENDED", "COMPLETED", "DROPPED"]) {
    it(`examRefusal — an enrolment ${status} — refused as read-only`, () => {
      expect(examRefusal(theory("2026-04-02"), context({ status }))).toEqual({ field: "_form", message: readOnlyReason(status) });
    });
  }
});

describe("read-only enrolments", () => {
  it("readOnlyReason — ACTIVE — null; every other status — a French reason", () => {
    expect(readOnlyReason("ACTIVE")).toBeNull();
    expect(readOnlyReason("SUSPENDED")).toContain("suspendue");
    expect(readOnlyReason("COMPLETED")).toContain("terminée");
    expect(readOnlyReason("DROPPED")).toContain("close");
  });
});
