import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, generateActivationCode, hashActivationCode, normaliseActivationCode } from "../../src/auth/activation-codes.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../src/auth/passwords.ts";
import { deviceCookieOptions, issueDeviceToken, readDeviceToken } from "../../src/auth/device-cookies.ts";

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
    ["common", "Azerty123456", "trop facile à deviner"],
    ["repeated", "aaaaaaaaaaaaaaa", "trop facile à deviner"],
    ["nearly repeated", "aaaaaaaaaaab", "trop facile à deviner"],
    ["common word and year", "motdepasse2026", "trop facile à deviner"],
    ["repeated pattern", "abcabcabcabc", "trop facile à deviner"],
    ["long but repetitive", "x".repeat(20) + "y".repeat(200), "trop facile à deviner"],
    ["personal", "camille-martin-2026", "votre nom"],
  ])("passwordProblem — a %s password — is refused", (_label, password, message) => {
    expect(passwordProblem(password, ["camille", "martin"])).toContain(message);
  });

  it("passwordProblem — a guessable password — the message carries zxcvbn's advice in French", () => {
    expect(passwordProblem("abcabcabcabc")).toContain("Les caractères répétés comme 'abcabcabc' sont faciles à deviner");
  });

  it("passwordProblem — a weak password built on the person's e-mail — is refused", () => {
    expect(passwordProblem("stephanie.weidmann", ["stephanie.weidmann@ml.test", "stephanie.weidmann"])).not.toBeNull();
  });

  it("passwordProblem — long passphrases and the demo password — are accepted", () => {
    expect(passwordProblem("le permis pour aller travailler à Orléans")).toBeNull();
    expect(passwordProblem("une phrase de passe assez longue")).toBeNull();
    expect(passwordProblem("Autonomie-2026!")).toBeNull();
  });
});

describe("device cookies", () => {
  const SECRET = "s".repeat(64);

  it("readDeviceToken — a token just issued — names its account", () => {
    const token = issueDeviceToken(SECRET, "user-1");
    expect(readDeviceToken(SECRET, token)).toEqual({ accountId: "user-1", nonce: token.split(".")[1] });
  });

  it("issueDeviceToken — twice for one account — two different nonces", () => {
    expect(issueDeviceToken(SECRET, "user-1")).not.toBe(issueDeviceToken(SECRET, "user-1"));
  });

  it.each([
    ["another account's id in it", (token: string) => token.replace("user-1", "user-2")],
    ["a changed nonce", (token: string) => token.replace(/\.([^.])/, ".x$1")],
    ["a cut MAC", (token: string) => token.slice(0, -2)],
    ["an extra part", (token: string) => `${token}.x`],
    ["nothing", () => ""],
  ])("readDeviceToken — %s — null", (_label, tamper) => {
    expect(readDeviceToken(SECRET, tamper(issueDeviceToken(SECRET, "user-1")))).toBeNull();
  });

  it("readDeviceToken — signed with another secret — null", () => {
    expect(readDeviceToken(SECRET, issueDeviceToken("t".repeat(64), "user-1"))).toBeNull();
  });

  it("deviceCookieOptions — secure cookies — HttpOnly, SameSite=Lax, Secure, only /login", () => {
    expect(deviceCookieOptions(true)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/login" });
    expect(deviceCookieOptions(false).secure).toBe(false);
  });
});
