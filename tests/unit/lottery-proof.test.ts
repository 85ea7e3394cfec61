// The proof is checked against a literal built from hashes computed with Python's hashlib (see
// lottery-algorithm.test.ts), then tampered one way at a time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildProof, parseProof, verifyProof, type Proof } from "../../src/features/lottery/proof.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = "2026-03-14 12 07 33 41 48";
const KEY_OF_0009 = "ef9ebe64274edbd788673b5a74b96bd7f261945170f74723310d498ed16fc3de";
const DIGEST_WITH_0009 = "ce2ee8a454902d3bfef45fd31aa49cb8bfeb0a5a9f4f23f5ae58ed0b5e0a70a9";

const VALID_PROOF: Proof = {
  algorithm: "sha256-rank-v1",
  cohort: "Cohorte 2026",
  stratum: "ORLEANS",
  seats: 3,
  seed: SEED,
  listDigest: "5485495f8b92440b84118c946beb24ebc9b97a21dd0774ec34af80b15508ceb1",
  drawnAt: "2026-03-16T09:30:00.000Z",
  entries: [
    { ref: "AUT-2026-0006", key: "07890ae507aeeb92a78e8d72b045ae87119a0697f4c784369901994ba06156fc", rank: 1, outcome: "SELECTED" },
    { ref: "AUT-2026-0008", key: "19674de8ce61df9dfe931c026f6788dbe166f2ae25e8b391a8132ef3510edcf5", rank: 2, outcome: "SELECTED" },
    { ref: "AUT-2026-0001", key: "1a11eb33b3b83a00c7cfa8d7a543c357d13d622e3c8d9aa738ed747222fdc82e", rank: 3, outcome: "SELECTED" },
    { ref: "AUT-2026-0003", key: "1edb803ac6b5423fb03d144c9498e93bd55a086712d7881542df3957317a980c", rank: 4, outcome: "WAITLISTED" },
    { ref: "AUT-2026-0004", key: "375587d175477280c1047e21efc72881ef1ff1952a57833b6c8e9e45b335f4e7", rank: 5, outcome: "WAITLISTED" },
    { ref: "AUT-2026-0005", key: "709a4b855f083c641360c34f905762d3527e83cfd9efceff231a755814bebde6", rank: 6, outcome: "WAITLISTED" },
    { ref: "AUT-2026-0002", key: "c2711c4ee4b0f5828307f4deb76930780baf1f32325b9b472902da8e7c17ec7f", rank: 7, outcome: "WAITLISTED" },
    { ref: "AUT-2026-0007", key: "c64d6a60cf917353de9b089bc2e78eadfc163be3c2ca535a3016809880090fba", rank: 8, outcome: "WAITLISTED" },
  ],
};

function tampered(change: (proof: Proof) => void): Proof {
  const proof = structuredClone(VALID_PROOF);
  change(proof);
  return proof;
}

function entryAt(proof: Proof, index: number): Proof["entries"][number] {
  const entry = proof.entries[index];
  if (entry === undefined) throw new Error(`no entry at index ${index}`);
  return entry;
}

function problemsOf(proof: Proof): string[] {
  const result = verifyProof(proof);
  return result.ok ? [] : result.problems;
}

