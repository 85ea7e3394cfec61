import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET, generateActivationCode, hashActivationCode, normaliseActivationCode,
} from "../../src/auth/activation-codes.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../src/auth/passwords.ts";

describe("activation codes", () => {
  it("generateActivationCode — a new code — has 7 groups of 4 unambiguous symbols and ≥ 128 bits", () => {
    const code = generateActivationCode();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){6}$/);
    expect(code).not.toMatch(/[01ILOUV]/);
    expect(28 * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(128);
  });

  it("generateActivationCode — twice — never the same", () => {
    expect(generateActivationCode()).not.toBe(generateActivationCode());
  });

  it("hashActivationCode — case, spaces and dashes — do not change the hash", () => {
    expect(normaliseActivationCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(hashActivationCode("abcd efgh")).toBe(hashActivationCode("ABCD-EFGH"));
    expect(hashActivationCode("ABCD-EFGH")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("passwords", () => {
  it("hashPassword — argon2id with 19 MiB and 2 passes — verifies the right password only", async () => {
    const stored = await hashPassword("une phrase de passe assez longue");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "une phrase de passe assez longue")).toBe(true);
    expect(await verifyPassword(stored, "une autre phrase")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });

  it.each([
    ["short", "court", "Au moins 12"],
    ["common", "Azerty123456", "trop courant"],
    ["repeated", "aaaaaaaaaaaaaaa", "trop courant"],
    ["personal", "camille-martin-2026", "votre nom"],
  ])("passwordProblem — a %s password — is refused", (_label, password, message) => {
    expect(passwordProblem(password, ["camille", "martin"])).toContain(message);
  });

  it("passwordProblem — a long passphrase with spaces and accents, no composition — is accepted", () => {
    expect(passwordProblem("le permis pour aller travailler à Orléans")).toBeNull();
    expect(passwordProblem("x".repeat(20) + "y".repeat(200))).toBeNull();
  });
});
