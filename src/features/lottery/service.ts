// The draw, per cohort and Mission Locale (the stratum, i.e. one CohortQuota): 1) freeze the
// eligible list and publish its digest, 2) the public seed, 3) the draw (sha256-rank-v1). A draw is
// immutable: this module never updates an entry, a seed or a frozen list; the only later writes
// are the committee's validation (once) and replacements, recorded beside the draw.
import { randomUUID } from "node:crypto";
import { db } from "../../db/client.ts";
import type { DrawOutcome } from "../../domain/enums.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { drawScope, missionLocaleScope, seesApplicantNames, type Actor } from "../../auth/policy.ts";
import { addMonths, formatDate, formatDateInWords, formatDateTime, formatMoment, parisIsoDay, startOfParisDay } from "../../domain/time.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import { eligibilityOf } from "../applications/service.ts";
import { notify } from "../notifications/service.ts";
import { listDigest, rankApplicants, type RankedEntry } from "./algorithm.ts";
import type { Proof } from "./proof.ts";
import type { DrawForm, InfoMeetingForm, ValidationForm, WithdrawalForm } from "./schemas.ts";
import { proofOf, verifyStoredDraw, type StoredDraw } from "./verification.ts";
import type { ApplicationStatus } from "../../domain/enums.ts";
import { createDrawSurveys } from "../surveys/service.ts";

const NOTHING_ELIGIBLE = "Aucune candidature éligible dans cette Mission Locale : il n'y a rien à figer.";
const ALREADY_FROZEN = "La liste est déjà figée : elle ne peut plus changer.";
const NOT_FROZEN = "Figez d'abord la liste des candidatures éligibles.";
const BEFORE_DRAW_DAY = (day: string) =>
  `Le tirage de cette promotion est annoncé pour le ${day} : il ne peut pas avoir lieu avant (l'âge des candidat·es est apprécié ce jour-là).`;
const ALREADY_DRAWN = "Le tirage de cette promotion a déjà eu lieu pour cette Mission Locale. Un tirage ne se refait pas.";
const ALREADY_VALIDATED = "La validation du comité est déjà enregistrée.";
const NOT_IN_DRAW = "Cette candidature ne fait pas partie de ce tirage.";
const NOT_SELECTED = "Seul·e un·e jeune actuellement retenu·e peut se désister.";
const NOT_VALIDATED = "Enregistrez d'abord la validation du comité : les jeunes ne sont prévenus qu'ensuite.";
const MEETING_BEFORE_DRAW = (drawnAt: Date) =>
  `La réunion d'information suit le tirage (${formatDateTime(drawnAt)}) : choisissez une date après.`;
const MEETING_TOO_LATE = (last: Date) =>
  `La réunion d'information a lieu dans les six mois qui suivent le tirage : au plus tard le ${formatDateInWords(last)}.`;
/** The meeting gathers the youths drawn while the programme starts: within six months of the draw. */
const MEETING_MONTHS_AFTER_DRAW = 6;

/** Applications that may enter a draw; withdrawn and draft files never do. */
const CANDIDATE_STATUSES: ApplicationStatus[] = ["SUBMITTED", "ELIGIBLE", "INELIGIBLE"];

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** SQLite caps the parameters of one statement, and a relation filter over 10 000 rows is slow
 * here (bench/lottery-draw-db.ts): statuses are set by primary key, in chunks. */
const CHUNK = 500;
async function setStatus(tx: Prisma.TransactionClient, ids: readonly string[], status: ApplicationStatus): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.application.updateMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, data: { status } });
  }
}

/**
 * The draw's entries, written inside the draw's transaction. Prisma's createMany costs about
 * 90 µs a row with the JS engine, i.e. 0.9 s for a stratum of 10 000 — over the 1 s budget of the
 * whole draw (bench/lottery-draw-db.ts) — so the rows go in batches of one parameterised INSERT.
 */
