// Lottery draw benchmark: one stratum of 10 000 synthetic refs, timed end to end
// (freeze digest, ranking, proof verification). Run: npx tsx bench/lottery-draw.ts
import { performance } from "node:perf_hooks";
import { ALGORITHM, listDigest, rankApplicants } from "../src/features/lottery/algorithm.ts";
import { verifyProof, type Proof } from "../src/features/lottery/proof.ts";

const APPLICANTS = 10_000;
const SEATS = 1_500;
const RUNS = 7;
const TARGET_MS = 1_000;

const refs = Array.from({ length: APPLICANTS }, (_, index) => `AUT-2026-${String(index + 1).padStart(5, "0")}`);
const seed = "2026-03-14 12 07 33 41 48";
const stratum = "ORLEANS";

type Timing = { digest: number; rank: number; verify: number; total: number };

function runOnce(): Timing {
  const start = performance.now();
  const digest = listDigest(refs);
  const afterDigest = performance.now();
  const entries = rankApplicants(seed, stratum, refs, SEATS);
  const afterRank = performance.now();
  const proof: Proof = {
    algorithm: ALGORITHM,
    cohort: "Banc d'essai",
    stratum,
    seats: SEATS,
    seed,
    listDigest: digest,
    drawnAt: new Date().toISOString(),
    entries,
  };
  const verification = verifyProof(proof);
  const end = performance.now();
  if (!verification.ok) throw new Error(`benchmark proof rejected: ${verification.problems[0] ?? ""}`);
  return { digest: afterDigest - start, rank: afterRank - afterDigest, verify: end - afterRank, total: end - start };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

// The first run pays for JIT warm-up and module loading; it is reported but not counted.
const warmUp = runOnce();
const timings = Array.from({ length: RUNS }, runOnce);

const format = (ms: number): string => `${ms.toFixed(1)} ms`;
console.log(`Tirage : ${APPLICANTS} références, ${SEATS} places, ${RUNS} mesures (+1 de chauffe à ${format(warmUp.total)})`);
const STEP_LABELS: Record<keyof Timing, string> = {
  digest: "empreinte",
  rank: "classement",
  verify: "vérification",
  total: "total",
};
for (const step of ["digest", "rank", "verify", "total"] as const) {
  const values = timings.map((timing) => timing[step]);
  console.log(
    `  ${STEP_LABELS[step].padEnd(12)}  médiane ${format(median(values)).padStart(10)}  max ${format(Math.max(...values)).padStart(10)}`,
  );
}
const worst = Math.max(...timings.map((timing) => timing.total));
console.log(
  worst < TARGET_MS
    ? `Objectif tenu : pire mesure ${format(worst)} < ${TARGET_MS} ms.`
    : `Objectif MANQUÉ : pire mesure ${format(worst)} ≥ ${TARGET_MS} ms.`,
);
process.exitCode = worst < TARGET_MS ? 0 : 1;
