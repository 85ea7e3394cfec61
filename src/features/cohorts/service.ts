import { db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { parisDateTime } from "../../domain/time.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import type { CohortForm, QuotaForm } from "./schemas.ts";

const NAME_TAKEN = "Une promotion porte déjà ce nom.";
const UNKNOWN_MISSION_LOCALE = "Cette Mission Locale n'existe pas.";
const QUOTA_FROZEN = "La liste du tirage de cette Mission Locale est figée : ses places ne changent plus.";

/** Draws happen at 10:00, Paris time, on the chosen day (as in the demo programme). */
const DRAW_TIME = "10:00";

export async function listCohorts() {
  return db().cohort.findMany({
    orderBy: { drawDate: "desc" },
    select: {
      id: true,
      name: true,
      drawDate: true,
      aidCapCents: true,
      contributionCents: true,
      quotas: { select: { seats: true } },
      _count: { select: { applications: true, draws: true } },
    },
  });
}

export async function createCohort(actor: Actor, form: CohortForm): Promise<string> {
  try {
    return await db().$transaction(async (tx) => {
      const cohort = await tx.cohort.create({
        data: {
          name: form.name,
          drawDate: parisDateTime(form.drawDate, DRAW_TIME),
          aidCapCents: form.aidCap,
          contributionCents: form.contribution,
        },
        select: { id: true },
      });
      await recordAudit(
        { actorId: actor.id, action: "COHORT_CREATED", entity: "Cohort", entityId: cohort.id, details: { name: form.name } },
        tx,
      );
      return cohort.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new FormError("name", NAME_TAKEN);
    throw error;
  }
}

export async function findCohort(id: string) {
  const cohort = await db().cohort.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      drawDate: true,
      aidCapCents: true,
      contributionCents: true,
      quotas: { select: { id: true, missionLocaleId: true, seats: true } },
      freezes: { select: { missionLocaleId: true } },
      draws: { select: { id: true, missionLocaleId: true } },
    },
  });
  if (!cohort) throw new NotFoundError();
  const missionLocales = await db().missionLocale.findMany({ select: { id: true, name: true, code: true }, orderBy: { name: "asc" } });
  return {
    cohort,
    rows: missionLocales.map((ml) => ({
      missionLocale: ml,
      quota: cohort.quotas.find((q) => q.missionLocaleId === ml.id) ?? null,
      frozen: cohort.freezes.some((f) => f.missionLocaleId === ml.id),
      drawId: cohort.draws.find((d) => d.missionLocaleId === ml.id)?.id ?? null,
    })),
  };
}

export async function setQuota(actor: Actor, cohortId: string, form: QuotaForm): Promise<void> {
  await findCohort(cohortId);
  const missionLocale = await db().missionLocale.findUnique({ where: { id: form.missionLocaleId }, select: { id: true } });
  if (!missionLocale) throw new FormError("missionLocaleId", UNKNOWN_MISSION_LOCALE);
  const frozen = await db().lotteryFreeze.findUnique({
    where: { cohortId_missionLocaleId: { cohortId, missionLocaleId: form.missionLocaleId } },
    select: { id: true },
  });
  if (frozen) throw new FormError("seats", QUOTA_FROZEN);
  await db().$transaction(async (tx) => {
    const quota = await tx.cohortQuota.upsert({
      where: { cohortId_missionLocaleId: { cohortId, missionLocaleId: form.missionLocaleId } },
      create: { cohortId, missionLocaleId: form.missionLocaleId, seats: form.seats },
      update: { seats: form.seats },
      select: { id: true },
    });
    await recordAudit(
      { actorId: actor.id, action: "COHORT_QUOTA_SET", entity: "CohortQuota", entityId: quota.id, details: { seats: form.seats } },
      tx,
    );
  });
}
