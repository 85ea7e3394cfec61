// The ledger of a youth's training: the programme's aid (paid to the school) and the youth's
// contribution, in integer cents, append-only (a correction is a negative row with its reason).
// The aid is capped by the cohort: the check and the write share one transaction, and SQLite
// transactions here begin with the write lock (src/db/client.ts), so two payments sent at once
// are checked one after the other and can never cross the cap together.
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { db, type DbTx } from "../../db/client.ts";
import { queryRow, SQL_INTEGER } from "../../db/sql.ts";
import { can, type Actor } from "../../auth/policy.ts";
import { ForbiddenError, FormError } from "../../http/errors.ts";
import { ledgerFromTotals, paymentRefusal, type Ledger } from "../../domain/money.ts";
import { parisDateTime } from "../../domain/time.ts";
import { recordAudit } from "../audit/service.ts";
import { enrolmentSummary } from "../enrolments/service.ts";
import type { PaymentForm } from "./schemas.ts";
import { resubmittedSince } from "../../domain/resubmission.ts";

const TOTALS_ROW = z.object({
  aidCapCents: SQL_INTEGER,
  contributionCents: SQL_INTEGER,
  aidPaidCents: SQL_INTEGER,
  contributionPaidCents: SQL_INTEGER,
});

/** The ledger of the youth of enrolment `enrolmentId` in its cohort: the cap is the youth's for
 * the cohort, so the payments of every enrolment of theirs in it count (a transfer to another
 * school does not open a new 1 000 €). One statement. */
async function ledgerOfEnrolment(enrolmentId: string, client: DbTx = db()): Promise<Ledger> {
  const totals = await queryRow(
    TOTALS_ROW,
    Prisma.sql`
      SELECT c."aidCapCents", c."contributionCents",
        COALESCE(SUM(CASE WHEN p."payer" = 'PROGRAMME' THEN p."amountCents" END), 0) AS "aidPaidCents",
        COALESCE(SUM(CASE WHEN p."payer" = 'YOUTH' THEN p."amountCents" END), 0) AS "contributionPaidCents"
      FROM "Enrolment" t
      JOIN "Cohort" c ON c."id" = t."cohortId"
      JOIN "Enrolment" e ON e."youthId" = t."youthId" AND e."cohortId" = t."cohortId"
      LEFT JOIN "Payment" p ON p."enrolmentId" = e."id"
      WHERE t."id" = ${enrolmentId}
      GROUP BY t."id", c."id"`,
    client,
  );
  return ledgerFromTotals(totals.aidPaidCents, totals.contributionPaidCents, totals);
}

/**
 * Records a payment or a correction on an enrolment in the caller's scope (else 404). Only the
 * coordinator records the programme's aid (403 otherwise). Refused (FormError on `amount`, with
 * what is still available): the aid above the cohort's cap, the contribution above what is due,
 * a correction taking a total below zero.
 */
export async function recordPayment(
  actor: Actor,
  enrolmentId: string,
  form: PaymentForm,
  now = new Date(),
): Promise<{ youthId: string; duplicate: boolean }> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  if (form.payer === "PROGRAMME" && !can(actor, "payment:record-aid")) {
    throw new ForbiddenError("Seule la coordination enregistre l'aide du programme.");
  }
  const youthId = enrolment.youth.id;
  // Payment days are calendar days: stored at noon Paris time so that the day never shifts.
  const paidOn = parisDateTime(form.paidOn, "12:00");
  const label = form.label ?? null;
  return db().$transaction(async (tx) => {
    // Read inside the transaction (under the write lock): of two payments sent at once, the
    // second sees the first, both for the cap and for the twin check.
    const twin = await tx.payment.findFirst({
      where: {
        enrolmentId: enrolment.id,
        payer: form.payer,
        amountCents: form.amount,
        paidOn,
        label,
        createdAt: { gte: resubmittedSince(now) },
      },
      select: { id: true },
    });
    if (twin) return { youthId, duplicate: true };
    const refusal = paymentRefusal(await ledgerOfEnrolment(enrolment.id, tx), form.payer, form.amount);
    if (refusal) throw new FormError("amount", refusal);
    const payment = await tx.payment.create({
      data: {
        enrolmentId: enrolment.id,
        payer: form.payer,
        amountCents: form.amount,
        paidOn,
        label,
        recordedById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: form.amount < 0 ? "PAYMENT_CORRECTED" : "PAYMENT_RECORDED",
        entity: "Payment",
        entityId: payment.id,
        details: { enrolmentId: enrolment.id, youthId, payer: form.payer, amountCents: form.amount, paidOn: form.paidOn, label },
      },
      tx,
    );
    return { youthId, duplicate: false };
  });
}
