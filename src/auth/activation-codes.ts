// Personal access codes: typed by hand from a printed letter, so the alphabet leaves out look-alikes
// (0/O, 1/I/L, U/V) and the code is printed in groups of four. 28 symbols from an alphabet of 29
// carry 136 bits of randomness (at least 128 required). Only the SHA-256 of the normalised code is
// stored: with that much entropy a slow hash adds nothing.
import { createHash, randomInt } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"; // no 0 O 1 I L U V
const CODE_LENGTH = 28;
const CODE_GROUP = 4;
export const CODE_VALIDITY_DAYS = 14;

export function generateActivationCode(): string {
  let raw = "";
  // randomInt draws without modulo bias.
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatActivationCode(raw);
}

function formatActivationCode(raw: string): string {
  return (raw.match(new RegExp(`.{1,${CODE_GROUP}}`, "g")) ?? []).join("-");
}

/** Forgiving reading of what a person typed: case, spaces and dashes do not matter. */
export function normaliseActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

export function hashActivationCode(typed: string): string {
  return createHash("sha256").update(normaliseActivationCode(typed), "utf8").digest("hex");
}

export function activationCodeExpiry(from: Date): Date {
  return new Date(from.getTime() + CODE_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
}
