// Authenticated encryption (AES-256-GCM) of short texts under a key of their own, derived (HKDF,
// SHA-256) from a master secret with a label per use: the second factor's secret at rest, the
// one-shot message cookie. Each use writes the parts in its own format.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export type SealedParts = { iv: Buffer; tag: Buffer; encrypted: Buffer };

export function sealingKey(masterSecret: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret, "", label, 32));
}

export function sealText(key: Buffer, text: string): SealedParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const encrypted = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), encrypted };
}

/** The text; throws when the parts were not sealed under this key or were changed. */
export function openText(key: Buffer, { iv, tag, encrypted }: SealedParts): string {
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(encrypted), decipher.final()]).toString("utf8");
}
