import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { Payer, SurveyStatus } from "../../generated/prisma/enums.ts";
import { queryRows, SQL_BOOLEAN, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { enrolmentShownInFile, youthInReach } from "../../db/sql-scopes.ts";
import { can, fileReach, type Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordYouthView } from "../audit/service.ts";
import { attendanceRate, bookletOf, drivingMinutesDone } from "../../domain/progress.ts";
import { parseAvailability } from "../../domain/availability.ts";
import { ledgerOf } from "../../domain/money.ts";
import { journeyOf, type JourneyFacts } from "../../domain/journey.ts";
import {
  APPLICATION_STATUSES,
  DIFFICULTY_CATEGORIES,
  DRAW_OUTCOMES,
  ENROLMENT_STATUSES,
  EXAM_KINDS,
  EXAM_RESULTS,
  GEARBOXES,
  GENDERS,
  LESSON_KIND_LABELS,
  LESSON_KINDS,
  SKILL_LEVELS,
} from "../../domain/enums.ts";
import { warningsOfYouth } from "../warnings/service.ts";
import { recommendationsOf } from "../recommendations/service.ts";
import { LESSON_FIELDS } from "../lessons/service.ts";
import type { ownApplication } from "../applications/service.ts";
import { PLAIN_SKILLS } from "../../domain/remc-plain.ts";
import { nextStepOf, type NextStep } from "../../domain/next-step.ts";
import { icalEvent } from "../../domain/ical.ts";

/** The youth's own profile fields, as the application file shows them (the youth file reads the same columns in SQL). */
export const YOUTH_PROFILE = {
  id: true,
  ref: true,
  firstName: true,
  lastName: true,
  birthDate: true,
  gender: true,
  email: true,
  phone: true,
  address: true,
  postalCode: true,
  city: true,
  employmentStatus: true,
  professionalProject: true,
  weeklyAvailability: true,
  lotteryConsentAt: true,
  evaluationConsentAt: true,
} as const;

// The youth file's read model: a fixed number of raw statements whatever the number of
// enrolments, lessons or booklet rows (Prisma's nested reads cost a query compilation each).
// The youth is found through the caller's reach; every other statement starts from that youth's
// id, its enrolments limited to those the policy shows in the file (visibleEnrolments).

const YOUTH_ROW = z
  .object({
    id: z.string(),
    ref: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: SQL_DATE,
    gender: z.enum(GENDERS),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    employmentStatus: z.string(),
    professionalProject: z.string().nullable(),
    weeklyAvailability: z.string(),
    lotteryConsentAt: SQL_DATE.nullable(),
    evaluationConsentAt: SQL_DATE.nullable(),
    evaluationConsentWithdrawnAt: SQL_DATE.nullable(),
    maxLessonsPerWeek: SQL_INTEGER.nullable(),
    missionLocaleName: z.string(),
    referentName: z.string().nullable(),
    referentEmail: z.string().nullable(),
    referentPhone: z.string().nullable(),
  })
  .transform(({ missionLocaleName, referentName, referentEmail, referentPhone, weeklyAvailability, ...youth }) => ({
    ...youth,
    weeklyAvailability: parseAvailability(weeklyAvailability),
    missionLocale: { name: missionLocaleName },
    referent: referentName === null ? null : { displayName: referentName, email: referentEmail, phone: referentPhone },
  }));

/** Each application with its cohort, information meeting and draw (an application is drawn once:
 * one draw per cohort and Mission Locale). */
const APPLICATION_ROW = z
  .object({
    status: z.enum(APPLICATION_STATUSES),
    cohortId: z.string(),
    cohortName: z.string(),
    createdAt: SQL_DATE,
    submittedAt: SQL_DATE.nullable(),
    attendanceCommitmentAt: SQL_DATE.nullable(),
    contributionCommitmentAt: SQL_DATE.nullable(),
    meetingStartsAt: SQL_DATE.nullable(),
    meetingPlace: z.string().nullable(),
    drawRank: SQL_INTEGER.nullable(),
    drawOutcome: z.enum(DRAW_OUTCOMES).nullable(),
    drawnAt: SQL_DATE.nullable(),
    drawValidatedAt: SQL_DATE.nullable(),
  })
  .transform(({ meetingStartsAt, meetingPlace, drawRank, drawOutcome, drawnAt, drawValidatedAt, ...application }) => ({
    ...application,
    infoMeeting: meetingStartsAt && meetingPlace !== null ? { startsAt: meetingStartsAt, place: meetingPlace } : null,
    draw:
      drawRank !== null && drawOutcome && drawnAt ? { rank: drawRank, outcome: drawOutcome, drawnAt, validatedAt: drawValidatedAt } : null,
  }));

const ENROLMENT_ROW = z
  .object({
    id: z.string(),
    status: z.enum(ENROLMENT_STATUSES),
    gearbox: z.enum(GEARBOXES),
    enrolledAt: SQL_DATE,
    initialAssessmentAt: SQL_DATE.nullable(),
    forecastHours: SQL_INTEGER.nullable(),
    licenceObtainedOn: SQL_DATE.nullable(),
    theoryPassedOn: SQL_DATE.nullable(),
    cohortId: z.string(),
    isCurrent: SQL_BOOLEAN,
    cohortName: z.string(),
    aidCapCents: SQL_INTEGER,
    contributionCents: SQL_INTEGER,
    schoolName: z.string(),
    schoolCity: z.string().nullable(),
    schoolPhone: z.string().nullable(),
    schoolAddress: z.string().nullable(),
  })
  .transform(({ cohortName, aidCapCents, contributionCents, schoolName, schoolCity, schoolPhone, schoolAddress, ...enrolment }) => ({
    ...enrolment,
    cohort: { name: cohortName, aidCapCents, contributionCents },
    drivingSchool: { name: schoolName, city: schoolCity, phone: schoolPhone, address: schoolAddress },
  }));

/** The columns of a lesson row: Lesson `l`, its instructor User `u` (left joined). */
const LESSON_COLUMNS = Prisma.sql`l."id", l."startsAt", l."durationMin", l."kind", l."attendance", l."lateMin",
  l."absenceNoticeAt", l."absenceNoticeReason", u."displayName" AS "instructorName"`;
const withInstructor = <T extends { instructorName: string | null }>({ instructorName, ...lesson }: T) => ({
  ...lesson,
  instructor: instructorName === null ? null : { displayName: instructorName },
});
const FILE_LESSON_ROW = z.object({ ...LESSON_FIELDS, enrolmentId: z.string() }).transform(withInstructor);
const EXAM_ROW = z.object({
  enrolmentId: z.string(),
  kind: z.enum(EXAM_KINDS),
  date: SQL_DATE,
  score: SQL_INTEGER.nullable(),
  result: z.enum(EXAM_RESULTS),
});
const PAYMENT_ROW = z.object({ payer: z.enum(Payer), amountCents: SQL_INTEGER, paidOn: SQL_DATE, label: z.string().nullable() });
const SKILL_ROW = z.object({ skillCode: z.string(), level: z.enum(SKILL_LEVELS), assessedAt: SQL_DATE });
const DIFFICULTY_ROW = z.object({
  id: z.string(),
  category: z.enum(DIFFICULTY_CATEGORIES),
  description: z.string(),
  reportedAt: SQL_DATE,
  takenInChargeAt: SQL_DATE.nullable(),
  takenInChargeById: z.string().nullable(),
  takenInChargeBy: z.string().nullable(),
  resolvedAt: SQL_DATE.nullable(),
  resolution: z.string().nullable(),
});
const SURVEY_ROW = z.object({
  cohortId: z.string(),
  monthsAfter: SQL_INTEGER,
  dueOn: SQL_DATE,
  status: z.enum(SurveyStatus),
  answeredAt: SQL_DATE.nullable(),
});

type FileApplication = z.infer<typeof APPLICATION_ROW>;
type FileLesson = z.infer<typeof FILE_LESSON_ROW>;
type FileEnrolment = z.infer<typeof ENROLMENT_ROW> & { lessons: FileLesson[]; exams: z.infer<typeof EXAM_ROW>[] };
type FileSurvey = z.infer<typeof SURVEY_ROW>;

/** The enrolments of a youth found in reach that this reader sees (the statement's alias `e`). */
function shownEnrolments(actor: Actor, youthId: string): Prisma.Sql {
  return Prisma.sql`e."youthId" = ${youthId} AND ${enrolmentShownInFile(fileReach(actor), "e")}`;
}

const ENROLMENT_COLUMNS = Prisma.sql`e."id", e."status", e."gearbox", e."enrolledAt", e."initialAssessmentAt",
  e."forecastHours", e."licenceObtainedOn", e."theoryPassedOn", e."cohortId", e."isCurrent", c."name" AS "cohortName",
  c."aidCapCents", c."contributionCents", s."name" AS "schoolName", s."city" AS "schoolCity", s."phone" AS "schoolPhone",
  s."address" AS "schoolAddress"`;

/** Enrolments with their lessons and exams: those of the enrolments `ids` selects. */
async function withLessonsAndExams(enrolments: z.infer<typeof ENROLMENT_ROW>[], ids: Prisma.Sql): Promise<FileEnrolment[]> {
  if (enrolments.length === 0) return [];
  const lessons = await queryRows(
    FILE_LESSON_ROW,
    Prisma.sql`
      SELECT l."enrolmentId", ${LESSON_COLUMNS}
      FROM "Lesson" l LEFT JOIN "User" u ON u."id" = l."instructorId"
      WHERE l."enrolmentId" IN (${ids})
      ORDER BY l."startsAt", l."id"`,
  );
  const exams = await queryRows(
    EXAM_ROW,
    Prisma.sql`
      SELECT x."enrolmentId", x."kind", x."date", x."score", x."result"
      FROM "Exam" x WHERE x."enrolmentId" IN (${ids})
      ORDER BY x."date", x."id"`,
  );
  return enrolments.map((enrolment) => ({
    ...enrolment,
    lessons: lessons.filter((lesson) => lesson.enrolmentId === enrolment.id),
    exams: exams.filter((exam) => exam.enrolmentId === enrolment.id),
  }));
}

/** The enrolments of the file the caller is shown, ordered (and limited) as the caller says. */
function shownEnrolmentRows(actor: Actor, youthId: string, orderAndLimit: Prisma.Sql) {
  return queryRows(
    ENROLMENT_ROW,
    Prisma.sql`
      SELECT ${ENROLMENT_COLUMNS}
      FROM "Enrolment" e
      JOIN "Cohort" c ON c."id" = e."cohortId"
      JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
      WHERE ${shownEnrolments(actor, youthId)}
      ${orderAndLimit}`,
  );
}

/** The enrolments of the file, latest first, each with its lessons and exams. */
async function fileEnrolments(actor: Actor, youthId: string): Promise<FileEnrolment[]> {
  const enrolments = await shownEnrolmentRows(actor, youthId, Prisma.sql`ORDER BY e."enrolledAt" DESC, e."id"`);
  return withLessonsAndExams(enrolments, Prisma.sql`SELECT e."id" FROM "Enrolment" e WHERE ${shownEnrolments(actor, youthId)}`);
}

/** The enrolment the training part shows: the current one, else the latest (as the file picks it). */
async function trainingEnrolment(actor: Actor, youthId: string): Promise<FileEnrolment | undefined> {
  const [enrolment] = await shownEnrolmentRows(
    actor,
    youthId,
    Prisma.sql`ORDER BY e."isCurrent" DESC, e."enrolledAt" DESC, e."id" LIMIT 1`,
  );
  if (!enrolment) return undefined;
  const [training] = await withLessonsAndExams([enrolment], Prisma.sql`${enrolment.id}`);
  return training;
}

/** The youth through the caller's reach (out of scope → 404), the view audited. */
async function youthInScope(actor: Actor, youthId: string) {
  const [youth] = await queryRows(
    YOUTH_ROW,
    Prisma.sql`
      SELECT y."id", y."ref", y."firstName", y."lastName", y."birthDate", y."gender", y."email", y."phone", y."address",
        y."postalCode", y."city", y."employmentStatus", y."professionalProject", y."weeklyAvailability",
        y."lotteryConsentAt", y."evaluationConsentAt", y."evaluationConsentWithdrawnAt", y."maxLessonsPerWeek", m."name" AS "missionLocaleName",
        r."displayName" AS "referentName", r."email" AS "referentEmail", r."phone" AS "referentPhone"
      FROM "Youth" y
      JOIN "MissionLocale" m ON m."id" = y."missionLocaleId"
      LEFT JOIN "User" r ON r."id" = y."referentId"
      WHERE y."id" = ${youthId} AND ${youthInReach(fileReach(actor), "y")}`,
  );
  if (!youth) throw new NotFoundError();
  await recordYouthView(actor.id, youth.id, "file");
  return youth;
}

/**
 * The shared youth file: loaded through the caller's scope (out of scope → 404), each part only
 * when the policy grants it, and the view recorded in the audit trail before the page is sent.
 */
export async function viewYouthFile(actor: Actor, youthId: string) {
  const sees = (permission: Parameters<typeof can>[1]) => can(actor, permission);
  const youth = await youthInScope(actor, youthId);
  const now = new Date();
  const applications = await queryRows(
    APPLICATION_ROW,
    Prisma.sql`
      SELECT a."status", a."cohortId", c."name" AS "cohortName", a."createdAt", a."submittedAt", a."attendanceCommitmentAt",
        a."contributionCommitmentAt", im."startsAt" AS "meetingStartsAt", im."place" AS "meetingPlace",
        le."rank" AS "drawRank", le."outcome" AS "drawOutcome", d."drawnAt", d."validatedAt" AS "drawValidatedAt"
      FROM "Application" a
      JOIN "Cohort" c ON c."id" = a."cohortId"
      LEFT JOIN "InfoMeeting" im ON im."id" = a."infoMeetingId"
      LEFT JOIN "LotteryEntry" le ON le."id" = (SELECT MIN(e."id") FROM "LotteryEntry" e WHERE e."applicationId" = a."id")
      LEFT JOIN "LotteryDraw" d ON d."id" = le."drawId"
      WHERE a."youthId" = ${youth.id}
      ORDER BY a."createdAt" DESC, a."id"`,
  );
  const enrolments = await fileEnrolments(actor, youth.id);
  const followUp = sees("youth:read-follow-up");
  const difficulties = followUp
    ? await queryRows(
        DIFFICULTY_ROW,
        Prisma.sql`
          SELECT d."id", d."category", d."description", d."reportedAt", d."takenInChargeAt", d."takenInChargeById",
            u."displayName" AS "takenInChargeBy", d."resolvedAt", d."resolution"
          FROM "Difficulty" d LEFT JOIN "User" u ON u."id" = d."takenInChargeById"
          WHERE d."youthId" = ${youth.id}
          ORDER BY d."reportedAt" DESC, d."id"`,
      )
    : undefined;
  const surveys = followUp
    ? await queryRows(
        SURVEY_ROW,
        Prisma.sql`
          SELECT f."cohortId", f."monthsAfter", f."dueOn", f."status", f."answeredAt"
          FROM "FollowUpSurvey" f WHERE f."youthId" = ${youth.id}`,
      )
    : null;

  const current = enrolments.find((enrolment) => enrolment.isCurrent) ?? enrolments[0];
  const training = current && sees("youth:read-training") ? await trainingSummary(youth.id, current, now) : null;
  const warnings = current && sees("youth:read-warnings") ? await warningsOfYouth(youth.id, now) : null;
  return {
    youth: {
      ...youth,
      applications: applications.map((application) => ({
        cohortName: application.cohortName,
        status: application.status,
        // The outcome is announced once the committee has validated the draw; until then only
        // those who follow the draws see it.
        awaitingCommittee: !sees("lottery:read") && application.draw !== null && !application.draw.validatedAt,
      })),
      difficulties,
      recommendations: await recommendationsOf(actor, youth.id),
      contact: sees("youth:read-contact"),
    },
    training,
    journey: journeyOf(journeyFacts(applications, enrolments, surveys, sees("lottery:read")), now),
    lessonCount: enrolments.reduce((sum, enrolment) => sum + enrolment.lessons.length, 0),
    warnings,
    sections: {
      contact: sees("youth:read-contact"),
      project: sees("youth:read-project"),
      consents: sees("youth:read-consents"),
      payments: sees("youth:read-payments"),
      followUp,
    },
  };
}

/** The journey's facts from what the file loaded: the application of the training's cohort (or the
 * latest one), the enrolments shown to this reader, and the surveys of that cohort. */
function journeyFacts(
  applications: readonly FileApplication[],
  enrolments: readonly FileEnrolment[],
  surveys: readonly FileSurvey[] | null,
  followsDraws: boolean,
): JourneyFacts {
  const current = enrolments.find((enrolment) => enrolment.isCurrent) ?? enrolments[0];
  const application = applications.find((a) => a.cohortId === current?.cohortId) ?? applications[0];
  const draw = application?.draw;
  const first = enrolments[enrolments.length - 1];
  const firstOf = (dates: (Date | null)[]) =>
    dates.filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const cohortId = application?.cohortId ?? current?.cohortId;
  return {
    application: application
      ? {
          status: application.status,
          createdAt: application.createdAt,
          submittedAt: application.submittedAt,
          draw: draw ? { rank: draw.rank, outcome: draw.outcome, drawnAt: draw.drawnAt } : null,
          drawHidden: Boolean(draw) && !followsDraws && !draw?.validatedAt,
          infoMeeting: application.infoMeeting,
          attendanceCommitmentAt: application.attendanceCommitmentAt,
          contributionCommitmentAt: application.contributionCommitmentAt,
        }
      : null,
    enrolment:
      current && first
        ? {
            enrolledAt: first.enrolledAt,
            schoolName: current.drivingSchool.name,
            initialAssessmentAt: firstOf(enrolments.map((enrolment) => enrolment.initialAssessmentAt)),
            licenceObtainedOn: firstOf(enrolments.map((enrolment) => enrolment.licenceObtainedOn)),
            theoryPassedOn: firstOf(enrolments.map((enrolment) => enrolment.theoryPassedOn)),
          }
        : null,
    lessons: enrolments.flatMap((enrolment) => enrolment.lessons),
    exams: enrolments.flatMap((enrolment) => enrolment.exams),
    surveys: surveys ? surveys.filter((survey) => survey.cohortId === cohortId) : null,
  };
}

/** The training part of the file: the enrolment's figures and lessons, its payments, and the
 * booklet of a youth already found in the caller's scope, whatever school they were assessed at
 * (the REMC booklet follows the young person through a transfer). */
async function trainingSummary(youthId: string, enrolment: FileEnrolment, now: Date) {
  // The ledger is the youth's in the cohort: a transfer to another school keeps what was paid.
  const payments = await queryRows(
    PAYMENT_ROW,
    Prisma.sql`
      SELECT p."payer", p."amountCents", p."paidOn", p."label"
      FROM "Enrolment" e JOIN "Payment" p ON p."enrolmentId" = e."id"
      WHERE e."youthId" = ${youthId} AND e."cohortId" = ${enrolment.cohortId}
      ORDER BY p."paidOn", p."createdAt", p."id"`,
  );
  // From the youth's enrolments to their booklet rows, each step an index search (a filter of the
  // booklet through its enrolment and youth made SQLite scan the whole table).
  const skills = await queryRows(
    SKILL_ROW,
    Prisma.sql`
      SELECT s."skillCode", s."level", s."assessedAt"
      FROM "Enrolment" e JOIN "SkillAssessment" s ON s."enrolmentId" = e."id"
      WHERE e."youthId" = ${youthId}
      ORDER BY s."assessedAt", s."id"`,
  );
  const done = drivingMinutesDone(enrolment.lessons);
  // A lesson excused in advance by the youth's notice stays in the list, marked as such.
  const upcoming = enrolment.lessons.filter(
    (lesson) => lesson.startsAt > now && (lesson.attendance === "SCHEDULED" || lesson.absenceNoticeAt !== null),
  );
  const past = enrolment.lessons.filter((lesson) => lesson.startsAt <= now).reverse();
  return {
    enrolment,
    minutesDone: done,
    forecastMinutes: (enrolment.forecastHours ?? 0) * 60,
    attendanceRate: attendanceRate(enrolment.lessons, now),
    upcoming: upcoming.slice(0, 5),
    recent: past.slice(0, 10),
    booklet: bookletOf(skills),
    exams: enrolment.exams,
    payments: { rows: payments, ledger: ledgerOf(payments, enrolment.cohort) },
  };
}

/** The /me page: the youth file seen by its owner, only the parts that page shows (the training
 * of the current enrolment, the recommendations), audited as the file. Each skill of the booklet
 * comes with its plain-words sentence. */
export async function viewOwnFile(actor: Actor) {
  const youth = await youthInScope(actor, ownYouthId(actor));
  const current = await trainingEnrolment(actor, youth.id);
  const summary = current && can(actor, "youth:read-training") ? await trainingSummary(youth.id, current, new Date()) : null;
  const training = summary && {
    ...summary,
    booklet: {
      ...summary.booklet,
      skills: summary.booklet.skills.map((skill) => ({ ...skill, plain: PLAIN_SKILLS.get(skill.code) ?? "" })),
    },
  };
  return { youth: { ...youth, recommendations: await recommendationsOf(actor, youth.id) }, training };
}

type OwnTraining = NonNullable<Awaited<ReturnType<typeof viewOwnFile>>["training"]>;

/** Whether the youth passed the code: recorded on the enrolment, or an exam passed. */
export function theoryPassed(training: OwnTraining | null): boolean {
  return (
    training !== null &&
    (training.enrolment.theoryPassedOn !== null || training.exams.some((exam) => exam.kind === "THEORY" && exam.result === "PASSED"))
  );
}

/** What /me says to do next, from the file and the application it loaded. */
export function ownNextStep(
  { training }: Awaited<ReturnType<typeof viewOwnFile>>,
  own: Awaited<ReturnType<typeof ownApplication>>,
  now: Date,
): NextStep {
  const next = training?.upcoming.find((lesson) => lesson.attendance === "SCHEDULED" && lesson.absenceNoticeAt === null);
  return nextStepOf(
    {
      application: {
        state: own.state,
        confirmed: Boolean(own.confirmed),
        canConfirm: own.canConfirm,
        infoMeeting: own.application?.infoMeeting ?? null,
      },
      training: training && {
        status: training.enrolment.status,
        licenceObtained: training.enrolment.licenceObtainedOn !== null,
        theoryPassed: theoryPassed(training),
        nextLessonAt: next?.startsAt ?? null,
        minutesDone: training.minutesDone,
        forecastMinutes: training.forecastMinutes,
      },
    },
    now,
  );
}

const CALENDAR_LESSON = z.object({
  id: z.string(),
  startsAt: SQL_DATE,
  durationMin: SQL_INTEGER,
  kind: z.enum(LESSON_KINDS),
  schoolName: z.string(),
  schoolAddress: z.string().nullable(),
  schoolCity: z.string().nullable(),
  schoolPhone: z.string().nullable(),
});

/** One of the signed-in youth's own lessons as a calendar file; another's lesson → 404. */
export async function ownLessonCalendar(actor: Actor, lessonId: string, now: Date): Promise<string> {
  const [lesson] = await queryRows(
    CALENDAR_LESSON,
    Prisma.sql`
      SELECT l."id", l."startsAt", l."durationMin", l."kind", s."name" AS "schoolName", s."address" AS "schoolAddress",
        s."city" AS "schoolCity", s."phone" AS "schoolPhone"
      FROM "Lesson" l
      JOIN "Enrolment" e ON e."id" = l."enrolmentId"
      JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
      WHERE l."id" = ${lessonId} AND e."youthId" = ${ownYouthId(actor)}`,
  );
  if (!lesson) throw new NotFoundError();
  const place = [lesson.schoolAddress, lesson.schoolCity].filter((part) => part !== null && part !== "").join(", ");
  return icalEvent({
    uid: `lesson-${lesson.id}@spid`,
    startsAt: lesson.startsAt,
    durationMin: lesson.durationMin,
    summary: `${LESSON_KIND_LABELS[lesson.kind]} — ${lesson.schoolName}`,
    location: place === "" ? lesson.schoolName : `${lesson.schoolName}, ${place}`,
    description: lesson.schoolPhone
      ? `Si vous ne pouvez pas venir, prévenez l'auto-école : ${lesson.schoolPhone}.`
      : "Si vous ne pouvez pas venir, prévenez l'auto-école.",
    stamp: now,
  });
}

/** The signed-in youth's own file id (the /me page is the youth file seen by its owner). */
function ownYouthId(actor: Actor): string {
  if (!actor.youthId) throw new NotFoundError();
  return actor.youthId;
}

const LESSONS_PAGE_SIZE = 20;

const LESSONS_YOUTH = z.object({ id: z.string(), ref: z.string(), firstName: z.string(), lastName: z.string(), total: SQL_INTEGER });
const PAGE_LESSON_ROW = z
  .object({ ...LESSON_FIELDS, cancelReason: z.string().nullable(), schoolName: z.string() })
  .transform(({ schoolName, ...lesson }) => ({ ...withInstructor(lesson), enrolment: { drivingSchool: { name: schoolName } } }));

/** Every lesson of the youth's file (the enrolments this reader sees), newest first, a page at a
 * time: the youth through the caller's scope (out of scope → 404), the view audited. */
export async function youthLessons(actor: Actor, youthId: string, requestedPage: number | undefined) {
  const [found] = await queryRows(
    LESSONS_YOUTH,
    Prisma.sql`
      SELECT y."id", y."ref", y."firstName", y."lastName",
        (SELECT COUNT(*) FROM "Enrolment" e JOIN "Lesson" l ON l."enrolmentId" = e."id"
         WHERE ${shownEnrolments(actor, youthId)}) AS "total"
      FROM "Youth" y
      WHERE y."id" = ${youthId} AND ${youthInReach(fileReach(actor), "y")}`,
  );
  if (!found) throw new NotFoundError();
  const { total, ...youth } = found;
  const pageCount = Math.max(1, Math.ceil(total / LESSONS_PAGE_SIZE));
  const page = Math.min(requestedPage ?? 1, pageCount);
  const lessons = await queryRows(
    PAGE_LESSON_ROW,
    Prisma.sql`
      SELECT ${LESSON_COLUMNS}, l."cancelReason", s."name" AS "schoolName"
      FROM "Enrolment" e
      JOIN "Lesson" l ON l."enrolmentId" = e."id"
      JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
      LEFT JOIN "User" u ON u."id" = l."instructorId"
      WHERE ${shownEnrolments(actor, youth.id)}
      ORDER BY l."startsAt" DESC, l."id" DESC
      LIMIT ${LESSONS_PAGE_SIZE} OFFSET ${(page - 1) * LESSONS_PAGE_SIZE}`,
  );
  await recordYouthView(actor.id, youth.id, "lessons");
  return { youth, lessons, total, page, pageCount };
}