async function insertEntries(
  tx: Prisma.TransactionClient,
  drawId: string,
  entries: readonly (RankedEntry & { applicationId: string })[],
): Promise<void> {
  const BATCH = 1000;
  for (let i = 0; i < entries.length; i += BATCH) {
    const rows = entries
      .slice(i, i + BATCH)
      .map((e) => Prisma.sql`(${randomUUID()}, ${drawId}, ${e.applicationId}, ${e.ref}, ${e.key}, ${e.rank}, ${e.outcome})`);
    await tx.$executeRaw`INSERT INTO "LotteryEntry" ("id", "drawId", "applicationId", "ref", "key", "rank", "outcome") VALUES ${Prisma.join(rows)}`;
  }
}

// ---------------------------------------------------------------- overview and stratum

export async function lotteryOverview(actor: Actor) {
  const cohorts = await db().cohort.findMany({
    orderBy: { drawDate: "desc" },
    select: {
      id: true,
      name: true,
      drawDate: true,
      quotas: {
        where: { missionLocale: missionLocaleScope(actor) },
        select: { id: true, seats: true, missionLocaleId: true, missionLocale: { select: { name: true, code: true } } },
        orderBy: { missionLocale: { name: "asc" } },
      },
      freezes: {
        where: { missionLocale: missionLocaleScope(actor) },
        select: { missionLocaleId: true, listDigest: true, frozenAt: true, _count: { select: { applicants: true } } },
      },
      draws: { where: drawScope(actor), select: { id: true, missionLocaleId: true, drawnAt: true, validatedAt: true } },
    },
  });
  return cohorts.map((cohort) => ({
    ...cohort,
    strata: cohort.quotas.map((quota) => ({
      ...quota,
      freeze: cohort.freezes.find((f) => f.missionLocaleId === quota.missionLocaleId) ?? null,
      draw: cohort.draws.find((d) => d.missionLocaleId === quota.missionLocaleId) ?? null,
    })),
  }));
}

async function scopedQuota(actor: Actor, quotaId: string) {
  const quota = await db().cohortQuota.findFirst({
    where: { AND: [{ id: quotaId }, { missionLocale: missionLocaleScope(actor) }] },
    select: {
      id: true,
      seats: true,
      cohortId: true,
      missionLocaleId: true,
      cohort: {
        select: { id: true, name: true, drawDate: true, quotas: { where: { seats: { gt: 0 } }, select: { missionLocaleId: true } } },
      },
      missionLocale: { select: { id: true, name: true, code: true } },
    },
  });
  if (!quota) throw new NotFoundError();
  return quota;
}

type Quota = Awaited<ReturnType<typeof scopedQuota>>;

/** Every candidate of the stratum with its eligibility computed now, from the stored file. */
async function candidatesOf(client: Prisma.TransactionClient | ReturnType<typeof db>, quota: Quota) {
  const applications = await client.application.findMany({
    where: { cohortId: quota.cohortId, status: { in: CANDIDATE_STATUSES }, youth: { missionLocaleId: quota.missionLocaleId } },
    select: {
      id: true,
      youth: {
        select: {
          ref: true,
          firstName: true,
          lastName: true,
          birthDate: true,
          missionLocaleId: true,
          professionalProject: true,
          lotteryConsentAt: true,
          evaluationConsentAt: true,
        },
      },
    },
    orderBy: { youth: { ref: "asc" } },
  });
  const context = {
    drawDate: quota.cohort.drawDate,
    missionLocaleName: quota.missionLocale.name,
    missionLocalesWithSeats: new Set(quota.cohort.quotas.map((q) => q.missionLocaleId)),
  };
  return applications.map((application) => ({ ...application, eligibility: eligibilityOf(application.youth, context) }));
}

