import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import {
  acceptedStep,
  asRecoveryCode,
  asTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpUri,
} from "../../src/auth/totp.ts";

const KEY = "unit-test-master-key-0123456789abcdef";
// A fixed instant in the middle of a 30-second step.
const NOW_MS = Date.UTC(2026, 11, 1, 12, 0, 15);
const NOW_STEP = Math.floor(NOW_MS / 1000 / 30);

function codeAt(secret: string, stepOffset: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(NOW_MS / 1000) + 30 * stepOffset });
}

describe("TOTP code rules", () => {
  it("TOTP — the code of now, of the step before, of the step after — accepted, with the step it belongs to", async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(secret, 0), null, NOW_MS)).toBe(NOW_STEP);
    expect(await acceptedStep(secret, await codeAt(secret, -1), null, NOW_MS)).toBe(NOW_STEP - 1);
    expect(await acceptedStep(secret, await codeAt(secret, 1), null, NOW_MS)).toBe(NOW_STEP + 1);
  });

  it("TOTP — a code two steps away — refused (window of ±1 step)", async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(secret, -2), null, NOW_MS)).toBeNull();
    expect(await acceptedStep(secret, await codeAt(secret, 2), null, NOW_MS)).toBeNull();
  });

  it("TOTP — a code of a step already used, or of an earlier one — refused (no replay); a later step accepted", async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(secret, 0), NOW_STEP, NOW_MS)).toBeNull();
    expect(await acceptedStep(secret, await codeAt(secret, -1), NOW_STEP, NOW_MS)).toBeNull();
    expect(await acceptedStep(secret, await codeAt(secret, 1), NOW_STEP, NOW_MS)).toBe(NOW_STEP + 1);
  });

  it("TOTP — another secret's code, letters, too few digits — refused without error", async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(newTotpSecret(), 0), null, NOW_MS)).toBeNull();
    expect(await acceptedStep(secret, "12345a", null, NOW_MS)).toBeNull();
    expect(await acceptedStep(secret, "12345", null, NOW_MS)).toBeNull();
  });

  it("TOTP — spaces typed inside the code — ignored", async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, 0);
    expect(asTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
    expect(await acceptedStep(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, null, NOW_MS)).toBe(NOW_STEP);
  });

  it("TOTP — the otpauth URI — names SPID as issuer and the account as label", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "admin@spid.fr");
    expect(uri).toMatch(/^otpauth:\/\/totp\/SPID:admin%40spid\.fr\?/);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXP");
    expect(uri).toContain("issuer=SPID");
  });
});

describe("TOTP secret at rest", () => {
  it("sealed secret — opened with the same key — gives the secret back; the sealed text does not contain it", () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(KEY, secret);
    expect(sealed).not.toContain(secret);
    expect(sealTotpSecret(KEY, secret)).not.toBe(sealed);
    expect(openTotpSecret(KEY, sealed)).toBe(secret);
  });

  it("sealed secret — another key or altered text — refused", () => {
    const sealed = sealTotpSecret(KEY, newTotpSecret());
    expect(() => openTotpSecret("another-master-key-0123456789abcdef", sealed)).toThrow();
    const parts = sealed.split(".");
    const body = parts[3] ?? "";
    parts[3] = (body.startsWith("A") ? "B" : "A") + body.slice(1);
    expect(() => openTotpSecret(KEY, parts.join("."))).toThrow();
  });
});

describe("recovery codes", () => {
  it("recovery codes — 10 distinct, XXXXX-XXXXX, read back whatever the case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const code = codes[0]!;
    expect(asRecoveryCode(` ${code.toLowerCase().replace("-", " ")} `)).toBe(code.replace("-", ""));
    expect(asRecoveryCode("123456")).toBeNull();
    expect(asRecoveryCode("ABCDE-FGHJ0")).toBeNull();
  });
});
