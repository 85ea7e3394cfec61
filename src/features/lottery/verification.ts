// Server-side re-verification of a stored draw (the "vérifié" / "non conforme" of
// /lottery/draws/:id). Nothing stored is trusted but the inputs: the frozen list and its published
// digest, the seed, the stratum and the seats; keys, ranks and outcomes are recomputed (proof.ts).
import { ALGORITHM, listDigest } from "./algorithm.ts";
import { verifyProof, type Proof, type ProofEntry } from "./proof.ts";

export type StoredDraw = {
  cohortName: string;
  stratum: string;
  seats: number;
  seed: string;
  listDigest: string;
  drawnAt: Date;
  /** Entries as stored, in rank order. */
  entries: ProofEntry[];
  /** The frozen list the draw was made from, and the digest published when it was frozen. */
  frozenRefs: string[];
  freezeDigest: string;
};

export type DrawVerification = { ok: boolean; problems: string[] };

export function proofOf(draw: Omit<StoredDraw, "frozenRefs" | "freezeDigest">): Proof {
  return {
    algorithm: ALGORITHM,
    cohort: draw.cohortName,
    stratum: draw.stratum,
    seats: draw.seats,
    seed: draw.seed,
    listDigest: draw.listDigest,
    drawnAt: draw.drawnAt.toISOString(),
    entries: draw.entries.map(({ ref, key, rank, outcome }) => ({ ref, key, rank, outcome })),
  };
}

export function verifyStoredDraw(draw: StoredDraw): DrawVerification {
  const result = verifyProof(proofOf(draw));
  const problems = result.ok ? [] : [...result.problems];
  if (listDigest(draw.frozenRefs) !== draw.freezeDigest) {
    problems.push("La liste figée ne correspond plus à l'empreinte publiée lors du gel.");
  }
  if (draw.listDigest !== draw.freezeDigest) {
    problems.push(
      `L'empreinte enregistrée avec le tirage (${draw.listDigest}) diffère de celle publiée lors du gel (${draw.freezeDigest}).`,
    );
  }
  const drawn = new Set(draw.entries.map((e) => e.ref));
  const frozen = new Set(draw.frozenRefs);
  const missing = [...frozen].filter((ref) => !drawn.has(ref));
  const extra = [...drawn].filter((ref) => !frozen.has(ref));
  if (missing.length > 0)
    problems.push(`Références figées absentes du tirage : ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? "…" : ""}.`);
  if (extra.length > 0)
    problems.push(
      `Références tirées qui n'étaient pas dans la liste figée : ${extra.slice(0, 10).join(", ")}${extra.length > 10 ? "…" : ""}.`,
    );
  return { ok: problems.length === 0, problems };
}
