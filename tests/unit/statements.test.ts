import { describe, expect, it } from "vitest";
import { isMonth, monthBounds, monthOf } from "../../src/domain/months.ts";
import { csvEuros, lessonCents, statementLines, statementTotals, type BillableEnrolment } from "../../src/features/statements/compute.ts";

const RATES = { hourlyRateCents: 4_550, examFeeCents: 9_000, assessmentCents: 6_000 };

const enrolment = (overrides: Partial<BillableEnrolment> = {}): BillableEnrolment => ({
  enrolmentId: "e1",
  youthId: "y1",
  cohortId: "c1",
  lessonMinutes: 0,
  exams: 0,
  assessments: 0,
  rates: RATES,
  aidRemainingCents: 100_000,
  ...overrides,
});

describe("statement computation", () => {
  it("statement — 5 h 30 of lessons at 45,50 €, one exam at 90 €, the assessment at 60 € — 400,25 € all covered", () => {
    const [line] = statementLines([enrolment({ lessonMinutes: 330, exams: 1, assessments: 1 })]);
    // 5.5 × 45,50 = 250,25 ; + 90 + 60
    expect(line).toMatchObject({ lessonCents: 25_025, examCents: 9_000, assessmentCents: 6_000, totalCents: 40_025 });
    expect(line).toMatchObject({ coveredCents: 40_025, notCoveredCents: 0, missingRate: false });
  });

  it("statement — a lesson of 45 minutes at 45,55 € — rounded to the nearest cent (34,1625 → 34,16)", () => {
    expect(lessonCents(45, 4_555)).toBe(3_416);
    expect(lessonCents(30, 4_551)).toBe(2_276); // 22,755 → 22,76: a half cent goes up
    expect(lessonCents(0, 4_551)).toBe(0);
  });

  it("statement — at the cap's edge: exactly the aid left — covered, nothing above", () => {
    const [line] = statementLines([enrolment({ lessonMinutes: 120, aidRemainingCents: 9_100 })]);
    expect(line).toMatchObject({ totalCents: 9_100, coveredCents: 9_100, notCoveredCents: 0 });
  });

  it("statement — one cent above the aid left — 1 cent not covered", () => {
    const [line] = statementLines([enrolment({ lessonMinutes: 120, aidRemainingCents: 9_099 })]);
    expect(line).toMatchObject({ totalCents: 9_100, coveredCents: 9_099, notCoveredCents: 1 });
  });

  it("statement — no aid left, or a ledger above its cap — nothing covered, never negative", () => {
    const lines = statementLines([
      enrolment({ lessonMinutes: 60, aidRemainingCents: 0 }),
      enrolment({ enrolmentId: "e2", youthId: "y2", lessonMinutes: 60, aidRemainingCents: -500 }),
    ]);
    expect(lines.map((line) => [line.coveredCents, line.notCoveredCents])).toEqual([
      [0, 4_550],
      [0, 4_550],
    ]);
  });

  it("statement — two lines of one youth in one cohort — share the aid left, the first served first", () => {
    const lines = statementLines([
      enrolment({ lessonMinutes: 60, aidRemainingCents: 6_000 }),
      enrolment({ enrolmentId: "e2", lessonMinutes: 60, aidRemainingCents: 6_000 }),
      enrolment({ enrolmentId: "e3", youthId: "y2", lessonMinutes: 60, aidRemainingCents: 6_000 }),
    ]);
    expect(lines.map((line) => line.coveredCents)).toEqual([4_550, 1_450, 4_550]);
    expect(statementTotals(lines)).toEqual({
      lessonMinutes: 180,
      lessonCents: 13_650,
      examCents: 0,
      assessmentCents: 0,
      totalCents: 13_650,
      coveredCents: 10_550,
      notCoveredCents: 3_100,
    });
  });

  it("statement — lessons without an hourly rate — 0 € and flagged; exams alone need none", () => {
    const noHour = { ...RATES, hourlyRateCents: null };
    const [lessons, examOnly] = statementLines([
      enrolment({ lessonMinutes: 60, rates: noHour }),
      enrolment({ enrolmentId: "e2", youthId: "y2", exams: 1, rates: noHour }),
    ]);
    expect(lessons).toMatchObject({ lessonCents: 0, missingRate: true });
    expect(examOnly).toMatchObject({ totalCents: 9_000, missingRate: false });
  });
});

describe("statement months", () => {
  it("months — bounds in Paris time — winter and summer offsets, December into January", () => {
    expect(monthBounds("2026-11")).toEqual({ start: new Date("2026-10-31T23:00:00Z"), end: new Date("2026-11-30T23:00:00Z") });
    expect(monthBounds("2026-07").start).toEqual(new Date("2026-06-30T22:00:00Z"));
    expect(monthBounds("2026-12").end).toEqual(new Date("2026-12-31T23:00:00Z"));
  });

  it("months — the month of an instant in Paris, and the one before — across a new year", () => {
    expect(monthOf(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01");
    expect(monthOf(new Date("2027-01-15T12:00:00Z"), -1)).toBe("2026-12");
    expect(monthOf(new Date("2026-11-15T12:00:00Z"), -1)).toBe("2026-10");
  });

  it("months — only YYYY-MM with a real month", () => {
    expect(["2026-11", "2026-01", "2026-12"].every(isMonth)).toBe(true);
    expect(["2026-13", "2026-00", "2026-1", "11-2026", ""].some(isMonth)).toBe(false);
  });

  it("CSV amounts — French decimals with two digits", () => {
    expect([csvEuros(1_250), csvEuros(5), csvEuros(100_000), csvEuros(0)]).toEqual(["12,50", "0,05", "1000,00", "0,00"]);
  });
});
