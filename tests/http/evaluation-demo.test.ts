// The "Done when" of the evaluation, on the demo programme: the summary matches, to 1e-9, an
// estimate recomputed here from the export's rows with code of this file's own, pooled and
// stratified, for the whole programme and for each cohort.
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn, type Agent } from "../helpers/app.ts";
import { testDb } from "../helpers/factories.ts";
import { seedDemo } from "../../scripts/demo/seed.ts";

const OUTCOMES = ["licence", "employed_m12", "employed_m24"] as const;
type Row = Record<string, string>;
type Stats = { n1: number; n0: number; mean1: number | null; mean0: number | null; itt: number | null; se: number | null };

let agent: Agent;

beforeAll(async () => {
  await seedDemo(testDb, { today: new Date() });
  agent = (await signedIn("evaluation@autonomie.test", "Autonomie-2026!")).agent;
}, 180_000);

function parse(text: string): Row[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  const header = lines[0]!.split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]!]));
  });
}

/** Difference of means with the unbiased variances, from the rows' text cells. */
function stats(rows: readonly Row[], outcome: string): Stats {
  const values = (group: string) => rows.filter((r) => r.assigned === group && r[outcome] !== "").map((r) => Number(r[outcome]));
  const x1 = values("1");
  const x0 = values("0");
  const avg = (x: number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : null);
  const m1 = avg(x1);
  const m0 = avg(x0);
  if (x1.length < 2 || x0.length < 2) return { n1: x1.length, n0: x0.length, mean1: m1, mean0: m0, itt: null, se: null };
  const s2 = (x: number[], m: number) => x.reduce((a, v) => a + (v - m) * (v - m), 0) / (x.length - 1);
  return {
    n1: x1.length,
    n0: x0.length,
    mean1: m1,
    mean0: m0,
    itt: m1! - m0!,
    se: Math.sqrt(s2(x1, m1!) / x1.length + s2(x0, m0!) / x0.length),
  };
}

function blocked(rows: readonly Row[], outcome: string): { itt: number | null; se: number | null } {
  const blocks = new Map<string, Row[]>();
  for (const r of rows) blocks.set(`${r.cohort}/${r.stratum}`, [...(blocks.get(`${r.cohort}/${r.stratum}`) ?? []), r]);
  const estimates = [...blocks.values()].map((b) => stats(b, outcome)).filter((s) => s.itt !== null);
  const total = estimates.reduce((a, s) => a + s.n1 + s.n0, 0);
  if (estimates.length === 0) return { itt: null, se: null };
  const itt = estimates.reduce((a, s) => a + ((s.n1 + s.n0) / total) * s.itt!, 0);
  const variance = estimates.reduce((a, s) => a + ((s.n1 + s.n0) / total) ** 2 * s.se! ** 2, 0);
  return { itt, se: Math.sqrt(variance) };
}

function close(actual: number | null, expected: number | null, what: string) {
  if (expected === null) return expect(actual, what).toBeNull();
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), what).toBeLessThan(1e-9);
}

type Estimate = Stats & { ci95: [number, number] | null };
type Summary = {
  outcomes: Record<
    string,
    { overall: Estimate; strata: Record<string, Estimate>; stratified: Omit<Estimate, "n1" | "n0" | "mean1" | "mean0"> }
  >;
};

function check(summary: Summary, rows: readonly Row[]) {
  for (const outcome of OUTCOMES) {
    const own = summary.outcomes[outcome]!;
    const compare = (actual: Estimate, expected: Stats, what: string) => {
      expect(actual.n1, what).toBe(expected.n1);
      expect(actual.n0, what).toBe(expected.n0);
      close(actual.mean1, expected.mean1, `${what} mean1`);
      close(actual.mean0, expected.mean0, `${what} mean0`);
      close(actual.itt, expected.itt, `${what} itt`);
      close(actual.se, expected.se, `${what} se`);
      if (expected.itt !== null) {
        close(actual.ci95![0], expected.itt - 1.96 * expected.se!, `${what} ci95 low`);
        close(actual.ci95![1], expected.itt + 1.96 * expected.se!, `${what} ci95 high`);
      }
    };
    compare(own.overall, stats(rows, outcome), `${outcome} overall`);
    const strata = [...new Set(rows.map((r) => r.stratum!))].sort();
    expect(Object.keys(own.strata).sort()).toEqual(strata);
    for (const stratum of strata)
      compare(
        own.strata[stratum]!,
        stats(
          rows.filter((r) => r.stratum === stratum),
          outcome,
        ),
        `${outcome} ${stratum}`,
      );
    const expected = blocked(rows, outcome);
    close(own.stratified.itt, expected.itt, `${outcome} stratified itt`);
    close(own.stratified.se, expected.se, `${outcome} stratified se`);
  }
}

describe("evaluation on the demo", () => {
  it("summary.json — the whole demo — matches the recomputation from export.csv to 1e-9, pooled and stratified", async () => {
    const rows = parse((await agent.get("/evaluation/export.csv")).text);
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r.stratum))).toEqual(new Set(["ORLEANS", "MONTARGIS", "PITHIVIERS"]));
    const summary = (await agent.get("/evaluation/summary.json")).body as Summary;
    check(summary, rows);
    // The finished cohort answered its 24-month surveys: every estimate exists.
    for (const outcome of OUTCOMES) expect(summary.outcomes[outcome]!.stratified.itt, outcome).not.toBeNull();
  });

  it("summary.json?cohort= — each demo cohort — matches the recomputation from that cohort's export", async () => {
    const cohorts = await testDb.cohort.findMany({ select: { name: true } });
    expect(cohorts).toHaveLength(2);
    for (const { name } of cohorts) {
      const query = `?cohort=${encodeURIComponent(name)}`;
      const rows = parse((await agent.get(`/evaluation/export.csv${query}`)).text);
      expect(rows.length, name).toBeGreaterThan(100);
      expect(new Set(rows.map((r) => r.cohort))).toEqual(new Set([name]));
      check((await agent.get(`/evaluation/summary.json${query}`)).body as Summary, rows);
    }
  });

  it("/evaluation — the demo — the method, the balance table, the response rates and every outcome", async () => {
    const page = await agent.get("/evaluation");
    expect(page.status).toBe(200);
    for (const text of [
      "intention de traiter",
      "Équilibre des groupes au tirage",
      "Taux de réponse",
      "Permis obtenu",
      "En emploi à 24 mois",
      "ORLEANS",
    ]) {
      expect(page.text).toContain(text);
    }
  });
});
