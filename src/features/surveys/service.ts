// Follow-up surveys at 6, 12 and 24 months after the draw, for both groups of the evaluation
// (selected and waitlisted): created when a draw is validated, answered by phone with the
// counsellor or by the youth on /me, or recorded unreachable (docs/surveys.md).
import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { fileReach, youthScope, type Actor } from "../../auth/policy.ts";
import { SURVEY_MONTHS } from "../../domain/enums.ts";
import { isEmployed, overdueBefore, parisToday, surveyDueOn, surveyDueState } from "../../domain/survey.ts";
import { utcDay } from "../../domain/time.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import type { SurveyAnswerForm, SurveyListQuery } from "./schemas.ts";

// ---------------------------------------------------------------- creation

/** The PENDING surveys of every youth ranked in a draw, both groups, at 6, 12 and 24 months after
 * the draw's day; called inside the draw's validation transaction. A survey that already exists
 * (the same youth, cohort and wave) is left as it is. */
export async function createDrawSurveys(tx: Prisma.TransactionClient, drawId: string): Promise<number> {
  const draw = await tx.lotteryDraw.findUniqueOrThrow({
    where: { id: drawId },
    select: {
      cohortId: true,
      drawnAt: true,
      entries: { select: { application: { select: { youthId: true, youth: { select: { evaluationConsentWithdrawnAt: true } } } } } },
    },
  });
  const surveyed = draw.entries.filter((entry) => entry.application.youth.evaluationConsentWithdrawnAt === null);
  const youthIds = [...new Set(surveyed.map((entry) => entry.application.youthId))];
  const existing = await tx.followUpSurvey.findMany({
    where: { cohortId: draw.cohortId, youthId: { in: youthIds } },
    select: { youthId: true, monthsAfter: true },
  });
  const taken = new Set(existing.map((survey) => `${survey.youthId}|${survey.monthsAfter}`));
  const data = youthIds.flatMap((youthId) =>
    SURVEY_MONTHS.filter((months) => !taken.has(`${youthId}|${months}`)).map((months) => ({
      youthId,
      cohortId: draw.cohortId,
      monthsAfter: months,
      dueOn: surveyDueOn(draw.drawnAt, months),
    })),
  );
  if (data.length > 0) await tx.followUpSurvey.createMany({ data });
  return data.length;
}

// ---------------------------------------------------------------- the counsellor's list

const PAGE_SIZE = 50;

const RATE_ROW = z.object({
  monthsAfter: SQL_INTEGER,
  outcome: z.enum(["SELECTED", "WAITLISTED"]),
  due: SQL_INTEGER,
  answered: SQL_INTEGER,
  unreachable: SQL_INTEGER,
});

/** Response rates per wave and per group, over the surveys already due: one statement. */
async function responseRates(today: Date, missionLocaleId: string | undefined) {
  const place = missionLocaleId
    ? Prisma.sql`AND f."youthId" IN (SELECT y."id" FROM "Youth" y WHERE y."missionLocaleId" = ${missionLocaleId})`
    : Prisma.empty;
  const rows = await queryRows(
    RATE_ROW,
    Prisma.sql`
      SELECT f."monthsAfter" AS "monthsAfter", e."outcome" AS "outcome", COUNT(*) AS "due",
        SUM(CASE WHEN f."status" = 'ANSWERED' THEN 1 ELSE 0 END) AS "answered",
        SUM(CASE WHEN f."status" = 'UNREACHABLE' THEN 1 ELSE 0 END) AS "unreachable"
      FROM "FollowUpSurvey" f
      JOIN "Application" a ON a."youthId" = f."youthId" AND a."cohortId" = f."cohortId"
      JOIN "LotteryEntry" e ON e."applicationId" = a."id"
      WHERE f."dueOn" <= ${today} ${place}
      GROUP BY f."monthsAfter", e."outcome"
      ORDER BY f."monthsAfter", e."outcome"`,
  );
  return rows.map((row) => ({ ...row, rate: row.due > 0 ? row.answered / row.due : null }));
}

