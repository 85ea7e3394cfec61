// Recommendations ("préconisations d'ajustement"): proposed by whoever follows the training (the
// counsellor, the school, the coordination), decided by the counsellor or the coordination,
// carried out by those concerned, read by the youth. Each step is audited and announced to those
// it concerns inside its own transaction; docs/recommendations.md describes the workflow.
import { z } from "zod";
import { db, type DbTx } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { recommendationInReach } from "../../db/sql-scopes.ts";
import { can, fileReach, recommendationScope, schoolStaff, youthScope, type Actor } from "../../auth/policy.ts";
import { RECOMMENDATION_KIND_LABELS, RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES } from "../../domain/enums.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { addDays, parisIsoDay, utcDay } from "../../domain/time.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { allows, paceOnAcceptance, statusesFor } from "./rules.ts";
import { PACE_REQUIRED, type DecisionForm, type ProposalForm, type SuggestionForm } from "./schemas.ts";
import { warningsOfYouth } from "../warnings/service.ts";
import { resubmittedSince } from "../../domain/resubmission.ts";

/** The same proposal sent again within this window (a double click on a suggestion) is one. */
const ALREADY_DECIDED = "Cette préconisation a déjà été décidée : sa décision ne se modifie pas.";
const SUGGESTION_GONE =
  "Cette alerte ne s'applique plus à ce jeune : rien n'a été proposé. Les alertes ci-dessous sont celles d'aujourd'hui.";
const NOT_ACCEPTED = "Seule une préconisation acceptée, pas encore réalisée, peut être marquée réalisée.";

const fullName = (youth: { firstName: string; lastName: string }) => `${youth.firstName} ${youth.lastName}`;
const labelOf = (kind: keyof typeof RECOMMENDATION_KIND_LABELS) => RECOMMENDATION_KIND_LABELS[kind].toLowerCase();

/** The youth with what the notices need: their counsellor, account and current school. */
const YOUTH_CONTEXT = {
  id: true,
  firstName: true,
  lastName: true,
  referentId: true,
  maxLessonsPerWeek: true,
  account: { select: { id: true, isActive: true } },
  enrolments: { where: { isCurrent: true }, select: { drivingSchoolId: true } },
} as const satisfies Prisma.YouthSelect;

/** The active staff of the youth's current school, unless the person acting is one of them. */
async function currentSchoolStaff(tx: DbTx, actor: Actor, drivingSchoolId: string | undefined): Promise<string[]> {
  if (!drivingSchoolId || actor.drivingSchoolId === drivingSchoolId) return [];
  const staff = await tx.user.findMany({ where: schoolStaff(drivingSchoolId), select: { id: true } });
  return staff.map((user) => user.id);
}

const others = (actor: Actor, ...ids: (string | null | undefined)[]) => ids.filter((id) => id && id !== actor.id);

// ---------------------------------------------------------------- proposing

type YouthContext = Prisma.YouthGetPayload<{ select: typeof YOUTH_CONTEXT }>;

/** The youth a proposal is about, within the caller's scope (otherwise 404). */
async function youthToAdvise(actor: Actor, youthId: string): Promise<YouthContext> {
  const youth = await db().youth.findFirst({ where: { AND: [{ id: youthId }, youthScope(actor)] }, select: YOUTH_CONTEXT });
  if (!youth) throw new NotFoundError();
  return youth;
}

export async function proposeRecommendation(
  actor: Actor,
  youthId: string,
  form: ProposalForm,
  now = new Date(),
): Promise<{ youthId: string; duplicate: boolean }> {
  return propose(actor, await youthToAdvise(actor, youthId), form, now);
}