export async function stratumPage(actor: Actor, quotaId: string) {
  const quota = await scopedQuota(actor, quotaId);
  const freeze = await db().lotteryFreeze.findUnique({
    where: { cohortId_missionLocaleId: { cohortId: quota.cohortId, missionLocaleId: quota.missionLocaleId } },
    select: { id: true, listDigest: true, frozenAt: true, _count: { select: { applicants: true } }, draw: { select: { id: true } } },
  });
  if (freeze) return { quota, freeze, eligibleCount: freeze._count.applicants, ineligible: [] };
  const candidates = await candidatesOf(db(), quota);
  const eligible = candidates.filter((c) => c.eligibility.eligible);
  return {
    quota,
    freeze: null,
    eligibleCount: eligible.length,
    previewDigest: eligible.length > 0 ? listDigest(eligible.map((c) => c.youth.ref)) : null,
    ineligible: candidates
      .filter((c) => !c.eligibility.eligible)
      .map((c) => ({
        id: c.id,
        ref: c.youth.ref,
        name: `${c.youth.firstName} ${c.youth.lastName}`,
        reasons: c.eligibility.lines.filter((l) => !l.ok).map((l) => l.text),
      })),
  };
}

/** Step 1: the eligible list, frozen and published (its digest), before any seed is known. */
export async function freezeStratum(actor: Actor, quotaId: string): Promise<string> {
  const quota = await scopedQuota(actor, quotaId);
  try {
    return await db().$transaction(async (tx) => {
      const candidates = await candidatesOf(tx, quota);
      const eligible = candidates.filter((c) => c.eligibility.eligible);
      const ineligible = candidates.filter((c) => !c.eligibility.eligible);
      if (eligible.length === 0) throw new FormError("_form", NOTHING_ELIGIBLE);
      const digest = listDigest(eligible.map((c) => c.youth.ref));
      const freeze = await tx.lotteryFreeze.create({
        data: { cohortId: quota.cohortId, missionLocaleId: quota.missionLocaleId, listDigest: digest, frozenById: actor.id },
        select: { id: true },
      });
      await tx.frozenApplicant.createMany({ data: eligible.map((c) => ({ freezeId: freeze.id, applicationId: c.id, ref: c.youth.ref })) });
      await setStatus(
        tx,
        eligible.map((c) => c.id),
        "ELIGIBLE",
      );
      await setStatus(
        tx,
        ineligible.map((c) => c.id),
        "INELIGIBLE",
      );
      await recordAudit(
        {
          actorId: actor.id,
          action: "LOTTERY_FROZEN",
          entity: "LotteryFreeze",
          entityId: freeze.id,
          details: { listDigest: digest, eligible: eligible.length, ineligible: ineligible.length },
        },
        tx,
      );
      return freeze.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FormError("_form", ALREADY_FROZEN);
    throw error;
  }
}

/** Steps 2 and 3: the public seed, then the ranks, written once with createMany. */
export async function drawStratum(actor: Actor, quotaId: string, form: DrawForm, now = new Date()): Promise<string> {
  const quota = await scopedQuota(actor, quotaId);
  // Eligibility (18–25) was judged on the announced draw day: drawing earlier would not match it.
  if (now < startOfParisDay(quota.cohort.drawDate)) throw new FormError("_form", BEFORE_DRAW_DAY(formatDate(quota.cohort.drawDate)));
  try {
    return await db().$transaction(async (tx) => {
      const freeze = await tx.lotteryFreeze.findUnique({
        where: { cohortId_missionLocaleId: { cohortId: quota.cohortId, missionLocaleId: quota.missionLocaleId } },
        select: { id: true, listDigest: true, draw: { select: { id: true } }, applicants: { select: { ref: true, applicationId: true } } },
      });
      if (!freeze) throw new FormError("_form", NOT_FROZEN);
      if (freeze.draw) throw new FormError("_form", ALREADY_DRAWN);
      const refs = freeze.applicants.map((a) => a.ref);
      // The list drawn from must be the one whose digest was published.
      if (listDigest(refs) !== freeze.listDigest) throw new Error(`frozen list ${freeze.id} no longer matches its digest`);
      const applicationOf = new Map(freeze.applicants.map((a) => [a.ref, a.applicationId]));
      const entries = rankApplicants(form.seed, quota.missionLocale.code, refs, quota.seats);
      const draw = await tx.lotteryDraw.create({
        data: {
          cohortId: quota.cohortId,
          missionLocaleId: quota.missionLocaleId,
          freezeId: freeze.id,
          seed: form.seed,
          listDigest: freeze.listDigest,
          seats: quota.seats,
          drawnAt: new Date(),
          drawnById: actor.id,
        },
        select: { id: true },
      });
      await insertEntries(
        tx,
        draw.id,
        entries.map((e) => ({ ...e, applicationId: applicationOf.get(e.ref)! })),
      );
      for (const outcome of ["SELECTED", "WAITLISTED"] as const) {
        await setStatus(
          tx,
          entries.filter((e) => e.outcome === outcome).map((e) => applicationOf.get(e.ref)!),
          outcome,
        );
      }
      await recordAudit(
        {
          actorId: actor.id,
          action: "LOTTERY_DRAWN",
          entity: "LotteryDraw",
          entityId: draw.id,
          details: { seed: form.seed, seats: quota.seats, entries: entries.length },
        },
        tx,
      );
      return draw.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FormError("_form", ALREADY_DRAWN);
    throw error;
  }
}

// ---------------------------------------------------------------- the draw and its proof

async function scopedDraw(actor: Actor, drawId: string) {
  const draw = await db().lotteryDraw.findFirst({
    where: { AND: [{ id: drawId }, drawScope(actor)] },
    select: { id: true, cohortId: true, missionLocaleId: true, validatedAt: true, drawnAt: true },
  });
  if (!draw) throw new NotFoundError();
  return draw;
}

export async function drawPage(actor: Actor, drawId: string) {
  const names = seesApplicantNames(actor);
  const draw = await db().lotteryDraw.findFirst({
    where: { AND: [{ id: drawId }, drawScope(actor)] },
    select: {
      id: true,
      seed: true,
      listDigest: true,
      seats: true,
      drawnAt: true,
      drawnById: true,
      validatedAt: true,
      validatedById: true,
      validationNote: true,
      cohortId: true,
      missionLocaleId: true,
      cohort: { select: { name: true, drawDate: true } },
      missionLocale: { select: { name: true, code: true } },
      freeze: { select: { id: true, listDigest: true, frozenAt: true, frozenById: true, applicants: { select: { ref: true } } } },
      entries: {
        orderBy: { rank: "asc" },
        select: {
          ref: true,
          key: true,
          rank: true,
          outcome: true,
          application: {
            select: {
              id: true,
              status: true,
              attendanceCommitmentAt: true,
              contributionCommitmentAt: true,
              infoMeetingId: true,
              youth: { select: { firstName: names, lastName: names, account: { select: { id: true } } } },
            },
          },
        },
      },
      replacements: {
        orderBy: { at: "asc" },
        select: {
          at: true,
          reason: true,
          byId: true,
          withdrawn: { select: { youth: { select: { ref: true } } } },
          promoted: { select: { youth: { select: { ref: true } } } },
        },
      },
    },
  });
  if (!draw) throw new NotFoundError();
  const verification = verifyStoredDraw({
    ...drawnInputs(draw),
    frozenRefs: draw.freeze.applicants.map((a) => a.ref),
    freezeDigest: draw.freeze.listDigest,
  });
  const peopleIds = [draw.drawnById, draw.validatedById, draw.freeze.frozenById, ...draw.replacements.map((r) => r.byId)].filter(
    (id): id is string => Boolean(id),
  );
  const [people, infoMeeting] = await Promise.all([
    db().user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, displayName: true } }),
    db().infoMeeting.findFirst({
      where: { cohortId: draw.cohortId, missionLocaleId: draw.missionLocaleId },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true, place: true },
    }),
  ]);
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? "—";
  return {
    draw,
    names,
    verification,
    infoMeeting,
    drawnBy: nameOf(draw.drawnById),
    validatedBy: nameOf(draw.validatedById),
    frozenBy: nameOf(draw.freeze.frozenById),
    replacements: draw.replacements.map((r) => ({ ...r, by: nameOf(r.byId) })),
    selected: draw.entries.filter((e) => e.outcome === "SELECTED"),
    waitlisted: draw.entries.filter((e) => e.outcome === "WAITLISTED"),
    currentlySelected: draw.entries.filter((e) => e.application.status === "SELECTED"),
  };
}