/** The surveys due (from their day on) and not yet closed, oldest first, 50 a page: a counsellor's
 * own youths or their Mission Locale's; the coordinator's all, or one Mission Locale's, with the
 * response rates. A fixed number of statements whatever the data. */
export async function listSurveys(actor: Actor, query: SurveyListQuery, now = new Date()) {
  const coordinator = fileReach(actor).kind === "ALL";
  const scope = coordinator ? undefined : (query.scope ?? "mine");
  const missionLocaleId = coordinator ? query.missionLocaleId : undefined;
  const today = parisToday(now);
  const youth: Prisma.YouthWhereInput = {
    AND: [
      youthScope(actor),
      // A youth who withdrew their consent to the evaluation is surveyed no more.
      { evaluationConsentWithdrawnAt: null },
      scope === "mine" ? { referentId: actor.id } : {},
      missionLocaleId ? { missionLocaleId } : {},
    ],
  };
  const where: Prisma.FollowUpSurveyWhereInput = { status: "PENDING", dueOn: { lte: today }, youth };
  const page = query.page ?? 1;
  const [total, overdue, rows, missionLocales, rates] = await Promise.all([
    db().followUpSurvey.count({ where }),
    db().followUpSurvey.count({ where: { ...where, dueOn: { lt: overdueBefore(now) } } }),
    db().followUpSurvey.findMany({
      where,
      select: {
        id: true,
        monthsAfter: true,
        dueOn: true,
        status: true,
        cohort: { select: { name: true } },
        youth: { select: { id: true, firstName: true, lastName: true, phone: true } },
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    coordinator ? db().missionLocale.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : [],
    coordinator ? responseRates(today, missionLocaleId) : null,
  ]);
  return {
    surveys: rows.map((row) => ({ ...row, state: surveyDueState(row, now) })),
    total,
    overdue,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    coordinator,
    scope,
    missionLocaleId,
    missionLocales,
    rates,
  };
}

// ---------------------------------------------------------------- entry by the counsellor

/** A survey of a youth file the person reaches (otherwise 404), as the entry page shows it. */
export async function surveyInScope(actor: Actor, surveyId: string, now = new Date()) {
  const survey = await db().followUpSurvey.findFirst({
    where: { id: surveyId, youth: youthScope(actor) },
    select: {
      id: true,
      monthsAfter: true,
      dueOn: true,
      status: true,
      answeredAt: true,
      hasLicence: true,
      licenceObtainedOn: true,
      employmentStatus: true,
      carAccess: true,
      cohort: { select: { name: true } },
      youth: { select: { id: true, firstName: true, lastName: true, phone: true } },
    },
  });
  if (!survey) throw new NotFoundError();
  const state = surveyDueState(survey, now);
  return { survey: { ...survey, state }, mayRecordUnreachable: survey.status === "PENDING" && state !== "UPCOMING" };
}

const ALREADY_ANSWERED = "Cette enquête a déjà été remplie : ses réponses ne se modifient pas.";
const NOT_YET_DUE = "Cette enquête n'est pas encore due : le jeune ne peut être déclaré injoignable qu'à partir de sa date prévue.";
const NOT_PENDING = "Cette enquête est déjà close.";

function answerData(form: SurveyAnswerForm, actorId: string, now: Date) {
  return {
    status: "ANSWERED" as const,
    answeredAt: now,
    employmentStatus: form.employmentStatus,
    employed: isEmployed(form.employmentStatus),
    hasLicence: form.hasLicence,
    licenceObtainedOn: form.licenceObtainedOn ? utcDay(form.licenceObtainedOn) : null,
    carAccess: form.carAccess,
    recordedById: actorId,
  };
}

/** The answers taken by phone: a pending survey, or one recorded unreachable whose youth was
 * reached after all; an answered one is never overwritten. */
export async function recordAnswer(actor: Actor, surveyId: string, form: SurveyAnswerForm, now = new Date()) {
  const { survey } = await surveyInScope(actor, surveyId, now);
  return db().$transaction(async (tx) => {
    const updated = await tx.followUpSurvey.updateMany({
      where: { id: survey.id, status: { in: ["PENDING", "UNREACHABLE"] } },
      data: answerData(form, actor.id, now),
    });
    if (updated.count !== 1) throw new FormError("employmentStatus", ALREADY_ANSWERED);
    await recordAudit(
      {
        actorId: actor.id,
        action: "SURVEY_ANSWERED",
        entity: "FollowUpSurvey",
        entityId: survey.id,
        details: { youthId: survey.youth.id, monthsAfter: survey.monthsAfter, by: "COUNSELLOR" },
      },
      tx,
    );
    return { youthName: `${survey.youth.firstName} ${survey.youth.lastName}`, monthsAfter: survey.monthsAfter };
  });
}

/** "Injoignable": only a pending survey, from its due day on. */
export async function recordUnreachable(actor: Actor, surveyId: string, now = new Date()) {
  const { survey } = await surveyInScope(actor, surveyId, now);
  if (survey.state === "UPCOMING") throw new FormError("_form", NOT_YET_DUE);
  return db().$transaction(async (tx) => {
    const updated = await tx.followUpSurvey.updateMany({
      where: { id: survey.id, status: "PENDING" },
      data: { status: "UNREACHABLE", recordedById: actor.id },
    });
    if (updated.count !== 1) throw new FormError("_form", NOT_PENDING);
    await recordAudit(
      {
        actorId: actor.id,
        action: "SURVEY_UNREACHABLE",
        entity: "FollowUpSurvey",
        entityId: survey.id,
        details: { youthId: survey.youth.id, monthsAfter: survey.monthsAfter },
      },
      tx,
    );
    return { youthName: `${survey.youth.firstName} ${survey.youth.lastName}`, monthsAfter: survey.monthsAfter };
  });
}

// ---------------------------------------------------------------- the youth's own

/** A young person's own survey, pending and due; any other (another's, closed, to come) is 404. */
export async function ownSurvey(actor: Actor, surveyId: string, now = new Date()) {
  const survey = actor.youthId
    ? await db().followUpSurvey.findFirst({
        where: {
          id: surveyId,
          youthId: actor.youthId,
          status: "PENDING",
          dueOn: { lte: parisToday(now) },
          youth: { evaluationConsentWithdrawnAt: null },
        },
        select: { id: true, monthsAfter: true, dueOn: true },
      })
    : null;
  if (!survey) throw new NotFoundError();
  return { survey };
}

export async function answerOwnSurvey(actor: Actor, surveyId: string, form: SurveyAnswerForm, now = new Date()): Promise<void> {
  const { survey } = await ownSurvey(actor, surveyId, now);
  await db().$transaction(async (tx) => {
    // The condition in the update: a counsellor who took the answers meanwhile keeps them.
    const updated = await tx.followUpSurvey.updateMany({
      where: { id: survey.id, status: "PENDING" },
      data: answerData(form, actor.id, now),
    });
    if (updated.count !== 1) throw new NotFoundError();
    await recordAudit(
      {
        actorId: actor.id,
        action: "SURVEY_ANSWERED",
        entity: "FollowUpSurvey",
        entityId: survey.id,
        details: { youthId: actor.youthId, monthsAfter: survey.monthsAfter, by: "YOUTH" },
      },
      tx,
    );
  });
}

const DUE_OWN_ROW = z.object({ id: z.string(), monthsAfter: SQL_INTEGER, dueOn: SQL_DATE });

/** The young person's oldest survey due and pending, for /me's notice: one indexed statement. */
export async function dueOwnSurvey(actor: Actor, now = new Date()) {
  if (!actor.youthId) return null;
  const [row] = await queryRows(
    DUE_OWN_ROW,
    Prisma.sql`SELECT f."id" AS "id", f."monthsAfter" AS "monthsAfter", f."dueOn" AS "dueOn" FROM "FollowUpSurvey" f
      JOIN "Youth" y ON y."id" = f."youthId"
      WHERE f."youthId" = ${actor.youthId} AND f."status" = 'PENDING' AND f."dueOn" <= ${parisToday(now)}
        AND y."evaluationConsentWithdrawnAt" IS NULL
      ORDER BY f."dueOn" LIMIT 1`,
  );
  return row ?? null;
}