async function propose(actor: Actor, youth: YouthContext, form: ProposalForm, now: Date): Promise<{ youthId: string; duplicate: boolean }> {
  return db().$transaction(async (tx) => {
    // Inside the transaction: of two identical proposals sent at once, the second sees the first.
    const twin = await tx.recommendation.findFirst({
      where: {
        youthId: youth.id,
        kind: form.kind,
        text: form.text,
        createdAt: { gte: resubmittedSince(now) },
      },
      select: { id: true },
    });
    if (twin) return { youthId: youth.id, duplicate: true };
    const recommendation = await tx.recommendation.create({
      data: {
        youthId: youth.id,
        authorId: actor.id,
        kind: form.kind,
        text: form.text,
        dueOn: utcDay(form.dueOn),
        lessonsPerWeek: form.lessonsPerWeek ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    // The counsellor decides; the school is told what the Mission Locale suggests for its learner.
    const school = await currentSchoolStaff(tx, actor, youth.enrolments[0]?.drivingSchoolId);
    await notify(tx, [...others(actor, youth.referentId), ...school], {
      title: `Préconisation proposée : ${fullName(youth)}`,
      body: `${labelOf(form.kind)} — ${form.text}`,
      link: `/youths/${youth.id}`,
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "RECOMMENDATION_PROPOSED",
        entity: "Recommendation",
        entityId: recommendation.id,
        details: { youthId: youth.id, kind: form.kind, dueOn: form.dueOn, lessonsPerWeek: form.lessonsPerWeek ?? null },
      },
      tx,
    );
    return { youthId: youth.id, duplicate: false };
  });
}

/** How long a suggested adjustment gives itself, from the day it is proposed. */
const SUGGESTION_DUE_DAYS = 14;

/**
 * A warning's suggested adjustment, proposed in one click: its kind and text are read back from the
 * youth's warnings as of now (a warning that no longer applies proposes nothing), due in
 * SUGGESTION_DUE_DAYS days; a change of pace takes the pace given with it.
 */
export async function proposeSuggestion(actor: Actor, youthId: string, form: SuggestionForm, now = new Date()) {
  const youth = await youthToAdvise(actor, youthId);
  const warning = (await warningsOfYouth(youth.id, now)).find((candidate) => candidate.code === form.warning);
  if (!warning) throw new FormError("warning", SUGGESTION_GONE);
  const { kind, text } = warning.suggestion;
  if (kind === "PACE_CHANGE" && form.lessonsPerWeek === undefined) throw new FormError("lessonsPerWeek", PACE_REQUIRED);
  const dueOn = parisIsoDay(addDays(now, SUGGESTION_DUE_DAYS));
  const lessonsPerWeek = kind === "PACE_CHANGE" ? form.lessonsPerWeek : undefined;
  return propose(actor, youth, { kind, text, dueOn, lessonsPerWeek }, now);
}

// ---------------------------------------------------------------- the next steps

/** A recommendation within the caller's scope (otherwise 404). */
async function recommendationInScope(actor: Actor, recommendationId: string) {
  const recommendation = await db().recommendation.findFirst({
    where: { AND: [{ id: recommendationId }, recommendationScope(actor)] },
    select: { id: true, youthId: true, kind: true, status: true, text: true, lessonsPerWeek: true, authorId: true },
  });
  if (!recommendation) throw new NotFoundError();
  return recommendation;
}

/** Only the youth file's page comes back on a refusal: this tells it which youth. */
export async function youthOfRecommendation(actor: Actor, recommendationId: string): Promise<string> {
  return (await recommendationInScope(actor, recommendationId)).youthId;
}

/**
 * Accepts or declines a proposal, once. Accepting a change of pace sets the youth's weekly pace
 * (what the school's planning keeps to) in the same transaction.
 */
export async function decideRecommendation(
  actor: Actor,
  recommendationId: string,
  form: DecisionForm,
  now = new Date(),
): Promise<{ youthId: string; decision: DecisionForm["decision"]; pace: number | null }> {
  const recommendation = await recommendationInScope(actor, recommendationId);
  return db().$transaction(async (tx) => {
    // The condition in the update: of two decisions sent at once, only the first counts.
    const decided = await tx.recommendation.updateMany({
      where: { id: recommendation.id, status: { in: statusesFor("decide") } },
      data: { status: form.decision, decidedById: actor.id, decidedAt: now, decisionNote: form.note ?? null },
    });
    if (decided.count === 0) throw new FormError("decision", ALREADY_DECIDED);
    const youth = await tx.youth.findUniqueOrThrow({ where: { id: recommendation.youthId }, select: YOUTH_CONTEXT });
    const accepted = form.decision === "ACCEPTED";
    const pace = accepted ? paceOnAcceptance(recommendation) : null;
    if (pace !== null) {
      await tx.youth.update({ where: { id: youth.id }, data: { maxLessonsPerWeek: pace } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "YOUTH_PACE_SET",
          entity: "Youth",
          entityId: youth.id,
          details: { from: youth.maxLessonsPerWeek, to: pace, recommendationId: recommendation.id },
        },
        tx,
      );
    }
    const subject = `${labelOf(recommendation.kind)} — ${recommendation.text}`;
    if (accepted) {
      const school = await currentSchoolStaff(tx, actor, youth.enrolments[0]?.drivingSchoolId);
      await notify(tx, [...others(actor, recommendation.authorId), ...school], {
        title: `Préconisation acceptée : ${fullName(youth)}`,
        body: pace === null ? subject : `${subject} (rythme fixé à ${pace} leçon${pace > 1 ? "s" : ""} par semaine au plus)`,
        link: `/youths/${youth.id}`,
      });
      if (youth.account?.isActive)
        await notify(tx, [youth.account.id], { title: "Un nouveau conseil pour votre permis", body: recommendation.text, link: "/me" });
    } else {
      await notify(tx, others(actor, recommendation.authorId), {
        title: `Préconisation refusée : ${fullName(youth)}`,
        body: form.note ? `${subject}. Motif : ${form.note}` : subject,
        link: `/youths/${youth.id}`,
      });
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: accepted ? "RECOMMENDATION_ACCEPTED" : "RECOMMENDATION_DECLINED",
        entity: "Recommendation",
        entityId: recommendation.id,
        details: { youthId: youth.id, pace },
      },
      tx,
    );
    return { youthId: youth.id, decision: form.decision, pace };
  });
}

/** Marks an accepted recommendation carried out, once; the counsellor is told when someone else did it. */
export async function completeRecommendation(actor: Actor, recommendationId: string, now = new Date()): Promise<{ youthId: string }> {
  const recommendation = await recommendationInScope(actor, recommendationId);
  return db().$transaction(async (tx) => {
    const done = await tx.recommendation.updateMany({
      where: { id: recommendation.id, status: { in: statusesFor("complete") } },
      data: { status: "DONE", doneById: actor.id, doneAt: now },
    });
    if (done.count === 0) throw new FormError("_form", NOT_ACCEPTED);
    const youth = await tx.youth.findUniqueOrThrow({ where: { id: recommendation.youthId }, select: YOUTH_CONTEXT });
    await notify(tx, others(actor, youth.referentId), {
      title: `Préconisation réalisée : ${fullName(youth)}`,
      body: `${labelOf(recommendation.kind)} — ${recommendation.text}`,
      link: `/youths/${youth.id}`,
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "RECOMMENDATION_DONE",
        entity: "Recommendation",
        entityId: recommendation.id,
        details: { youthId: youth.id },
      },
      tx,
    );
    return { youthId: youth.id };
  });
}

/** The youth's "J'ai lu" on one of their accepted recommendations; sent again, nothing changes. */
export async function acknowledgeRecommendation(actor: Actor, recommendationId: string, now = new Date()): Promise<void> {
  const recommendation = await recommendationInScope(actor, recommendationId);
  if (!allows("acknowledge", recommendation.status)) throw new NotFoundError();
  await db().$transaction(async (tx) => {
    const read = await tx.recommendation.updateMany({
      where: { id: recommendation.id, acknowledgedAt: null },
      data: { acknowledgedAt: now },
    });
    if (read.count === 0) return;
    await recordAudit(
      {
        actorId: actor.id,
        action: "RECOMMENDATION_ACKNOWLEDGED",
        entity: "Recommendation",
        entityId: recommendation.id,
        details: { youthId: recommendation.youthId },
      },
      tx,
    );
  });
}

// ---------------------------------------------------------------- reading

type Person = { name: string; from: string | null } | null;

/** A deleted account has no row, hence no name. */
const personOf = (name: string | null, from: string | null): Person => (name === null ? null : { name, from });

const RECOMMENDATION_ROW = z
  .object({
    id: z.string(),
    kind: z.enum(RECOMMENDATION_KINDS),
    status: z.enum(RECOMMENDATION_STATUSES),
    text: z.string(),
    dueOn: SQL_DATE,
    lessonsPerWeek: SQL_INTEGER.nullable(),
    authorId: z.string().nullable(),
    createdAt: SQL_DATE,
    decidedById: z.string().nullable(),
    decidedAt: SQL_DATE.nullable(),
    decisionNote: z.string().nullable(),
    doneById: z.string().nullable(),
    doneAt: SQL_DATE.nullable(),
    acknowledgedAt: SQL_DATE.nullable(),
    authorName: z.string().nullable(),
    authorFrom: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedByFrom: z.string().nullable(),
    doneByName: z.string().nullable(),
    doneByFrom: z.string().nullable(),
  })
  .transform(({ authorName, authorFrom, decidedByName, decidedByFrom, doneByName, doneByFrom, ...row }) => ({
    ...row,
    proposedBy: personOf(authorName, authorFrom),
    decidedBy: personOf(decidedByName, decidedByFrom),
    doneBy: personOf(doneByName, doneByFrom),
  }));

/** The name of the User `alias` and, for the others, their school or Mission Locale (the
 * coordination has neither): the people are kept as ids, without a relation, like a difficulty's. */
function personColumns(alias: string, column: string): Prisma.Sql {
  const [user, school, missionLocale] = [alias, `${alias}_s`, `${alias}_m`].map((name) => Prisma.raw(`"${name}"`));
  return Prisma.sql`${user}."displayName" AS ${Prisma.raw(`"${column}Name"`)},
    COALESCE(${school}."name", ${missionLocale}."name") AS ${Prisma.raw(`"${column}From"`)}`;
}

function personJoins(alias: string, idColumn: string): Prisma.Sql {
  const [user, school, missionLocale] = [alias, `${alias}_s`, `${alias}_m`].map((name) => Prisma.raw(`"${name}"`));
  return Prisma.sql`LEFT JOIN "User" ${user} ON ${user}."id" = r.${Prisma.raw(`"${idColumn}"`)}
    LEFT JOIN "DrivingSchool" ${school} ON ${school}."id" = ${user}."drivingSchoolId"
    LEFT JOIN "MissionLocale" ${missionLocale} ON ${missionLocale}."id" = ${user}."missionLocaleId"`;
}

/**
 * A youth file's recommendations as this person sees them (a youth: the accepted ones), newest
 * first, each with who did each step and the steps this person may take. The youth is already
 * found within the caller's scope.
 */
export async function recommendationsOf(actor: Actor, youthId: string) {
  const rows = await queryRows(
    RECOMMENDATION_ROW,
    Prisma.sql`
      SELECT r."id", r."kind", r."status", r."text", r."dueOn", r."lessonsPerWeek", r."authorId", r."createdAt",
        r."decidedById", r."decidedAt", r."decisionNote", r."doneById", r."doneAt", r."acknowledgedAt",
        ${personColumns("pa", "author")}, ${personColumns("pd", "decidedBy")}, ${personColumns("pe", "doneBy")}
      FROM "Recommendation" r
      ${personJoins("pa", "authorId")}
      ${personJoins("pd", "decidedById")}
      ${personJoins("pe", "doneById")}
      WHERE r."youthId" = ${youthId} AND ${recommendationInReach(fileReach(actor), "r")}
      ORDER BY r."createdAt" DESC, r."id"`,
  );
  return rows.map((row) => ({
    ...row,
    may: {
      decide: can(actor, "recommendation:decide") && allows("decide", row.status),
      complete: can(actor, "recommendation:complete") && allows("complete", row.status),
      acknowledge: can(actor, "recommendation:acknowledge") && allows("acknowledge", row.status) && !row.acknowledgedAt,
    },
  }));
}
