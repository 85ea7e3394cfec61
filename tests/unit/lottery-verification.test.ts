import { describe, expect, it } from "vitest";
import { listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";
import { verifyStoredDraw, type StoredDraw } from "../../src/features/lottery/verification.ts";

const refs = ["AUT-2026-0003", "AUT-2026-0001", "AUT-2026-0002", "AUT-2026-0004"];
const stored = (): StoredDraw => ({
  cohortName: "AUTOnomie 2026",
  stratum: "ORLEANS",
  seats: 2,
  seed: "graine",
  listDigest: listDigest(refs),
  drawnAt: new Date("2026-07-01T08:00:00Z"),
  entries: rankApplicants("graine", "ORLEANS", refs, 2),
  frozenRefs: [...refs],
  freezeDigest: listDigest(refs),
});

describe("verifyStoredDraw", () => {
  it("verifyStoredDraw — a draw as made — is ok", () => {
    expect(verifyStoredDraw(stored())).toEqual({ ok: true, problems: [] });
  });

  it("verifyStoredDraw — an outcome changed afterwards — is not ok and names the entry", () => {
    const draw = stored();
    draw.entries[3] = { ...draw.entries[3]!, outcome: "SELECTED" };
    const result = verifyStoredDraw(draw);
    expect(result.ok).toBe(false);
    expect(result.problems.join(" ")).toContain("Entrée rang 4");
  });

  it("verifyStoredDraw — a ref drawn that was not frozen — is not ok", () => {
    const draw = stored();
    draw.frozenRefs = refs.slice(0, 3);
    draw.freezeDigest = listDigest(draw.frozenRefs);
    const result = verifyStoredDraw(draw);
    expect(result.ok).toBe(false);
    expect(result.problems.join(" ")).toContain("AUT-2026-0004");
  });

  it("verifyStoredDraw — another seed than the one used — is not ok", () => {
    expect(verifyStoredDraw({ ...stored(), seed: "autre" }).ok).toBe(false);
  });
});