type DrawRecord = {
  seed: string;
  listDigest: string;
  seats: number;
  drawnAt: Date;
  cohort: { name: string };
  missionLocale: { code: string };
  entries: { ref: string; key: string; rank: number; outcome: DrawOutcome }[];
};

/** A stored draw as the proof and its re-verification read it (entries in rank order). */
function drawnInputs(draw: DrawRecord): Omit<StoredDraw, "frozenRefs" | "freezeDigest"> {
  return {
    cohortName: draw.cohort.name,
    stratum: draw.missionLocale.code,
    seats: draw.seats,
    seed: draw.seed,
    listDigest: draw.listDigest,
    drawnAt: draw.drawnAt,
    // Field by field: the draw page's record also carries each entry's application and youth,
    // which must never travel into a proof.
    entries: draw.entries.map(({ ref, key, rank, outcome }) => ({ ref, key, rank, outcome })),
  };
}

const PROOF_NOT_FOUND = "Aucun tirage ne porte cet identifiant.";
const PROOF_NOT_VALIDATED =
  "La preuve de ce tirage sera publiée après la validation du comité du programme. La liste figée et la graine sont déjà publiques.";

/** The public proof (docs/lottery.md): refs, keys, ranks and outcomes as drawn — no personal data.
 * Published once the committee has validated the draw: before that, the outcome is not official. */
