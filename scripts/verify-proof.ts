// npm run lottery:verify -- <proof.json>: recompute a published draw offline, without the database.
// Exit 0 when the proof holds, 1 otherwise (not verified, unreadable, or no file given).
import { readFileSync } from "node:fs";
import { parseProof, verifiedSummary, verifyProof } from "../src/features/lottery/proof.ts";

const READ_ERRORS: Record<string, string> = {
  ENOENT: "fichier introuvable",
  EACCES: "accès refusé",
  EISDIR: "c'est un dossier, pas un fichier",
};

function readErrorReason(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  return READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
}

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const file = process.argv[2];
if (file === undefined || file === "") {
  console.error("Usage : npm run lottery:verify -- <preuve.json>");
  process.exit(1);
}

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  fail([`Impossible de lire le fichier ${file} : ${readErrorReason(error)}.`]);
}

let value: unknown;
try {
  value = JSON.parse(text);
} catch (error) {
  fail([`Le fichier ${file} n'est pas un JSON valide (${error instanceof Error ? error.message : String(error)}).`]);
}

const parsed = parseProof(value);
if (!parsed.ok) fail([`Le fichier ${file} n'a pas la forme d'une preuve de tirage :`, ...parsed.problems]);

const verification = verifyProof(parsed.proof);
if (!verification.ok) {
  fail([`Tirage NON vérifié (${verification.problems.length} problème(s)) :`, ...verification.problems]);
}
console.log(verifiedSummary(parsed.proof));
