// Intention to treat: the groups are those of the draw (SELECTED = 1, WAITLISTED = 0), whatever
// happened next; each outcome compares the means of the two groups among those whose outcome is
// known. Pure functions: the export's rows in, the estimates out.

export const OUTCOMES = ["licence", "employed_m12", "employed_m24"] as const;
export type OutcomeName = (typeof OUTCOMES)[number];

/** 1, 0, or null when unknown (no answered survey). */
export type Binary = 0 | 1 | null;

/** One applicant ranked in a draw, as the export writes it (only what the estimates read). */
export type IttRow = { cohort: string; stratum: string; assigned: 0 | 1 } & Record<OutcomeName, Binary>;

export type Estimate = {
  n1: number;
  n0: number;
  mean1: number | null;
  mean0: number | null;
  itt: number | null;
  se: number | null;
  ci95: [number, number] | null;
};

export type BlockedEstimate = Pick<Estimate, "itt" | "se" | "ci95">;

export type OutcomeSummary = { overall: Estimate; strata: Record<string, Estimate>; stratified: BlockedEstimate };
export type IttSummary = { outcomes: Record<OutcomeName, OutcomeSummary> };

const Z95 = 1.96;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample variance (n − 1 in the denominator); null under two values. */
function sampleVariance(values: readonly number[], m: number): number | null {
  if (values.length < 2) return null;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

function ci95(itt: number, se: number): [number, number] {
  return [itt - Z95 * se, itt + Z95 * se];
}

/** The difference of means of one outcome between the groups, rows with the outcome missing left out. */
export function estimate(rows: readonly { assigned: 0 | 1; value: Binary }[]): Estimate {
  const treated = rows.filter((r) => r.assigned === 1 && r.value !== null).map((r) => r.value as number);
  const control = rows.filter((r) => r.assigned === 0 && r.value !== null).map((r) => r.value as number);
  const mean1 = mean(treated);
  const mean0 = mean(control);
  const base = { n1: treated.length, n0: control.length, mean1, mean0 };
  if (mean1 === null || mean0 === null) return { ...base, itt: null, se: null, ci95: null };
  const var1 = sampleVariance(treated, mean1);
  const var0 = sampleVariance(control, mean0);
  if (var1 === null || var0 === null) return { ...base, itt: null, se: null, ci95: null };
  const itt = mean1 - mean0;
  const se = Math.sqrt(var1 / treated.length + var0 / control.length);
  return { ...base, itt, se, ci95: ci95(itt, se) };
}

/** The blocked estimate: each block's difference weighted by its share of the answers, over the
 * blocks whose difference exists. */
export function stratifiedEstimate(blocks: readonly Estimate[]): BlockedEstimate {
  const usable = blocks.filter((b): b is Estimate & { itt: number; se: number } => b.itt !== null && b.se !== null);
  const total = usable.reduce((sum, b) => sum + b.n1 + b.n0, 0);
  if (usable.length === 0 || total === 0) return { itt: null, se: null, ci95: null };
  let itt = 0;
  let variance = 0;
  for (const b of usable) {
    const w = (b.n1 + b.n0) / total;
    itt += w * b.itt;
    variance += w * w * b.se * b.se;
  }
  const se = Math.sqrt(variance);
  return { itt, se, ci95: ci95(itt, se) };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Every estimate of one outcome: pooled, per stratum (Mission Locale) and blocked (cohort × stratum). */
export function outcomeSummary(rows: readonly IttRow[], outcome: OutcomeName): OutcomeSummary {
  const of = (subset: readonly IttRow[]) => estimate(subset.map((r) => ({ assigned: r.assigned, value: r[outcome] })));
  const strata = Object.fromEntries(
    [...groupBy(rows, (r) => r.stratum)].sort(([a], [b]) => a.localeCompare(b)).map(([stratum, subset]) => [stratum, of(subset)]),
  );
  // Randomisation blocks: no cohort name or Mission Locale code holds a line feed.
  const blocks = [...groupBy(rows, (r) => `${r.cohort}\n${r.stratum}`).values()].map(of);
  return { overall: of(rows), strata, stratified: stratifiedEstimate(blocks) };
}

export function ittSummary(rows: readonly IttRow[]): IttSummary {
  return {
    outcomes: {
      licence: outcomeSummary(rows, "licence"),
      employed_m12: outcomeSummary(rows, "employed_m12"),
      employed_m24: outcomeSummary(rows, "employed_m24"),
    },
  };
}

/** Estimates per subgroup (gender, employment status…): each pooled and blocked, like the whole. */
export function subgroupSummaries<T extends IttRow>(rows: readonly T[], outcome: OutcomeName, key: (row: T) => string) {
  return [...groupBy(rows, key)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, subset]) => {
      const summary = outcomeSummary(subset, outcome);
      return { group, pooled: summary.overall, stratified: summary.stratified };
    });
}

/** Response rate of one group at one wave: answered among those whose survey was due. */
export type ResponseRate = { due: number; answered: number; rate: number | null };

/** Attrition that differs between the groups: response rates further apart than this (5 points). */
const ATTRITION_GAP = 0.05;

export function responseRate(due: number, answered: number): ResponseRate {
  return { due, answered, rate: due === 0 ? null : answered / due };
}

export function differentialAttrition(treated: ResponseRate, control: ResponseRate): boolean {
  return treated.rate !== null && control.rate !== null && Math.abs(treated.rate - control.rate) > ATTRITION_GAP;
}
