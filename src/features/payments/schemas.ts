import { z } from "zod";
import { PAYERS } from "../../domain/enums.ts";
import { MAX_AMOUNT_CENTS } from "../../domain/money.ts";
import { dayField, eurosField, optionalTextField } from "../../http/fields.ts";

const PAYER_REQUIRED = "Choisissez qui paie : l'aide du programme ou la participation du jeune.";
const AMOUNT_INVALID = "Saisissez un montant en euros, au plus 2 chiffres après la virgule (exemple : 12,50 ou 12.50).";
const AMOUNT_RANGE = "Le montant est compris entre -100 000 € et 100 000 €.";
const AMOUNT_ZERO = "Le montant ne peut pas être nul.";
const DATE_INVALID = "Saisissez la date du paiement (exemple : 23/11/2026).";
const DATE_FUTURE = "Un paiement ne se date pas dans le futur : saisissez le jour où il a été fait.";
const LABEL_TOO_LONG = "Au plus 200 caractères.";
const REASON_REQUIRED = "Une correction (montant négatif) doit dire pourquoi : saisissez le motif.";

export const paymentSchema = z
  .object({
    payer: z.enum(PAYERS, PAYER_REQUIRED),
    // A negative amount is a correction: the ledger is never edited, a wrong row is offset.
    amount: eurosField({
      invalid: AMOUNT_INVALID,
      minCents: -MAX_AMOUNT_CENTS,
      maxCents: MAX_AMOUNT_CENTS,
      outOfRange: AMOUNT_RANGE,
    }).refine((cents) => cents !== 0, AMOUNT_ZERO),
    paidOn: dayField({ invalid: DATE_INVALID, max: 0, tooLate: () => DATE_FUTURE }),
    label: optionalTextField({ max: 200, tooLong: LABEL_TOO_LONG }),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.amount < 0 && !form.label) ctx.addIssue({ code: "custom", path: ["label"], message: REASON_REQUIRED });
  });
export type PaymentForm = z.infer<typeof paymentSchema>;
