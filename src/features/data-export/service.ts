// The right of access: everything the programme holds about one young person, as one JSON
// document. A fixed number of reads whatever the size of the file (one per kind of record, each
// from the youth's id), and the download itself written to the audit trail.
import { YOUTH_PROFILE } from "../youths/service.ts";
import { db } from "../../db/client.ts";
import { youthScope, type Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import { parisIsoDay } from "../../domain/time.ts";

/** Audit actions of a download: by the young person, or for them by their counsellor. */
export const EXPORT_ACTIONS = { own: "OWN_DATA_EXPORTED", staff: "YOUTH_DATA_EXPORTED" } as const;

const PERSON = { select: { role: true, displayName: true } } as const;

/** The records about this youth that an audit event may name (besides the youth itself). */
const AUDITED_ENTITIES = ["User", "Application", "Enrolment", "Lesson", "Difficulty", "Recommendation"] as const;

/**
 * The youth's whole file as a document, the youth found through the caller's scope (out of scope:
 * 404), the download recorded before the file is sent.
 */
export async function exportYouthData(actor: Actor, youthId: string, by: keyof typeof EXPORT_ACTIONS, now = new Date()) {
  const youth = await db().youth.findFirst({
    where: { AND: [{ id: youthId }, youthScope(actor)] },
    select: {
      ...YOUTH_PROFILE,
      maxLessonsPerWeek: true,
      createdAt: true,
      missionLocale: { select: { name: true } },
      referent: { select: { displayName: true, email: true, phone: true } },
      account: { select: { id: true, email: true, createdAt: true, activatedAt: true, lastSignInAt: true } },
    },
  });
  if (!youth) throw new NotFoundError();

  const [applications, enrolments, lessons, skills, exams, payments, difficulties, recommendations, surveys, notifications] =
    await Promise.all([
      db().application.findMany({
        where: { youthId: youth.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          createdAt: true,
          submittedAt: true,
          withdrawnAt: true,
          withdrawalReason: true,
          attendanceCommitmentAt: true,
          contributionCommitmentAt: true,
          cohort: { select: { name: true } },
          infoMeeting: { select: { startsAt: true, place: true } },
          lotteryEntries: { select: { rank: true, outcome: true, draw: { select: { drawnAt: true, validatedAt: true } } } },
        },
      }),
      db().enrolment.findMany({
        where: { youthId: youth.id },
        orderBy: [{ enrolledAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          isCurrent: true,
          gearbox: true,
          enrolledAt: true,
          initialAssessmentAt: true,
          initialAssessmentNote: true,
          forecastHours: true,
          theoryPassedOn: true,
          licenceObtainedOn: true,
          endedAt: true,
          cohort: { select: { name: true } },
          drivingSchool: { select: { name: true, address: true, city: true, phone: true } },
        },
      }),
      db().lesson.findMany({
        where: { enrolment: { youthId: youth.id } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          enrolmentId: true,
          startsAt: true,
          durationMin: true,
          kind: true,
          attendance: true,
          lateMin: true,
          cancelReason: true,
          note: true,
          absenceNoticeAt: true,
          absenceNoticeReason: true,
          instructor: PERSON,
        },
      }),
      db().skillAssessment.findMany({
        where: { enrolment: { youthId: youth.id } },
        orderBy: [{ assessedAt: "asc" }, { id: "asc" }],
        select: { enrolmentId: true, skillCode: true, level: true, assessedAt: true },
      }),
      db().exam.findMany({
        where: { enrolment: { youthId: youth.id } },
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { enrolmentId: true, kind: true, date: true, score: true, result: true, eliminatoryFault: true },
      }),
      db().payment.findMany({
        where: { enrolment: { youthId: youth.id } },
        orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { enrolmentId: true, payer: true, amountCents: true, paidOn: true, label: true },
      }),
      db().difficulty.findMany({
        where: { youthId: youth.id },
        orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          category: true,
          description: true,
          reportedAt: true,
          takenInChargeAt: true,
          resolvedAt: true,
          resolution: true,
        },
      }),
      db().recommendation.findMany({
        where: { youthId: youth.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          status: true,
          text: true,
          dueOn: true,
          lessonsPerWeek: true,
          createdAt: true,
          decidedAt: true,
          decisionNote: true,
          doneAt: true,
          acknowledgedAt: true,
        },
      }),
      db().followUpSurvey.findMany({
        where: { youthId: youth.id },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        select: {
          monthsAfter: true,
          dueOn: true,
          status: true,
          answeredAt: true,
          hasLicence: true,
          licenceObtainedOn: true,
          employed: true,
          employmentStatus: true,
          cohort: { select: { name: true } },
          carAccess: true,
        },
      }),
      youth.account
        ? db().notification.findMany({
            where: { userId: youth.account.id },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { title: true, body: true, link: true, createdAt: true, readAt: true },
          })
        : Promise.resolve([]),
    ]);

  const accessLog = await accessLogOf(youth.id, {
    User: youth.account ? [youth.account.id] : [],
    Application: applications.map((a) => a.id),
    Enrolment: enrolments.map((e) => e.id),
    Lesson: lessons.map((l) => l.id),
    Difficulty: difficulties.map((d) => d.id),
    Recommendation: recommendations.map((r) => r.id),
  });

  const { missionLocale, referent, account, lotteryConsentAt, evaluationConsentAt, weeklyAvailability, ...identity } = youth;
  const document = {
    about:
      "Toutes les données que le programme garde sur vous : votre identité, vos candidatures, le tirage au sort, votre formation, les paiements, le suivi, vos messages, et qui a consulté votre dossier.",
    generatedAt: now,
    identity: {
      ...identity,
      weeklyAvailability: parseJson(weeklyAvailability),
      missionLocale: missionLocale.name,
      referent,
      account: account && {
        email: account.email,
        createdAt: account.createdAt,
        activatedAt: account.activatedAt,
        lastSignInAt: account.lastSignInAt,
      },
    },
    consents: { lotteryConsentAt, evaluationConsentAt },
    applications: applications.map(({ id: _id, lotteryEntries: _entries, cohort, ...application }) => ({
      cohort: cohort.name,
      ...application,
    })),
    drawEntries: applications.flatMap((application) =>
      application.lotteryEntries.map((entry) => ({
        cohort: application.cohort.name,
        rank: entry.rank,
        outcome: entry.outcome,
        drawnAt: entry.draw.drawnAt,
        validatedAt: entry.draw.validatedAt,
      })),
    ),
    enrolments: enrolments.map(({ cohort, ...enrolment }) => ({ ...enrolment, cohort: cohort.name })),
    lessons: lessons.map(({ id: _id, instructor, ...lesson }) => ({ ...lesson, instructor: instructor?.displayName ?? null })),
    skills,
    exams,
    payments,
    difficulties: difficulties.map(({ id: _id, ...difficulty }) => difficulty),
    recommendations: recommendations.map(({ id: _id, ...recommendation }) => recommendation),
    surveys: surveys.map(({ cohort, ...survey }) => ({ ...survey, cohort: cohort.name })),
    notifications,
    accessLog,
  };

  await recordAudit({ actorId: actor.id, action: EXPORT_ACTIONS[by], entity: "Youth", entityId: youth.id });
  return { document, filename: `mes-donnees-${youth.ref}-${parisIsoDay(now)}.json` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Who looked at or changed this youth's records, when and what: the audit events naming the
 * youth or one of their records, each with the person's role and name. */
async function accessLogOf(youthId: string, records: Record<(typeof AUDITED_ENTITIES)[number], string[]>) {
  const events = await db().auditEvent.findMany({
    where: {
      OR: [
        { entity: "Youth", entityId: youthId },
        ...AUDITED_ENTITIES.filter((entity) => records[entity].length > 0).map((entity) => ({ entity, entityId: { in: records[entity] } })),
      ],
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { at: true, actorId: true, action: true, entity: true, details: true },
  });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null))];
  const people = new Map(
    (await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, role: true, displayName: true } })).map((user) => [
      user.id,
      user,
    ]),
  );
  return events.map((event) => {
    const person = event.actorId ? people.get(event.actorId) : undefined;
    const details = event.details ? parseJson(event.details) : null;
    const page = details && typeof details === "object" && "page" in details ? String(details.page) : null;
    return {
      at: event.at,
      who: person ? { role: person.role, name: person.displayName } : null,
      what: event.action,
      record: event.entity,
      page,
    };
  });
}
