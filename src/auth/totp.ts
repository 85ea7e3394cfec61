// The second factor's rules, apart from the database: TOTP codes (RFC 6238 through otplib: SHA-1,
// 6 digits, 30 s), the secret encrypted at rest, and the single-use recovery codes.
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { CODE_ALPHABET } from "./activation-codes.ts";
import { openText, sealingKey, sealText } from "./sealing.ts";

const ISSUER = "SPID";
const PERIOD_SECONDS = 30;
/** One step either side of now: a phone's clock a little off, or a code typed as it changes. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const RECOVERY_CODE_COUNT = 10;
// 10 symbols from an alphabet of 29: 48 bits, and each guess is counted by the sign-in throttle.
const RECOVERY_CODE_LENGTH = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: ISSUER, label, secret });
}

/** Six digits, spaces allowed ("123 456"). */
export function asTotpCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The time step of an accepted code, or null. A code of a step at or before lastStep is refused:
 * a code seen once (over a shoulder, in a proxy's log) cannot be played again. */
export async function acceptedStep(secret: string, code: string, lastStep: number | null, nowMs = Date.now()): Promise<number | null> {
  const token = asTotpCode(code);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    period: PERIOD_SECONDS,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// The secret is encrypted with a key derived from PSEUDONYM_KEY (HKDF, its own label): a copy of
// the database alone does not give the codes. PSEUDONYM_KEY, unlike SESSION_SECRET, is never
// rotated (the evaluation's pseudonyms depend on it).
function keyOf(masterKey: string): Buffer {
  return sealingKey(masterKey, "spid-totp-secret");
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url, AES-256-GCM. */
export function sealTotpSecret(masterKey: string, secret: string): string {
  const { iv, tag, encrypted } = sealText(keyOf(masterKey), secret);
  return ["v1", iv, tag, encrypted].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openTotpSecret(masterKey: string, sealed: string): string {
  const [version, iv, tag, encrypted] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !encrypted) throw new Error("TOTP secret: unknown format");
  return openText(keyOf(masterKey), {
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    encrypted: Buffer.from(encrypted, "base64url"),
  });
}

/** "ABCDE-FGHJK": printed once at enrolment, each usable once in place of a code. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let raw = "";
    for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter; null when it cannot be a recovery code. */
export function asRecoveryCode(typed: string): string | null {
  const normalised = typed.toUpperCase().replace(/[\s-]/g, "");
  return normalised.length === RECOVERY_CODE_LENGTH && [...normalised].every((c) => CODE_ALPHABET.includes(c)) ? normalised : null;
}
