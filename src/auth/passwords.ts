// Password hashing: argon2id, 19 MiB, 2 iterations, 1 lane — OWASP's minimum for argon2id.
// @node-rs/argon2 ships prebuilt binaries through the npm registry (no compile, no download).
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnFr from "@zxcvbn-ts/language-fr";

// algorithm 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
// zxcvbn's score 3 = about 10^8 guesses or more: "safely unguessable" for an online attack that
// is throttled, which sign-in is. The demo password Autonomie-2026! scores 3.
const PASSWORD_MIN_SCORE = 3;

const TOO_GUESSABLE = "Ce mot de passe est trop facile à deviner.";
const CHOOSE_A_SENTENCE = "Choisissez plutôt une phrase de plusieurs mots que vous seul·e connaissez.";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified when no account matches, so that a wrong e-mail costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("spid-dummy-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

// The dictionaries weigh several megabytes: loaded on the first password checked, then kept.
let estimator: ZxcvbnFactory | undefined;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnFr.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnFr.translations,
  });
  return estimator;
}

/** Lower case without accents: "Stéphanie" and "stephanie" are the same name. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** NIST SP 800-63B: a length floor, no composition rules, guessable passwords refused (zxcvbn,
 * with common and French dictionaries and the person's own name and identifier). Returns a French
 * message, or null when the password is acceptable. */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (length > PASSWORD_MAX_LENGTH) return `Au plus ${PASSWORD_MAX_LENGTH} caractères.`;
  const userInputs = personal.filter((word) => word.length >= 3);
  const result = strengthEstimator().check(password, userInputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((line): line is string => Boolean(line));
    return [TOO_GUESSABLE, ...advice, CHOOSE_A_SENTENCE].join(" ");
  }
  const folded = fold(password);
  if (userInputs.some((word) => word.length >= 4 && folded.includes(fold(word)))) {
    return "Le mot de passe ne doit pas contenir votre nom ou votre identifiant.";
  }
  return null;
}
