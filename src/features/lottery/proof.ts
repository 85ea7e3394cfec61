// The public proof of a draw (docs/lottery.md, "Verifiable stratified lottery") and its offline check.
// verifyProof trusts nothing in the file but its inputs (seed, stratum, seats, refs): every hash,
// rank and outcome is recomputed with algorithm.ts and compared with what the file claims.
import { z } from "zod";
import { DRAW_OUTCOMES, type DrawOutcome } from "../../domain/enums.ts";
import { ALGORITHM, applicantKey, listDigest, rankApplicants } from "./algorithm.ts";

export type ProofEntry = { ref: string; key: string; rank: number; outcome: DrawOutcome };

export type Proof = {
  algorithm: string;
  cohort: string;
  stratum: string;
  seats: number;
  seed: string;
  listDigest: string;
  drawnAt: string;
  entries: ProofEntry[];
};

export type ProofVerification = { ok: true } | { ok: false; problems: string[] };
export type ProofParsing = { ok: true; proof: Proof } | { ok: false; problems: string[] };

// Hashes are only required to be strings here: a wrong case or length is a verification
// problem reported against the entry, not a shape error that hides which entry is wrong.
// Strict: a proof carries exactly docs/lottery.md's fields, so nothing else (a name…) can ride along.
const proofEntrySchema = z.strictObject({
  ref: z.string().min(1),
  key: z.string(),
  rank: z.number().int().positive(),
  outcome: z.enum(DRAW_OUTCOMES),
});

const proofSchema: z.ZodType<Proof> = z.strictObject({
  algorithm: z.string(),
  cohort: z.string(),
  stratum: z.string().min(1),
  seats: z.number().int().nonnegative(),
  seed: z.string().min(1),
  listDigest: z.string(),
  drawnAt: z.iso.datetime({ offset: true }),
  entries: z.array(proofEntrySchema),
});

const LOWER_HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Parses an unknown JSON value; problems are French sentences naming the faulty field. */
export function parseProof(value: unknown): ProofParsing {
  const result = proofSchema.safeParse(value, { error: z.locales.fr().localeError });
  if (result.success) return { ok: true, proof: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "document";
      return `Champ « ${where} » : ${issue.message}`;
    }),
  };
}

function buildProofEntries(seed: string, stratum: string, refs: readonly string[], seats: number): ProofEntry[] {
  return rankApplicants(seed, stratum, refs, seats).map(({ ref, key, rank, outcome }) => ({
    ref,
    key,
    rank,
    outcome,
  }));
}

export function buildProof(input: {
  cohort: string;
  stratum: string;
  seats: number;
  seed: string;
  drawnAt: Date;
  refs: readonly string[];
}): Proof {
  return {
    algorithm: ALGORITHM,
    cohort: input.cohort,
    stratum: input.stratum,
    seats: input.seats,
    seed: input.seed,
    listDigest: listDigest(input.refs),
    drawnAt: input.drawnAt.toISOString(),
    entries: buildProofEntries(input.seed, input.stratum, input.refs, input.seats),
  };
}

function hashProblem(label: string, expected: string, found: string): string | null {
  if (found === expected) return null;
  if (found.toLowerCase() === expected) {
    return `${label} en majuscules (${found}) : l'hexadécimal doit être en minuscules.`;
  }
  if (!LOWER_HEX_SHA256.test(found)) {
    return `${label} attendue ${expected}, trouvée « ${found} », qui n'est pas un SHA-256 en hexadécimal minuscule.`;
  }
  return `${label} attendue ${expected}, trouvée ${found}.`;
}

function entryName(entry: ProofEntry): string {
  return `Entrée rang ${entry.rank} (${entry.ref})`;
}

export function verifyProof(proof: Proof): ProofVerification {
  if (proof.algorithm !== ALGORITHM) {
    return {
      ok: false,
      problems: [`Algorithme « ${proof.algorithm} » inconnu : ce vérificateur ne connaît que « ${ALGORITHM} ».`],
    };
  }

  const problems: string[] = [];
  const refs = proof.entries.map((entry) => entry.ref);

  const digestProblem = hashProblem(`Empreinte de la liste (${refs.length} références) :`, listDigest(refs), proof.listDigest);
  if (digestProblem !== null) problems.push(digestProblem);

  const expectedByRef = new Map(rankApplicants(proof.seed, proof.stratum, refs, proof.seats).map((entry) => [entry.ref, entry]));
  const firstRankOfRef = new Map<string, number>();

  proof.entries.forEach((entry, index) => {
    const name = entryName(entry);
    const earlierRank = firstRankOfRef.get(entry.ref);
    if (earlierRank !== undefined) {
      problems.push(`${name} : référence en double (déjà présente au rang ${earlierRank}).`);
      return;
    }
    firstRankOfRef.set(entry.ref, entry.rank);

    const keyProblem = hashProblem(`${name} : clé`, applicantKey(proof.seed, proof.stratum, entry.ref), entry.key);
    if (keyProblem !== null) problems.push(keyProblem);

    const expected = expectedByRef.get(entry.ref);
    if (expected === undefined) return;
    if (entry.rank !== expected.rank) {
      problems.push(`${name} : rang attendu ${expected.rank}, trouvé ${entry.rank}.`);
    } else if (entry.rank !== index + 1) {
      problems.push(`${name} : placée en position ${index + 1} de la liste, alors que les entrées doivent être dans l'ordre des rangs.`);
    }
    if (entry.outcome !== expected.outcome) {
      problems.push(
        `${name} : issue attendue ${expected.outcome} (${proof.seats} places, rang réel ${expected.rank}), trouvée ${entry.outcome}.`,
      );
    }
  });

  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export function verifiedSummary(proof: Proof): string {
  return `Tirage vérifié : ${proof.entries.length} entrées, graine ${proof.seed}, empreinte ${proof.listDigest}`;
}
