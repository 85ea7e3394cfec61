// Difficulties reported by the school. They reach the youth's counsellor as a notification
// written in the same transaction (the caseload of the follow-up feature lists open ones).
import { db } from "../../db/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { DIFFICULTY_CATEGORY_LABELS } from "../../domain/enums.ts";
import { recordAudit } from "../audit/service.ts";
import { enrolmentSummary } from "../enrolments/service.ts";
import type { DifficultyForm } from "./schemas.ts";

export async function difficultyFormFor(actor: Actor, enrolmentId: string) {
  return { enrolment: await enrolmentSummary(actor, enrolmentId) };
}

/** The same report sent again within this window (a double click, a resent form) is one report. */
const DUPLICATE_WINDOW_MS = 10_000;

export async function reportDifficulty(
  actor: Actor,
  enrolmentId: string,
  form: DifficultyForm,
  now = new Date(),
): Promise<{ youthId: string; notified: boolean; duplicate: boolean }> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  const youth = enrolment.youth;
  return db().$transaction(async (tx) => {
    // Inside the transaction: of two identical reports sent at once, the second sees the first.
    const twin = await tx.difficulty.findFirst({
      where: {
        youthId: youth.id,
        enrolmentId: enrolment.id,
        description: form.description,
        reportedAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
      },
      select: { id: true },
    });
    if (twin) return { youthId: youth.id, notified: youth.referentId !== null, duplicate: true };
    const difficulty = await tx.difficulty.create({
      data: {
        youthId: youth.id,
        enrolmentId: enrolment.id,
        category: form.category,
        description: form.description,
        reportedById: actor.id,
        reportedAt: now,
      },
      select: { id: true },
    });
    if (youth.referentId) {
      await tx.notification.create({
        data: {
          userId: youth.referentId,
          title: `Difficulté signalée : ${youth.firstName} ${youth.lastName}`,
          body: `${enrolment.drivingSchool.name} signale une difficulté (${DIFFICULTY_CATEGORY_LABELS[form.category].toLowerCase()}) : ${form.description}`,
          link: `/youths/${youth.id}`,
        },
      });
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "DIFFICULTY_REPORTED",
        entity: "Difficulty",
        entityId: difficulty.id,
        details: { youthId: youth.id, category: form.category, notified: youth.referentId },
      },
      tx,
    );
    return { youthId: youth.id, notified: youth.referentId !== null, duplicate: false };
  });
}
