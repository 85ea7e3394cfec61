// Difficulties reported by the school. They reach the youth's counsellor as a notification
// written in the same transaction; the counsellor takes them in charge, then resolves them, and
// the school that reported one is told how.
import { db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { can, difficultyScope, youthScope, type Actor } from "../../auth/policy.ts";
import { DIFFICULTY_CATEGORY_LABELS } from "../../domain/enums.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { enrolmentSummary } from "../enrolments/service.ts";
import type { DifficultyForm, DifficultyListQuery, ResolutionForm } from "./schemas.ts";
import { resubmittedSince } from "../../domain/resubmission.ts";

export async function difficultyFormFor(actor: Actor, enrolmentId: string) {
  return { enrolment: await enrolmentSummary(actor, enrolmentId) };
}

/** The same report sent again within this window (a double click, a resent form) is one report. */
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
        reportedAt: { gte: resubmittedSince(now) },
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
    await notify(tx, [youth.referentId], {
      title: `Difficulté signalée : ${youth.firstName} ${youth.lastName}`,
      body: `${enrolment.drivingSchool.name} signale une difficulté (${DIFFICULTY_CATEGORY_LABELS[form.category].toLowerCase()}) : ${form.description}`,
      link: `/youths/${youth.id}`,
    });
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

// ---------------------------------------------------------------- handling

const ALREADY_RESOLVED = "Cette difficulté est déjà résolue : sa résolution ne se modifie pas.";

/** A difficulty to handle, within the youth files the person reaches (otherwise 404). */
async function handledDifficulty(actor: Actor, difficultyId: string) {
  const difficulty = await db().difficulty.findFirst({
    where: { id: difficultyId, youth: youthScope(actor) },
    select: { id: true, youthId: true, takenInChargeAt: true, resolvedAt: true },
  });
  if (!difficulty) throw new NotFoundError();
  return difficulty;
}

/** "Je m'en occupe": the first counsellor to take it keeps it; sent again, nothing changes. */
export async function takeCharge(
  actor: Actor,
  difficultyId: string,
  now = new Date(),
): Promise<{ youthId: string; outcome: "taken" | "already-taken" | "resolved" }> {
  const difficulty = await handledDifficulty(actor, difficultyId);
  return db().$transaction(async (tx) => {
    // The condition in the update: of two counsellors clicking at once, only one takes it.
    const taken = await tx.difficulty.updateMany({
      where: { id: difficulty.id, takenInChargeAt: null, resolvedAt: null },
      data: { takenInChargeAt: now, takenInChargeById: actor.id },
    });
    if (taken.count === 0) return { youthId: difficulty.youthId, outcome: difficulty.resolvedAt ? "resolved" : "already-taken" };
    await recordAudit(
      {
        actorId: actor.id,
        action: "DIFFICULTY_TAKEN_IN_CHARGE",
        entity: "Difficulty",
        entityId: difficulty.id,
        details: { youthId: difficulty.youthId },
      },
      tx,
    );
    return { youthId: difficulty.youthId, outcome: "taken" };
  });
}

/** The difficulty as the resolve form shows it (the page that comes back when the text is refused). */
export async function difficultyToResolve(actor: Actor, difficultyId: string) {
  const difficulty = await db().difficulty.findFirst({
    where: { id: difficultyId, youth: youthScope(actor) },
    select: { ...DIFFICULTY_ROW, youth: { select: { id: true, firstName: true, lastName: true } } },
  });
  if (!difficulty) throw new NotFoundError();
  return { difficulty: (await withHandlerNames([difficulty]))[0]! };
}

/** Resolves an open difficulty once; the school user who reported it is told, in the same transaction. */
export async function resolveDifficulty(
  actor: Actor,
  difficultyId: string,
  form: ResolutionForm,
  now = new Date(),
): Promise<{ youthId: string; notified: boolean }> {
  const difficulty = await handledDifficulty(actor, difficultyId);
  return db().$transaction(async (tx) => {
    // Taking it in charge is implied: whoever resolves it was on it, unless someone said so first.
    const resolved = await tx.difficulty.updateMany({
      where: { id: difficulty.id, resolvedAt: null },
      data: {
        resolvedAt: now,
        resolvedById: actor.id,
        resolution: form.resolution,
        ...(difficulty.takenInChargeAt ? {} : { takenInChargeAt: now, takenInChargeById: actor.id }),
      },
    });
    if (resolved.count === 0) throw new FormError("resolution", ALREADY_RESOLVED);
    const row = await tx.difficulty.findUniqueOrThrow({
      where: { id: difficulty.id },
      select: { category: true, reportedById: true, youth: { select: { firstName: true, lastName: true } } },
    });
    const reporter = row.reportedById
      ? await tx.user.findFirst({ where: { id: row.reportedById, isActive: true, NOT: { id: actor.id } }, select: { id: true } })
      : null;
    await notify(tx, [reporter?.id], {
      title: `Difficulté résolue : ${row.youth.firstName} ${row.youth.lastName}`,
      body: `La difficulté signalée (${DIFFICULTY_CATEGORY_LABELS[row.category].toLowerCase()}) est résolue : ${form.resolution}`,
      link: "/difficulties",
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "DIFFICULTY_RESOLVED",
        entity: "Difficulty",
        entityId: difficulty.id,
        details: { youthId: difficulty.youthId, notified: reporter?.id ?? null },
      },
      tx,
    );
    return { youthId: difficulty.youthId, notified: reporter !== null };
  });
}

// ---------------------------------------------------------------- reading

/** What the youth file and the list show of a difficulty and its state. */
const DIFFICULTY_ROW = {
  id: true,
  category: true,
  description: true,
  reportedAt: true,
  takenInChargeAt: true,
  takenInChargeById: true,
  resolvedAt: true,
  resolution: true,
} as const satisfies Prisma.DifficultySelect;

/** The rows with the name of whoever took each in charge (the ids are kept as text, without a
 * relation, like the reporter's): one query for the whole page. */
async function withHandlerNames<T extends { takenInChargeById: string | null }>(rows: readonly T[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.takenInChargeById ? [row.takenInChargeById] : [])))];
  const users = ids.length > 0 ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.displayName]));
  return rows.map((row) => ({ ...row, takenInChargeBy: row.takenInChargeById ? (names.get(row.takenInChargeById) ?? null) : null }));
}

const PAGE_SIZE = 50;

/** The difficulties a person follows, newest first, 50 a page. Those who handle them see the open
 * ones unless they ask for all; a school sees all it reported, resolved or not. */
export async function listDifficulties(actor: Actor, query: DifficultyListQuery) {
  const handles = can(actor, "difficulty:handle");
  const all = !handles || query.all;
  const where: Prisma.DifficultyWhereInput = { AND: [difficultyScope(actor), all ? {} : { resolvedAt: null }] };
  const page = query.page ?? 1;
  const [total, rows] = await Promise.all([
    db().difficulty.count({ where }),
    db().difficulty.findMany({
      where,
      select: {
        ...DIFFICULTY_ROW,
        youth: { select: { id: true, firstName: true, lastName: true } },
        enrolment: { select: { drivingSchool: { select: { name: true } } } },
      },
      orderBy: [{ reportedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return {
    difficulties: await withHandlerNames(rows),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    handles,
    all,
  };
}
