import { describe, expect, it } from "vitest";
import { attendanceRate, hoursOf, medianOfHistogram, monthsOfPeriod, percent } from "../../src/features/dashboards/compute.ts";
import { isMonth, monthHolding, shiftMonth } from "../../src/domain/months.ts";

describe("dashboards — computations", () => {
  it("percent — one decimal, null without a denominator", () => {
    expect(percent(1, 2)).toBe(50);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 4)).toBe(0);
    expect(percent(3, 0)).toBeNull();
  });

  it("attendanceRate — delivered over delivered plus missed", () => {
    // 7 lessons delivered, 1 excused and 2 unexcused absences: 7 / 10.
    expect(attendanceRate(7, 3)).toBe(70);
    expect(attendanceRate(0, 0)).toBeNull();
  });

  it("hoursOf — minutes as hours with one decimal", () => {
    expect(hoursOf(210)).toBe(3.5);
    expect(hoursOf(100)).toBe(1.7);
    expect(hoursOf(0)).toBe(0);
  });

  it("medianOfHistogram — the lower median of the expanded values", () => {
    // 2, 3, 3, 5, 9 → 3
    expect(
      medianOfHistogram([
        { value: 9, count: 1 },
        { value: 3, count: 2 },
        { value: 2, count: 1 },
        { value: 5, count: 1 },
      ]),
    ).toBe(3);
    // 4, 4, 6, 6 → lower median 4
    expect(
      medianOfHistogram([
        { value: 6, count: 2 },
        { value: 4, count: 2 },
      ]),
    ).toBe(4);
    // 1 ×1, 8 ×3 → 8
    expect(
      medianOfHistogram([
        { value: 1, count: 1 },
        { value: 8, count: 3 },
      ]),
    ).toBe(8);
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 2, count: 0 }])).toBeNull();
  });

  it("monthsOfPeriod — Paris months, both ends included, bounded", () => {
    const months = monthsOfPeriod("2025-11", "2026-02", 36);
    expect(months.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(months.map((m) => m.index)).toEqual([0, 1, 2, 3]);
    // Paris midnight: 23:00 UTC in winter, 22:00 UTC in summer.
    expect(months[0]?.start.toISOString()).toBe("2025-10-31T23:00:00.000Z");
    expect(months[3]?.end.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(monthsOfPeriod("2026-06", "2026-06", 36)[0]?.start.toISOString()).toBe("2026-05-31T22:00:00.000Z");
    expect(monthsOfPeriod("2020-01", "2026-06", 12).map((m) => m.month)[0]).toBe("2025-07");
    expect(monthsOfPeriod("2026-08", "2026-06", 12).map((m) => m.month)).toEqual(["2026-06"]);
  });

  it("months — read, shifted across years, and the Paris month of an instant", () => {
    expect(isMonth("2026-11")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("26-11")).toBe(false);
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2025-12", 13)).toBe("2027-01");
    expect(shiftMonth("2026-06", -71)).toBe("2020-07");
    // 31 December 23:30 UTC is already January in Paris.
    expect(monthHolding(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01");
    expect(monthHolding(new Date("2026-12-31T22:30:00Z"))).toBe("2026-12");
  });
});
