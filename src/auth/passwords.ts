// Password hashing: argon2id, 19 MiB, 2 iterations, 1 lane — OWASP's minimum for argon2id.
// @node-rs/argon2 ships prebuilt binaries through the npm registry (no compile, no download).
import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

// algorithm 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

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

/** NIST SP 800-63B: a length floor, no composition rules, common passwords refused. Returns a
 * French message, or null when the password is acceptable. */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (length > PASSWORD_MAX_LENGTH) return `Au plus ${PASSWORD_MAX_LENGTH} caractères.`;
  const folded = password.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(folded)) {
    return "Ce mot de passe est trop courant. Choisissez une phrase que vous seul·e connaissez.";
  }
  if (personal.some((word) => word.length >= 4 && folded.includes(word.toLowerCase()))) {
    return "Le mot de passe ne doit pas contenir votre nom ou votre identifiant.";
  }
  return null;
}
