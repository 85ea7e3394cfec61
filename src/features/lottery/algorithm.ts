// The verifiable stratified lottery, algorithm "sha256-rank-v1" (docs/lottery.md). Pure functions:
// the draw service, the demo and the offline verifier all rank through these.
import { createHash } from "node:crypto";
import type { DrawOutcome } from "../../domain/enums.ts";

export const ALGORITHM = "sha256-rank-v1";

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Refs sorted by byte value (not locale), joined with "\n", no trailing newline. */
export function listDigest(refs: readonly string[]): string {
  const sorted = [...refs].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  return sha256Hex(sorted.join("\n"));
}

export function applicantKey(seed: string, missionLocaleCode: string, ref: string): string {
  return sha256Hex(`${seed}:${missionLocaleCode}:${ref}`);
}

export type RankedEntry = { ref: string; key: string; rank: number; outcome: DrawOutcome };

/** Ranks by key ascending (rank 1 = smallest); ranks 1..seats are SELECTED, the rest WAITLISTED. */
export function rankApplicants(seed: string, missionLocaleCode: string, refs: readonly string[], seats: number): RankedEntry[] {
  return refs
    .map((ref) => ({ ref, key: applicantKey(seed, missionLocaleCode, ref) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry, index) => ({
      ...entry,
      rank: index + 1,
      outcome: index < seats ? "SELECTED" : "WAITLISTED",
    }));
}