export async function publicProof(drawId: string): Promise<Proof> {
  const draw = await db().lotteryDraw.findUnique({
    where: { id: drawId },
    select: {
      validatedAt: true,
      seed: true,
      listDigest: true,
      seats: true,
      drawnAt: true,
      cohort: { select: { name: true } },
      missionLocale: { select: { code: true } },
      entries: { orderBy: { rank: "asc" }, select: { ref: true, key: true, rank: true, outcome: true } },
    },
  });
  if (!draw) throw new NotFoundError(PROOF_NOT_FOUND);
  if (!draw.validatedAt) throw new NotFoundError(PROOF_NOT_VALIDATED);
  return proofOf(drawnInputs(draw));
}

const LIST_NOT_FOUND = "Aucune liste figée ne porte cet identifiant.";

/** The frozen list as published before the seed is known: refs only, byte order, and its digest;
 * then the seed, public as soon as the draw is made (the proof waits for the committee). */
export async function publicFrozenList(freezeId: string) {
  const freeze = await db().lotteryFreeze.findUnique({
    where: { id: freezeId },
    select: {
      listDigest: true,
      frozenAt: true,
      cohort: { select: { name: true } },
      missionLocale: { select: { code: true } },
      applicants: { select: { ref: true } },
      draw: { select: { seed: true } },
    },
  });
  if (!freeze) throw new NotFoundError(LIST_NOT_FOUND);
  const refs = freeze.applicants.map((a) => a.ref).sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  return {
    cohort: freeze.cohort.name,
    stratum: freeze.missionLocale.code,
    listDigest: freeze.listDigest,
    frozenAt: freeze.frozenAt.toISOString(),
    refs,
    seed: freeze.draw?.seed ?? null,
  };
}

// ---------------------------------------------------------------- after the draw

/** The committee's decision, recorded once (who, when, note); only then are youths told. */
export async function validateDraw(actor: Actor, drawId: string, form: ValidationForm): Promise<void> {
  await scopedDraw(actor, drawId);
  await db().$transaction(async (tx) => {
    const updated = await tx.lotteryDraw.updateMany({
      where: { id: drawId, validatedAt: null },
      data: { validatedAt: new Date(), validatedById: actor.id, validationNote: form.note },
    });
    if (updated.count !== 1) throw new FormError("note", ALREADY_VALIDATED);
    await recordAudit({ actorId: actor.id, action: "LOTTERY_VALIDATED", entity: "LotteryDraw", entityId: drawId }, tx);
    await announceOutcome(tx, drawId);
    await createDrawSurveys(tx, drawId);
  });
}