describe("verifyProof", () => {
  it("verifyProof — when the proof is the one the draw produced — then it is accepted", () => {
    const proof = VALID_PROOF;

    const result = verifyProof(proof);

    expect(result).toEqual({ ok: true });
  });

  it("buildProof — when given the frozen refs in any order — then it produces the published proof", () => {
    const refs = [
      "AUT-2026-0008",
      "AUT-2026-0002",
      "AUT-2026-0005",
      "AUT-2026-0001",
      "AUT-2026-0007",
      "AUT-2026-0003",
      "AUT-2026-0006",
      "AUT-2026-0004",
    ];

    const proof = buildProof({
      cohort: "Cohorte 2026",
      stratum: "ORLEANS",
      seats: 3,
      seed: SEED,
      drawnAt: new Date("2026-03-16T09:30:00Z"),
      refs,
    });

    expect(proof).toEqual(VALID_PROOF);
  });

  it("verifyProof — when one key was tampered with — then the problem names that entry with both keys", () => {
    const proof = tampered((p) => {
      entryAt(p, 2).key = "0".repeat(64);
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual([
      `Entrée rang 3 (AUT-2026-0001) : clé attendue 1a11eb33b3b83a00c7cfa8d7a543c357d13d622e3c8d9aa738ed747222fdc82e, trouvée ${"0".repeat(64)}.`,
    ]);
  });

  it("verifyProof — when two ranks were swapped — then both entries are named with their real rank", () => {
    const proof = tampered((p) => {
      entryAt(p, 0).rank = 2;
      entryAt(p, 1).rank = 1;
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual([
      "Entrée rang 2 (AUT-2026-0006) : rang attendu 1, trouvé 2.",
      "Entrée rang 1 (AUT-2026-0008) : rang attendu 2, trouvé 1.",
    ]);
  });

  it("verifyProof — when two entries were listed out of rank order — then the misplaced entries are named", () => {
    const proof = tampered((p) => {
      p.entries = [entryAt(p, 1), entryAt(p, 0), ...p.entries.slice(2)];
    });

    const problems = problemsOf(proof);

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Entrée rang 2 \(AUT-2026-0008\) : placée en position 1/);
    expect(problems[1]).toMatch(/^Entrée rang 1 \(AUT-2026-0006\) : placée en position 2/);
  });

  it("verifyProof — when a waitlisted entry is marked SELECTED — then that entry's outcome is reported", () => {
    const proof = tampered((p) => {
      entryAt(p, 3).outcome = "SELECTED";
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual(["Entrée rang 4 (AUT-2026-0003) : issue attendue WAITLISTED (3 places, rang réel 4), trouvée SELECTED."]);
  });

  it("verifyProof — when the list digest is wrong — then the digest problem gives both values", () => {
    const proof = tampered((p) => {
      p.listDigest = DIGEST_WITH_0009;
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual([`Empreinte de la liste (8 références) : attendue ${VALID_PROOF.listDigest}, trouvée ${DIGEST_WITH_0009}.`]);
  });

  it("verifyProof — when a consistent entry was appended — then the frozen list digest no longer matches", () => {
    const proof = tampered((p) => {
      p.entries.push({ ref: "AUT-2026-0009", key: KEY_OF_0009, rank: 9, outcome: "WAITLISTED" });
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual([`Empreinte de la liste (9 références) : attendue ${DIGEST_WITH_0009}, trouvée ${VALID_PROOF.listDigest}.`]);
  });

  it("verifyProof — when a selected entry was removed — then the digest and the following ranks are reported", () => {
    const proof = tampered((p) => {
      p.entries.splice(1, 1);
    });

    const problems = problemsOf(proof);

    expect(problems[0]).toMatch(/^Empreinte de la liste \(7 références\) : attendue [0-9a-f]{64}, trouvée 5485495f/);
    expect(problems).toContain("Entrée rang 3 (AUT-2026-0001) : rang attendu 2, trouvé 3.");
    expect(problems).toContain("Entrée rang 4 (AUT-2026-0003) : issue attendue SELECTED (3 places, rang réel 3), trouvée WAITLISTED.");
  });

  it("verifyProof — when hashes are in upper-case hex — then each is reported as such", () => {
    const proof = tampered((p) => {
      p.listDigest = p.listDigest.toUpperCase();
      entryAt(p, 4).key = entryAt(p, 4).key.toUpperCase();
    });

    const problems = problemsOf(proof);

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Empreinte de la liste \(8 références\) : en majuscules .*minuscules\.$/);
    expect(problems[1]).toMatch(/^Entrée rang 5 \(AUT-2026-0004\) : clé en majuscules .*minuscules\.$/);
  });

  it("verifyProof — when a ref appears twice — then the duplicate is named", () => {
    const proof = tampered((p) => {
      p.entries.push({ ...entryAt(p, 0), rank: 9, outcome: "WAITLISTED" });
    });

    const problems = problemsOf(proof);

    expect(problems).toContain("Entrée rang 9 (AUT-2026-0006) : référence en double (déjà présente au rang 1).");
  });

  it("verifyProof — when the algorithm is another one — then it refuses to check anything else", () => {
    const proof = tampered((p) => {
      p.algorithm = "sha1-rank-v0";
    });

    const problems = problemsOf(proof);

    expect(problems).toEqual(["Algorithme « sha1-rank-v0 » inconnu : ce vérificateur ne connaît que « sha256-rank-v1 »."]);
  });
});

describe("parseProof", () => {
  it("parseProof — when given the proof's JSON — then it returns the proof", () => {
    const value: unknown = JSON.parse(JSON.stringify(VALID_PROOF));

    const result = parseProof(value);

    expect(result).toEqual({ ok: true, proof: VALID_PROOF });
  });

  it("parseProof — when fields are missing or mistyped — then each problem names its field in French", () => {
    const value: unknown = { ...VALID_PROOF, seats: "3", entries: [{ ...VALID_PROOF.entries[0], outcome: "ELU" }] };

    const result = parseProof(value);

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Champ « seats » : .*nombre attendu/);
    expect(problems[1]).toMatch(/^Champ « entries\.0\.outcome » : /);
  });

  it("parseProof — when an entry carries a field docs/lottery.md does not name (e.g. a name) — then it is refused", () => {
    const value: unknown = {
      ...VALID_PROOF,
      entries: [{ ...VALID_PROOF.entries[0], name: "Lou Martin" }, ...VALID_PROOF.entries.slice(1)],
    };

    const result = parseProof(value);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problems.join(" ")).toContain("name");
  });
});

describe("lottery:verify CLI", () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "spid-proof-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function writeProof(name: string, content: string): string {
    const file = path.join(directory, name);
    writeFileSync(file, content, "utf8");
    return file;
  }

  function runVerifier(...args: string[]): { status: number | null; output: string } {
    const result = spawnSync("npx", ["tsx", "scripts/verify-proof.ts", ...args], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("lottery:verify — when the proof holds — then it prints the summary and exits 0", () => {
    const file = writeProof("valid.json", JSON.stringify(VALID_PROOF, null, 2));

    const { status, output } = runVerifier(file);

    expect(status).toBe(0);
    expect(output).toContain(`Tirage vérifié : 8 entrées, graine ${SEED}, empreinte ${VALID_PROOF.listDigest}`);
  });

  it("lottery:verify — when an entry was tampered with — then it names the entry and exits 1", () => {
    const proof = tampered((p) => {
      entryAt(p, 5).outcome = "SELECTED";
    });
    const file = writeProof("tampered.json", JSON.stringify(proof));

    const { status, output } = runVerifier(file);

    expect(status).toBe(1);
    expect(output).toContain("Entrée rang 6 (AUT-2026-0005) : issue attendue WAITLISTED");
    expect(output).not.toContain("Tirage vérifié :");
  });

  it("lottery:verify — when the file is not JSON — then it says so in French and exits 1", () => {
    const file = writeProof("broken.json", "{ pas du JSON");

    const { status, output } = runVerifier(file);

    expect(status).toBe(1);
    expect(output).toContain("n'est pas un JSON valide");
  });

  it("lottery:verify — when no file is given — then it prints the usage and exits 1 (not verified)", () => {
    const args: string[] = [];

    const { status, output } = runVerifier(...args);

    expect(status).toBe(1);
    expect(output).toContain("Usage : npm run lottery:verify -- <preuve.json>");
  });
});
