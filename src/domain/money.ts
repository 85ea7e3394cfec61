// Money as integer cents: amounts typed in euros, and an enrolment's ledger against its cohort's
// caps (the programme's aid, the youth's contribution). No floating point anywhere: 0.1 + 0.2
// is not 0.3, and a cap checked on floats can be crossed by a cent.
import type { Payer } from "./enums.ts";

/** The largest amount typed at once, either way (a payment or a correction): 100 000 €. */
export const MAX_AMOUNT_CENTS = 10_000_000;

// "1000", "1 000", "1 000,5", "12.50", "-12,50", "45,50 €": digits grouped by three with a space
// (typed, or the no-break spaces a copied French amount holds), or not grouped at all.
const AMOUNT = /^([-\u2212])?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/** An amount typed in euros (comma or point, at most 2 decimals, an optional minus sign) → cents,
 * or null when it is not one or is beyond ±100 000 €. */
export function parseEurosToCents(text: string): number | null {
  const match = AMOUNT.exec(text.trim().replace(/\s*€$/, ""));
  if (!match) return null;
  const whole = (match[2] ?? "").replace(/\D/g, "");
  // Longer than the bound has digits: refused before any arithmetic can lose precision.
  if (whole.replace(/^0+/, "").length > 6) return null;
  const cents = Number(whole) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) return null;
  return match[1] && cents > 0 ? -cents : cents;
}

/** An enrolment's ledger: what each side paid (corrections included) against its cohort's caps. */
export type Ledger = {
  aidPaidCents: number;
  aidCapCents: number;
  aidRemainingCents: number;
  contributionPaidCents: number;
  contributionDueCents: number;
  contributionRemainingCents: number;
};

export function ledgerOf(
  payments: readonly { payer: Payer; amountCents: number }[],
  caps: { aidCapCents: number; contributionCents: number },
): Ledger {
  const paid = (payer: Payer) => payments.filter((p) => p.payer === payer).reduce((sum, p) => sum + p.amountCents, 0);
  return ledgerFromTotals(paid("PROGRAMME"), paid("YOUTH"), caps);
}

export function ledgerFromTotals(
  aidPaidCents: number,
  contributionPaidCents: number,
  caps: { aidCapCents: number; contributionCents: number },
): Ledger {
  return {
    aidPaidCents,
    aidCapCents: caps.aidCapCents,
    aidRemainingCents: Math.max(0, caps.aidCapCents - aidPaidCents),
    contributionPaidCents,
    contributionDueCents: caps.contributionCents,
    contributionRemainingCents: Math.max(0, caps.contributionCents - contributionPaidCents),
  };
}

/** "610 €", "12,50 €": whole euros without decimals, as a person says an amount. */
export function formatAmount(cents: number): string {
  return cents % 100 === 0 ? WHOLE_EUROS.format(cents / 100) : EUROS.format(cents / 100);
}

// One formatter each for the process: building one costs about 100 times a format.
const WHOLE_EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** Why a payment of `amountCents` by `payer` cannot be added to this ledger, or null when it can:
 * the aid never goes above its cap, the contribution never above what is due, and a correction
 * never takes a total below zero. */
export function paymentRefusal(ledger: Ledger, payer: Payer, amountCents: number): string | null {
  const aid = payer === "PROGRAMME";
  const paid = aid ? ledger.aidPaidCents : ledger.contributionPaidCents;
  const limit = aid ? ledger.aidCapCents : ledger.contributionDueCents;
  const after = paid + amountCents;
  // Only a payment is held to the cap: a correction always brings a total down.
  if (amountCents > 0 && after > limit) {
    const available = Math.max(0, limit - paid);
    return aid
      ? `Ce paiement dépasserait l'aide maximale de ${formatAmount(limit)} : il reste ${formatAmount(available)} à financer.`
      : `Ce paiement dépasserait la participation due de ${formatAmount(limit)} : il reste ${formatAmount(available)} à payer.`;
  }
  if (after < 0) {
    return `Une correction ne peut pas retirer plus que ce qui a été payé : au plus ${formatAmount(paid)} ${aid ? "pour l'aide du programme" : "pour la participation"}.`;
  }
  return null;
}