/** Once validated, each youth of the draw with an account learns where they stand now (selected or
 * waiting; one who withdrew meanwhile is not told): two notices, whatever the draw's size. */
async function announceOutcome(tx: Prisma.TransactionClient, drawId: string): Promise<void> {
  const draw = await tx.lotteryDraw.findUniqueOrThrow({
    where: { id: drawId },
    select: {
      cohort: { select: { name: true } },
      entries: { select: { application: { select: { status: true, youth: { select: { account: { select: { id: true } } } } } } } },
    },
  });
  const accountsWith = (status: ApplicationStatus) =>
    draw.entries.filter((entry) => entry.application.status === status).map((entry) => entry.application.youth.account?.id);
  await notify(tx, accountsWith("SELECTED"), {
    title: "Résultat du tirage au sort",
    body: `Bonne nouvelle : vous êtes retenu·e pour le programme AUTOnomie (${draw.cohort.name}). La date de la réunion d'information suivra.`,
    link: "/me",
  });
  await notify(tx, accountsWith("WAITLISTED"), {
    title: "Résultat du tirage au sort",
    body: `Vous êtes sur la liste d'attente du programme AUTOnomie (${draw.cohort.name}). Si une place se libère, vous serez prévenu·e ici.`,
    link: "/me",
  });
}

/**
 * A selected youth withdraws: the best-ranked applicant still waiting is promoted (never re-drawn,
 * docs/lottery.md step 4). Entries keep their outcome as drawn — the evaluation's assignment.
 */
export async function withdrawAndPromote(
  actor: Actor,
  drawId: string,
  form: WithdrawalForm,
): Promise<{ withdrawnRef: string; promotedRef: string | null }> {
  const draw = await scopedDraw(actor, drawId);
  return db().$transaction(async (tx) => {
    const entry = await tx.lotteryEntry.findFirst({ where: { drawId, applicationId: form.applicationId }, select: { ref: true } });
    if (!entry) throw new FormError("applicationId", NOT_IN_DRAW);
    const now = new Date();
    const withdrawn = await tx.application.updateMany({
      where: { id: form.applicationId, status: "SELECTED" },
      data: { status: "WITHDRAWN", withdrawnAt: now, withdrawalReason: form.reason },
    });
    if (withdrawn.count !== 1) throw new FormError("applicationId", NOT_SELECTED);
    await recordAudit(
      {
        actorId: actor.id,
        action: "APPLICATION_WITHDRAWN",
        entity: "Application",
        entityId: form.applicationId,
        details: { drawId, reason: form.reason },
      },
      tx,
    );

    const next = await tx.lotteryEntry.findFirst({
      where: { drawId, outcome: "WAITLISTED", application: { status: "WAITLISTED" } },
      orderBy: { rank: "asc" },
      select: { ref: true, rank: true, applicationId: true },
    });
    if (!next) return { withdrawnRef: entry.ref, promotedRef: null };
    const meeting = draw.validatedAt
      ? await tx.infoMeeting.findFirst({
          where: { cohortId: draw.cohortId, missionLocaleId: draw.missionLocaleId },
          orderBy: { startsAt: "desc" },
          select: { id: true, startsAt: true, place: true },
        })
      : null;
    const promoted = await tx.application.updateMany({
      where: { id: next.applicationId, status: "WAITLISTED" },
      data: { status: "SELECTED", ...(meeting ? { infoMeetingId: meeting.id } : {}) },
    });
    if (promoted.count !== 1) throw new Error("waiting list changed during the promotion");
    const replacement = await tx.lotteryReplacement.create({
      data: {
        drawId,
        withdrawnApplicationId: form.applicationId,
        promotedApplicationId: next.applicationId,
        reason: `Désistement de ${entry.ref} : ${form.reason}`,
        byId: actor.id,
        at: now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "LOTTERY_PROMOTED",
        entity: "LotteryReplacement",
        entityId: replacement.id,
        details: { drawId, withdrawn: entry.ref, promoted: next.ref, rank: next.rank },
      },
      tx,
    );
    await announcePromotion(tx, actor, next.applicationId, draw.validatedAt ? { meeting } : null);
    return { withdrawnRef: entry.ref, promotedRef: next.ref };
  });
}

/** A promotion reaches the youth's counsellor at once, and the youth (with an account) when the
 * draw is validated: before that, no outcome is told to youths. */
async function announcePromotion(
  tx: Prisma.TransactionClient,
  actor: Actor,
  applicationId: string,
  validated: { meeting: { startsAt: Date; place: string } | null } | null,
): Promise<void> {
  const { cohort, youth } = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      cohort: { select: { name: true } },
      youth: { select: { id: true, ref: true, firstName: true, lastName: true, referentId: true, account: { select: { id: true } } } },
    },
  });
  const name = `${youth.firstName} ${youth.lastName}`;
  await notify(
    tx,
    [youth.referentId].filter((id) => id !== actor.id),
    {
      title: `Place libérée : ${name} est retenu·e`,
      body: `${name} (${youth.ref}) passe de la liste d'attente aux retenu·es du programme (${cohort.name}), à la suite d'un désistement.`,
      link: `/youths/${youth.id}`,
    },
  );
  if (!validated) return;
  const meeting = validated.meeting
    ? ` Réunion d'information le ${formatMoment(validated.meeting.startsAt)}, ${validated.meeting.place}.`
    : "";
  await notify(tx, [youth.account?.id], {
    title: "Une place s'est libérée",
    body: `Bonne nouvelle : vous êtes retenu·e pour le programme AUTOnomie (${cohort.name}).${meeting}`,
    link: "/me",
  });
}

