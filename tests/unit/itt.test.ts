// The intention-to-treat estimates against values computed by hand on a small fixed data set.
import { describe, expect, it } from "vitest";
import {
  differentialAttrition,
  estimate,
  ittSummary,
  responseRate,
  stratifiedEstimate,
  type Binary,
  type IttRow,
} from "../../src/domain/itt.ts";

function rows(cohort: string, stratum: string, treated: Binary[], control: Binary[]): IttRow[] {
  const row = (assigned: 0 | 1, licence: Binary): IttRow => ({
    cohort,
    stratum,
    assigned,
    licence,
    employed_m12: null,
    employed_m24: null,
  });
  return [...treated.map((v) => row(1, v)), ...control.map((v) => row(0, v))];
}

// Block A: treated 1,1,0,1 (mean 3/4, variance 1/4), control 0,1,0 (mean 1/3, variance 1/3).
// Block B: treated 1,0 and control 0,1 (means 1/2, variances 1/2).
// Block C: one treated answer only. Block D: no treated answer at all.
const DATA: IttRow[] = [
  ...rows("2025", "X", [1, 1, 0, 1], [0, 1, 0]),
  ...rows("2025", "Y", [1, 0], [0, 1]),
  ...rows("2025", "Z", [1, null], [0, 1]),
  ...rows("2026", "Z", [null, null], [1, 0]),
];

describe("intention to treat — one stratum", () => {
  it("estimate — block A — difference of means, standard error and interval as computed by hand", () => {
    const a = ittSummary(DATA).outcomes.licence.strata.X!;
    expect(a.n1).toBe(4);
    expect(a.n0).toBe(3);
    expect(a.mean1).toBeCloseTo(0.75, 12);
    expect(a.mean0).toBeCloseTo(1 / 3, 12);
    expect(a.itt).toBeCloseTo(5 / 12, 12);
    // sqrt(1/4 / 4 + 1/3 / 3) = sqrt(25/144)
    expect(a.se).toBeCloseTo(5 / 12, 12);
    expect(a.ci95![0]).toBeCloseTo(5 / 12 - 1.96 * (5 / 12), 12);
    expect(a.ci95![1]).toBeCloseTo(5 / 12 + 1.96 * (5 / 12), 12);
  });

  it("estimate — one answer in a group — means kept, itt, se and ci95 null", () => {
    const oneAnswer = estimate([
      { assigned: 1, value: 1 },
      { assigned: 1, value: null },
      { assigned: 0, value: 0 },
      { assigned: 0, value: 1 },
    ]);
    expect(oneAnswer).toEqual({ n1: 1, n0: 2, mean1: 1, mean0: 0.5, itt: null, se: null, ci95: null });
  });

  it("estimate — a group without any answer — its mean null, n counted as 0", () => {
    const noAnswer = estimate([
      { assigned: 1, value: null },
      { assigned: 0, value: 1 },
      { assigned: 0, value: 0 },
    ]);
    expect(noAnswer).toEqual({ n1: 0, n0: 2, mean1: null, mean0: 0.5, itt: null, se: null, ci95: null });
  });

  it("summary — stratum Z pools its two cohorts: 1 treated answer, 4 control answers — nulls", () => {
    expect(ittSummary(DATA).outcomes.licence.strata.Z).toEqual({ n1: 1, n0: 4, mean1: 1, mean0: 0.5, itt: null, se: null, ci95: null });
  });

  it("summary — an outcome nobody answered — n 0, every figure null, stratified null", () => {
    const m12 = ittSummary(DATA).outcomes.employed_m12;
    expect(m12.overall).toEqual({ n1: 0, n0: 0, mean1: null, mean0: null, itt: null, se: null, ci95: null });
    expect(m12.stratified).toEqual({ itt: null, se: null, ci95: null });
  });
});

describe("intention to treat — pooled and stratified", () => {
  it("overall — every answer together — the pooled difference computed by hand", () => {
    const overall = ittSummary(DATA).outcomes.licence.overall;
    // treated 1,1,0,1,1,0,1 (5 of 7); control 0,1,0,0,1,0,1,1,0 (4 of 9)
    const var1 = (5 / 7) * (2 / 7) * (7 / 6);
    const var0 = (4 / 9) * (5 / 9) * (9 / 8);
    expect(overall.n1).toBe(7);
    expect(overall.n0).toBe(9);
    expect(overall.itt).toBeCloseTo(5 / 7 - 4 / 9, 12);
    expect(overall.se).toBeCloseTo(Math.sqrt(var1 / 7 + var0 / 9), 12);
  });

  it("stratified — blocks A and B qualify (C and D do not) — weights 7/11 and 4/11", () => {
    const stratified = ittSummary(DATA).outcomes.licence.stratified;
    const itt = (7 / 11) * (5 / 12) + (4 / 11) * 0;
    const se = Math.sqrt((7 / 11) ** 2 * (25 / 144) + (4 / 11) ** 2 * 0.5);
    expect(stratified.itt).toBeCloseTo(itt, 12);
    expect(stratified.se).toBeCloseTo(se, 12);
    expect(stratified.ci95![0]).toBeCloseTo(itt - 1.96 * se, 12);
    expect(stratified.ci95![1]).toBeCloseTo(itt + 1.96 * se, 12);
  });

  it("stratified — no block with an estimate — all null", () => {
    expect(stratifiedEstimate([{ n1: 1, n0: 3, mean1: 1, mean0: 0, itt: null, se: null, ci95: null }])).toEqual({
      itt: null,
      se: null,
      ci95: null,
    });
  });
});

describe("intention to treat — attrition", () => {
  it("response rates 80 % and 74 % — more than 5 points apart — flagged; 80 % and 76 % — not", () => {
    expect(differentialAttrition(responseRate(100, 80), responseRate(100, 74))).toBe(true);
    expect(differentialAttrition(responseRate(100, 80), responseRate(100, 76))).toBe(false);
  });

  it("a group with no survey due — no rate, never flagged", () => {
    expect(responseRate(0, 0).rate).toBeNull();
    expect(differentialAttrition(responseRate(0, 0), responseRate(10, 2))).toBe(false);
  });
});
