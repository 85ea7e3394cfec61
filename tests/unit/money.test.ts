import { describe, expect, it } from "vitest";
import { formatAmount, ledgerOf, MAX_AMOUNT_CENTS, parseEurosToCents, paymentRefusal } from "../../src/domain/money.ts";

const CAPS = { aidCapCents: 100_000, contributionCents: 25_000 };
// Intl writes French amounts with no-break spaces: compare with plain ones.
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ");

describe("parseEurosToCents", () => {
  it.each([
    ["12,50", 1250],
    ["12.50", 1250],
    ["12,5", 1250],
    ["12", 1200],
    ["0,01", 1],
    ["1 000,00", 100_000],
    ["1\u202f000,00", 100_000],
    ["1\u00a0000", 100_000],
    ["1000", 100_000],
    ["  45,50 € ", 4550],
    ["100 000", MAX_AMOUNT_CENTS],
    ["-12,50", -1250],
    ["\u221212,50", -1250],
    ["0.29", 29],
    ["1,13", 113],
  ])("parseEurosToCents — %j — is %i cents", (text, cents) => {
    expect(parseEurosToCents(text)).toBe(cents);
  });

  it.each([
    "",
    "abc",
    "12,505",
    "12.",
    ",50",
    "1,000.00",
    "1 00",
    "10 00,00",
    "12,50,00",
    "1e3",
    "0x10",
    "--5",
    "100 000,01",
    "99999999999999999999",
    "Infinity",
  ])("parseEurosToCents — garbage %j — is null", (text) => {
    expect(parseEurosToCents(text)).toBeNull();
  });
});

describe("ledgerOf", () => {
  it("ledgerOf — payments and a correction — sums each side in cents with the remainders", () => {
    const ledger = ledgerOf(
      [
        { payer: "PROGRAMME", amountCents: 61_000 },
        { payer: "YOUTH", amountCents: 15_000 },
        { payer: "YOUTH", amountCents: 12_000 },
        { payer: "YOUTH", amountCents: -2_000 },
      ],
      CAPS,
    );
    expect(ledger).toEqual({
      aidPaidCents: 61_000,
      aidCapCents: 100_000,
      aidRemainingCents: 39_000,
      contributionPaidCents: 25_000,
      contributionDueCents: 25_000,
      contributionRemainingCents: 0,
    });
  });

  it("ledgerOf — no payment — everything remains", () => {
    expect(ledgerOf([], CAPS)).toMatchObject({ aidRemainingCents: 100_000, contributionRemainingCents: 25_000 });
  });
});

describe("paymentRefusal", () => {
  const paid = (aid: number, contribution = 0) =>
    ledgerOf(
      [
        { payer: "PROGRAMME", amountCents: aid },
        { payer: "YOUTH", amountCents: contribution },
      ],
      CAPS,
    );

  it("paymentRefusal — aid reaching exactly the cap — is accepted", () => {
    expect(paymentRefusal(paid(60_000), "PROGRAMME", 40_000)).toBeNull();
  });

  it("paymentRefusal — aid one cent above the cap — is refused with what is still available", () => {
    expect(plain(paymentRefusal(paid(60_000), "PROGRAMME", 40_001))).toBe(
      "Ce paiement dépasserait l'aide maximale de 1 000 € : il reste 400 € à financer.",
    );
  });

  it("paymentRefusal — contribution above what is due — is refused with what remains to pay", () => {
    expect(plain(paymentRefusal(paid(0, 20_000), "YOUTH", 5_050))).toBe(
      "Ce paiement dépasserait la participation due de 250 € : il reste 50 € à payer.",
    );
  });

  it("paymentRefusal — a correction within what was paid — is accepted, down to zero", () => {
    expect(paymentRefusal(paid(30_000), "PROGRAMME", -30_000)).toBeNull();
  });

  it("paymentRefusal — a correction below zero — is refused", () => {
    expect(plain(paymentRefusal(paid(0, 1_000), "YOUTH", -1_001))).toContain("au plus 10 € pour la participation");
  });

  it("paymentRefusal — a correction once above the cap (a cap lowered later) — is accepted", () => {
    expect(paymentRefusal(paid(120_000), "PROGRAMME", -10_000)).toBeNull();
  });
});

describe("formatAmount", () => {
  it.each([
    [61_000, "610 €"],
    [100_000, "1 000 €"],
    [1_250, "12,50 €"],
    [0, "0 €"],
    [-1_250, "-12,50 €"],
  ])("formatAmount — %i cents — is %j", (cents, text) => {
    expect(plain(formatAmount(cents))).toBe(text);
  });
});