/** The information meeting of the stratum; every youth currently selected is invited to it. */
export async function setInfoMeeting(actor: Actor, drawId: string, form: InfoMeetingForm): Promise<void> {
  const draw = await scopedDraw(actor, drawId);
  if (!draw.validatedAt) throw new FormError("startsAt", NOT_VALIDATED);
  const startsAt = form.startsAt;
  if (startsAt < draw.drawnAt) throw new FormError("startsAt", MEETING_BEFORE_DRAW(draw.drawnAt));
  const last = addMonths(draw.drawnAt, MEETING_MONTHS_AFTER_DRAW);
  if (parisIsoDay(startsAt) > parisIsoDay(last)) throw new FormError("startsAt", MEETING_TOO_LATE(last));
  await db().$transaction(async (tx) => {
    const existing = await tx.infoMeeting.findFirst({
      where: { cohortId: draw.cohortId, missionLocaleId: draw.missionLocaleId },
      select: { id: true, startsAt: true, place: true },
    });
    const meeting = existing
      ? await tx.infoMeeting.update({ where: { id: existing.id }, data: { startsAt, place: form.place }, select: { id: true } })
      : await tx.infoMeeting.create({
          data: { cohortId: draw.cohortId, missionLocaleId: draw.missionLocaleId, startsAt, place: form.place },
          select: { id: true },
        });
    const invited = await tx.application.updateMany({
      where: { status: "SELECTED", lotteryEntries: { some: { drawId } } },
      data: { infoMeetingId: meeting.id },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "INFO_MEETING_SET",
        entity: "InfoMeeting",
        entityId: meeting.id,
        details: { drawId, startsAt: startsAt.toISOString(), invited: invited.count },
      },
      tx,
    );
    const unchanged = existing && existing.startsAt.getTime() === startsAt.getTime() && existing.place === form.place;
    if (unchanged) return;
    const invitees = await tx.user.findMany({
      where: { youth: { is: { applications: { some: { status: "SELECTED", lotteryEntries: { some: { drawId } } } } } } },
      select: { id: true },
    });
    const where = `le ${formatMoment(startsAt)}, ${form.place}`;
    await notify(
      tx,
      invitees.map((user) => user.id),
      existing
        ? {
            title: "Réunion d'information déplacée",
            body: `La réunion d'information du programme a maintenant lieu ${where}.`,
            link: "/me",
          }
        : { title: "Réunion d'information", body: `Vous êtes invité·e à la réunion d'information du programme ${where}.`, link: "/me" },
    );
  });
}
