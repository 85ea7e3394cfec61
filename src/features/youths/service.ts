import { db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { can, visibleEnrolments, youthScope, type Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordYouthView } from "../audit/service.ts";
import { attendanceRate, bookletOf, drivingMinutesDone, type SkillRow } from "../../domain/progress.ts";
import { parseAvailability } from "../../domain/availability.ts";
import { DIFFICULTY_ROW, withHandlerNames } from "../difficulties/service.ts";
import { journeyOf, type JourneyFacts } from "../../domain/journey.ts";
import type { ApplicationStatus, DrawOutcome } from "../../domain/enums.ts";
import { warningsOfYouth } from "../warnings/service.ts";
import { recommendationsOf } from "../recommendations/service.ts";

/** The youth's own profile fields, as the youth file and the application file show them. */
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

const ENROLMENT_DETAIL = {
  id: true,
  status: true,
  gearbox: true,
  enrolledAt: true,
  initialAssessmentAt: true,
  forecastHours: true,
  licenceObtainedOn: true,
  theoryPassedOn: true,
  cohortId: true,
  cohort: { select: { name: true, aidCapCents: true, contributionCents: true } },
  drivingSchool: { select: { name: true, city: true, phone: true } },
  lessons: {
    select: {
      id: true,
      startsAt: true,
      durationMin: true,
      kind: true,
      attendance: true,
      lateMin: true,
      absenceNoticeAt: true,
      absenceNoticeReason: true,
      instructor: { select: { displayName: true } },
    },
    orderBy: { startsAt: "asc" },
  },
  exams: { select: { kind: true, date: true, score: true, result: true }, orderBy: { date: "asc" } },
  payments: { select: { payer: true, amountCents: true, paidOn: true, label: true }, orderBy: { paidOn: "asc" } },
} as const;

/**
 * The shared youth file: loaded through the caller's scope (out of scope → 404), each part only
 * when the policy grants it, and the view recorded in the audit trail before the page is sent.
 */
export async function viewYouthFile(actor: Actor, youthId: string) {
  const sees = (permission: Parameters<typeof can>[1]) => can(actor, permission);
  const youth = await db().youth.findFirst({
    where: { AND: [{ id: youthId }, youthScope(actor)] },
    select: {
      ...YOUTH_PROFILE,
      maxLessonsPerWeek: true,
      missionLocale: { select: { name: true } },
      referent: { select: { displayName: true, email: true } },
      applications: {
        select: {
          status: true,
          cohortId: true,
          createdAt: true,
          submittedAt: true,
          attendanceCommitmentAt: true,
          contributionCommitmentAt: true,
          infoMeeting: { select: { startsAt: true, place: true } },
          cohort: { select: { name: true } },
          lotteryEntries: { select: { rank: true, outcome: true, draw: { select: { drawnAt: true, validatedAt: true } } } },
        },
        orderBy: { createdAt: "desc" },
      },
      enrolments: {
        where: visibleEnrolments(actor),
        select: { ...ENROLMENT_DETAIL, isCurrent: true },
        orderBy: { enrolledAt: "desc" },
      },
      difficulties: sees("youth:read-follow-up") ? { select: DIFFICULTY_ROW, orderBy: { reportedAt: "desc" } } : false,
      surveys: sees("youth:read-follow-up")
        ? { select: { cohortId: true, monthsAfter: true, dueOn: true, status: true, answeredAt: true } }
        : false,
    },
  });
  if (!youth) throw new NotFoundError();
  await recordYouthView(actor.id, youth.id, "file");

  const now = new Date();
  const current = youth.enrolments.find((enrolment) => enrolment.isCurrent) ?? youth.enrolments[0];
  const training = current && sees("youth:read-training") ? trainingSummary(current, await bookletRowsOf(youth.id), now) : null;
  const warnings = current && sees("youth:read-warnings") ? await warningsOfYouth(youth.id, now) : null;
  return {
    youth: {
      ...youth,
      applications: youth.applications.map((application) => ({
        cohortName: application.cohort.name,
        status: application.status,
        // The outcome is announced once the committee has validated the draw; until then only
        // those who follow the draws see it.
        awaitingCommittee:
          !sees("lottery:read") && application.lotteryEntries.length > 0 && !application.lotteryEntries[0]?.draw.validatedAt,
      })),
      weeklyAvailability: parseAvailability(youth.weeklyAvailability),
      difficulties: youth.difficulties ? await withHandlerNames(youth.difficulties) : undefined,
      recommendations: await recommendationsOf(actor, youth.id),
      contact: sees("youth:read-contact"),
    },
    training,
    journey: journeyOf(journeyFacts(youth, sees("lottery:read")), now),
    lessonCount: youth.enrolments.reduce((sum, enrolment) => sum + enrolment.lessons.length, 0),
    warnings,
    sections: {
      contact: sees("youth:read-contact"),
      project: sees("youth:read-project"),
      consents: sees("youth:read-consents"),
      payments: sees("youth:read-payments"),
      followUp: sees("youth:read-follow-up"),
    },
  };
}

type EnrolmentDetail = Prisma.EnrolmentGetPayload<{ select: typeof ENROLMENT_DETAIL }>;

type JourneyRecord = {
  applications: readonly {
    status: ApplicationStatus;
    cohortId: string;
    createdAt: Date;
    submittedAt: Date | null;
    attendanceCommitmentAt: Date | null;
    contributionCommitmentAt: Date | null;
    infoMeeting: { startsAt: Date; place: string } | null;
    lotteryEntries: readonly { rank: number; outcome: DrawOutcome; draw: { drawnAt: Date; validatedAt: Date | null } }[];
  }[];
  enrolments: readonly (EnrolmentDetail & { isCurrent: boolean })[];
  surveys?: readonly {
    cohortId: string;
    monthsAfter: number;
    dueOn: Date;
    status: "PENDING" | "ANSWERED" | "UNREACHABLE";
    answeredAt: Date | null;
  }[];
};

/** The journey's facts from what the file loaded: the application of the training's cohort (or the
 * latest one), the enrolments shown to this reader, and the surveys of that cohort. */
function journeyFacts(youth: JourneyRecord, followsDraws: boolean): JourneyFacts {
  const current = youth.enrolments.find((enrolment) => enrolment.isCurrent) ?? youth.enrolments[0];
  const application = youth.applications.find((a) => a.cohortId === current?.cohortId) ?? youth.applications[0];
  const entry = application?.lotteryEntries[0];
  const first = youth.enrolments[youth.enrolments.length - 1];
  const firstOf = (dates: (Date | null)[]) =>
    dates.filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const cohortId = application?.cohortId ?? current?.cohortId;
  return {
    application: application
      ? {
          status: application.status,
          createdAt: application.createdAt,
          submittedAt: application.submittedAt,
          draw: entry ? { rank: entry.rank, outcome: entry.outcome, drawnAt: entry.draw.drawnAt } : null,
          drawHidden: Boolean(entry) && !followsDraws && !entry?.draw.validatedAt,
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
            initialAssessmentAt: firstOf(youth.enrolments.map((enrolment) => enrolment.initialAssessmentAt)),
            licenceObtainedOn: firstOf(youth.enrolments.map((enrolment) => enrolment.licenceObtainedOn)),
            theoryPassedOn: firstOf(youth.enrolments.map((enrolment) => enrolment.theoryPassedOn)),
          }
        : null,
    lessons: youth.enrolments.flatMap((enrolment) => enrolment.lessons),
    exams: youth.enrolments.flatMap((enrolment) => enrolment.exams),
    surveys: youth.surveys ? youth.surveys.filter((survey) => survey.cohortId === cohortId) : null,
  };
}

/** The booklet rows of a youth already found in the caller's scope, whatever school they were
 * assessed at: the REMC booklet follows the young person through a transfer. The enrolment ids
 * first, then the rows by those ids: a filter through the enrolment and the youth made SQLite scan
 * the whole booklet table. */
async function bookletRowsOf(youthId: string) {
  const enrolments = await db().enrolment.findMany({ where: { youthId }, select: { id: true } });
  return db().skillAssessment.findMany({
    where: { enrolmentId: { in: enrolments.map((enrolment) => enrolment.id) } },
    select: { skillCode: true, level: true, assessedAt: true },
    orderBy: { assessedAt: "asc" },
  });
}

function trainingSummary(enrolment: EnrolmentDetail, skills: SkillRow[], now: Date) {
  const done = drivingMinutesDone(enrolment.lessons);
  // A lesson excused in advance by the youth's notice stays in the list, marked as such.
  const upcoming = enrolment.lessons.filter(
    (lesson) => lesson.startsAt > now && (lesson.attendance === "SCHEDULED" || lesson.absenceNoticeAt !== null),
  );
  const past = enrolment.lessons.filter((lesson) => lesson.startsAt <= now).reverse();
  const paidByProgramme = enrolment.payments.filter((p) => p.payer === "PROGRAMME").reduce((sum, p) => sum + p.amountCents, 0);
  const paidByYouth = enrolment.payments.filter((p) => p.payer === "YOUTH").reduce((sum, p) => sum + p.amountCents, 0);
  return {
    enrolment,
    minutesDone: done,
    forecastMinutes: (enrolment.forecastHours ?? 0) * 60,
    attendanceRate: attendanceRate(enrolment.lessons, now),
    upcoming: upcoming.slice(0, 5),
    recent: past.slice(0, 10),
    booklet: bookletOf(skills),
    exams: enrolment.exams,
    payments: { rows: enrolment.payments, paidByProgramme, paidByYouth },
  };
}

/** The signed-in youth's own file id (the /me page is the youth file seen by its owner). */
export function ownYouthId(actor: Actor): string {
  if (!actor.youthId) throw new NotFoundError();
  return actor.youthId;
}

const LESSONS_PAGE_SIZE = 20;

/** Every lesson of the youth's file (the enrolments this reader sees), newest first, a page at a
 * time: the youth through the caller's scope (out of scope → 404), the view audited. */
export async function youthLessons(actor: Actor, youthId: string, requestedPage: number | undefined) {
  const youth = await db().youth.findFirst({
    where: { AND: [{ id: youthId }, youthScope(actor)] },
    select: { id: true, ref: true, firstName: true, lastName: true },
  });
  if (!youth) throw new NotFoundError();
  const where: Prisma.LessonWhereInput = { enrolment: { AND: [{ youthId: youth.id }, visibleEnrolments(actor)] } };
  const total = await db().lesson.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / LESSONS_PAGE_SIZE));
  const page = Math.min(requestedPage ?? 1, pageCount);
  const lessons = await db().lesson.findMany({
    where,
    select: {
      id: true,
      startsAt: true,
      durationMin: true,
      kind: true,
      attendance: true,
      lateMin: true,
      cancelReason: true,
      absenceNoticeAt: true,
      absenceNoticeReason: true,
      instructor: { select: { displayName: true } },
      enrolment: { select: { drivingSchool: { select: { name: true } } } },
    },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * LESSONS_PAGE_SIZE,
    take: LESSONS_PAGE_SIZE,
  });
  await recordYouthView(actor.id, youth.id, "lessons");
  return { youth, lessons, total, page, pageCount };
}
