// Lessons: planning (overlaps refused, availability and pace warned), attendance, week view, pace.
import { z } from "zod";
import { db, type DbTx } from "../../db/client.ts";
import { enumLiteral, executeStatement, queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { instructorInReach, lessonInReach } from "../../db/sql-scopes.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { ATTENDANCES, LESSON_KINDS } from "../../domain/enums.ts";
import {
  enrolmentScope,
  fileReach,
  instructorReach,
  instructorScope,
  lessonScope,
  schoolStaff,
  youthScope,
  type Actor,
} from "../../auth/policy.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { addDays, formatDateInWords, formatDateTime, formatMoment, formatTime, startOfParisWeek } from "../../domain/time.ts";
import { recordAudit, recordYouthView } from "../audit/service.ts";
import {
  absenceNoticeOutcome,
  absenceNoticeRefusal,
  ATTENDANCE_NOT_STARTED,
  attendanceTooEarly,
  endOf,
  overlaps,
  paceLimit,
  planningWarnings,
  type Interval,
} from "./rules.ts";
import { parisDateTime, parisIsoDay } from "../../domain/time.ts";
import { MAX_DURATION, type AttendanceForm, type PaceForm, type PlanLessonForm } from "./schemas.ts";
import { parseAvailability } from "../../domain/availability.ts";
import { ensureWritable } from "../enrolments/service.ts";
import { notify } from "../notifications/service.ts";

const YOUTH_NAME = { id: true, firstName: true, lastName: true } as const;

type LessonChange = "planned" | "cancelled" | "restored";

/**
 * Tells the youth (when they have an account) that a lesson to come was planned, cancelled or put
 * back, inside the change's transaction. A lesson logged after the fact tells no one.
 */
async function tellYouth(tx: DbTx, youthId: string, lesson: { startsAt: Date }, change: LessonChange, reason: string | null, now: Date) {
  if (lesson.startsAt <= now) return;
  const account = await tx.user.findFirst({ where: { youthId, isActive: true }, select: { id: true } });
  if (!account) return;
  const when = formatMoment(lesson.startsAt);
  const notices: Record<LessonChange, { title: string; body: string }> = {
    planned: { title: "Nouvelle leçon", body: `Une leçon de conduite est prévue le ${when}.` },
    cancelled: { title: "Leçon annulée", body: `Votre leçon du ${when} est annulée.${reason ? ` Motif : ${reason}` : ""}` },
    restored: { title: "Leçon maintenue", body: `Votre leçon du ${when} a finalement lieu.` },
  };
  await notify(tx, [account.id], { ...notices[change], link: "/me" });
}

/** Choices of the planning form: the school's current enrolments in training and its instructors. */
export async function lessonFormOptions(actor: Actor) {
  const [enrolments, instructors] = await Promise.all([
    db().enrolment.findMany({
      where: { AND: [enrolmentScope(actor), { isCurrent: true, status: "ACTIVE" }] },
      select: { id: true, drivingSchoolId: true, drivingSchool: { select: { name: true } }, youth: { select: YOUTH_NAME } },
      orderBy: [{ youth: { lastName: "asc" } }, { youth: { firstName: "asc" } }],
    }),
    db().user.findMany({
      where: instructorScope(actor),
      select: { id: true, displayName: true, drivingSchoolId: true, drivingSchool: { select: { name: true } } },
      orderBy: { displayName: "asc" },
    }),
  ]);
  return { enrolments, instructors };
}

/**
 * Lessons that would share a slot with this one, for the same youth or the same instructor.
 * Deliberately not limited to the caller's scope: a clash with a lesson the school cannot see
 * (an earlier enrolment) is still a clash. Only the time of the clash is shown.
 */
async function clashes(
  tx: DbTx,
  lesson: Interval,
  who: { enrolmentId: string; youthId: string; instructorId: string | null },
  exceptId?: string,
) {
  const candidates = await tx.lesson.findMany({
    where: {
      attendance: { not: "CANCELLED" },
      startsAt: { lt: endOf(lesson), gt: new Date(lesson.startsAt.getTime() - MAX_DURATION * 60_000) },
      OR: [{ enrolment: { youthId: who.youthId } }, ...(who.instructorId ? [{ instructorId: who.instructorId }] : [])],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { startsAt: true, durationMin: true, instructorId: true, enrolment: { select: { youthId: true } } },
  });
  return candidates.filter((candidate) => overlaps(candidate, lesson));
}

function clashMessage(clash: { startsAt: Date; durationMin: number; enrolment: { youthId: string } }, youthId: string): string {
  const slot = `${formatTime(clash.startsAt)}–${formatTime(endOf(clash))}`;
  return clash.enrolment.youthId === youthId
    ? `Ce créneau chevauche une autre leçon du ou de la jeune (${slot}). Rien n'a été enregistré.`
    : `Ce créneau chevauche une autre leçon du moniteur ou de la monitrice (${slot}). Rien n'a été enregistré.`;
}

/** A lesson belongs to its enrolment's life: not before it started, not after it ended. */
function lessonWindowProblem(day: string, enrolment: { enrolledAt: Date; endedAt: Date | null }): string | null {
  const first = parisIsoDay(enrolment.enrolledAt);
  if (day < first)
    return `La formation dans cette auto-école a commencé le ${formatDateInWords(enrolment.enrolledAt)} : la leçon ne peut pas être datée avant.`;
  if (enrolment.endedAt && day > parisIsoDay(enrolment.endedAt)) {
    return `La formation dans cette auto-école s'est terminée le ${formatDateInWords(enrolment.endedAt)} : la leçon ne peut pas être datée après.`;
  }
  return null;
}

export type PlannedLesson = { id: string; startsAt: Date; instructorId: string | null; warnings: string[] };

/** Plans (or logs after the fact) a lesson. Overlaps → FormError, nothing stored; outside the
 * youth's availability or beyond the pace → saved, with warnings for the next page. */
export async function planLesson(actor: Actor, form: PlanLessonForm, now = new Date()): Promise<PlannedLesson> {
  const enrolment = await db().enrolment.findFirst({
    where: { AND: [{ id: form.enrolmentId }, enrolmentScope(actor)] },
    select: {
      id: true,
      drivingSchoolId: true,
      enrolledAt: true,
      endedAt: true,
      youth: { select: { id: true, employmentStatus: true, weeklyAvailability: true, maxLessonsPerWeek: true } },
    },
  });
  if (!enrolment) throw new NotFoundError();
  const window = lessonWindowProblem(form.date, enrolment);
  if (window) throw new FormError("date", window);
  let instructorId: string | null = null;
  if (form.instructorId) {
    const instructor = await db().user.findFirst({
      where: { AND: [{ id: form.instructorId }, instructorScope(actor), { drivingSchoolId: enrolment.drivingSchoolId }] },
      select: { id: true },
    });
    if (!instructor) throw new FormError("instructorId", "Choisissez un moniteur ou une monitrice de l'auto-école du jeune.");
    instructorId = instructor.id;
  } else if (actor.drivingSchoolId === enrolment.drivingSchoolId) {
    instructorId = actor.id; // by default, the signed-in instructor
  }
  const lesson: Interval = { startsAt: parisDateTime(form.date, form.time), durationMin: form.durationMin };
  const week = startOfParisWeek(lesson.startsAt);

  return db().$transaction(async (tx) => {
    await ensureWritable(tx, enrolment.id, "enrolmentId");
    const clash = (await clashes(tx, lesson, { enrolmentId: enrolment.id, youthId: enrolment.youth.id, instructorId }))[0];
    if (clash) throw new FormError("time", clashMessage(clash, enrolment.youth.id));
    const created = await tx.lesson.create({
      data: {
        enrolmentId: enrolment.id,
        drivingSchoolId: enrolment.drivingSchoolId,
        instructorId,
        startsAt: lesson.startsAt,
        durationMin: lesson.durationMin,
        kind: form.kind,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const lessonsThatWeek = await tx.lesson.count({
      where: {
        enrolment: { youthId: enrolment.youth.id },
        attendance: { not: "CANCELLED" },
        startsAt: { gte: week, lt: addDays(week, 7) },
      },
    });
    const warnings = planningWarnings({
      lesson,
      slots: parseAvailability(enrolment.youth.weeklyAvailability),
      lessonsThatWeek,
      limit: paceLimit(enrolment.youth.employmentStatus, enrolment.youth.maxLessonsPerWeek),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "LESSON_PLANNED",
        entity: "Lesson",
        entityId: created.id,
        details: {
          enrolmentId: enrolment.id,
          startsAt: lesson.startsAt.toISOString(),
          durationMin: lesson.durationMin,
          kind: form.kind,
          instructorId,
          warnings,
        },
      },
      tx,
    );
    await tellYouth(tx, enrolment.youth.id, lesson, "planned", null, now);
    return { id: created.id, startsAt: lesson.startsAt, instructorId, warnings };
  });
}

/** A lesson row as raw reads select it: Lesson `l` and its instructor's name (`instructorName`). */
export const LESSON_FIELDS = {
  id: z.string(),
  startsAt: SQL_DATE,
  durationMin: SQL_INTEGER,
  kind: z.enum(LESSON_KINDS),
  attendance: z.enum(ATTENDANCES),
  lateMin: SQL_INTEGER.nullable(),
  absenceNoticeAt: SQL_DATE.nullable(),
  absenceNoticeReason: z.string().nullable(),
  instructorName: z.string().nullable(),
};

const LESSON_LINE = z.object({
  ...LESSON_FIELDS,
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  instructorId: z.string().nullable(),
  enrolmentId: z.string(),
  youthId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});

const COUNTED_LESSON_LINE = LESSON_LINE.extend({ counted: SQL_INTEGER });

type LessonQuery = {
  /** Speaks of the lesson `l` and its enrolment `e`. */
  where: Prisma.Sql;
  /** Orders and limits. */
  tail?: Prisma.Sql;
};

/** Lessons in the caller's reach with their instructor and learner, as the lists and the lesson
 * page show them; `extra` adds columns. */
function lessonStatement(actor: Actor, { where, tail = Prisma.empty }: LessonQuery, extra = Prisma.empty) {
  return Prisma.sql`SELECT l."id", l."startsAt", l."durationMin", l."kind", l."attendance", l."lateMin", l."cancelReason",
      l."absenceNoticeAt", l."absenceNoticeReason", l."note", l."instructorId", u."displayName" AS "instructorName",
      e."id" AS "enrolmentId", y."id" AS "youthId", y."firstName", y."lastName" ${extra}
    FROM "Lesson" l
    JOIN "Enrolment" e ON e."id" = l."enrolmentId"
    JOIN "Youth" y ON y."id" = e."youthId"
    LEFT JOIN "User" u ON u."id" = l."instructorId"
    WHERE ${lessonInReach(fileReach(actor), "l", "e")} AND ${where}
    ${tail}`;
}

// Fields copied by name: a rest pattern (`...lesson`) costs several times more on lists of lessons.
function lessonOf(line: z.infer<typeof LESSON_LINE>) {
  return {
    id: line.id,
    startsAt: line.startsAt,
    durationMin: line.durationMin,
    kind: line.kind,
    attendance: line.attendance,
    lateMin: line.lateMin,
    absenceNoticeAt: line.absenceNoticeAt,
    absenceNoticeReason: line.absenceNoticeReason,
    cancelReason: line.cancelReason,
    note: line.note,
    instructorId: line.instructorId,
    instructor: line.instructorId === null ? null : { id: line.instructorId, displayName: line.instructorName ?? "" },
    enrolment: { id: line.enrolmentId, youth: { id: line.youthId, firstName: line.firstName, lastName: line.lastName } },
  };
}

/** Lessons in the caller's reach (one statement). */
export async function lessonsInReach(actor: Actor, query: LessonQuery) {
  return (await queryRows(LESSON_LINE, lessonStatement(actor, query))).map(lessonOf);
}

/** Lessons in the caller's reach, and how many of those matching `where` (before the tail limits
 * them) also match `counted`: a list and its count in one statement, by a window function. */
export async function countedLessonsInReach(actor: Actor, query: LessonQuery, counted: Prisma.Sql) {
  const rows = await queryRows(
    COUNTED_LESSON_LINE,
    lessonStatement(actor, query, Prisma.sql`, SUM(CASE WHEN ${counted} THEN 1 ELSE 0 END) OVER () AS "counted"`),
  );
  return { lessons: rows.map(lessonOf), counted: rows[0]?.counted ?? 0 };
}

/** One lesson through the caller's scope (out of scope → 404). */
export async function findLesson(actor: Actor, lessonId: string) {
  const [lesson] = await lessonsInReach(actor, { where: Prisma.sql`l."id" = ${lessonId}` });
  if (!lesson) throw new NotFoundError();
  return lesson;
}
export type LessonDetail = Awaited<ReturnType<typeof findLesson>>;

/** The lesson page: a view of part of the youth file, so it is audited. */
export async function viewLesson(actor: Actor, lessonId: string): Promise<LessonDetail> {
  const lesson = await findLesson(actor, lessonId);
  await recordYouthView(actor.id, lesson.enrolment.youth.id, "lesson");
  return lesson;
}

/** Answers 404 when the enrolment is outside the caller's scope, whatever else the form holds. */
export async function ensureEnrolmentInScope(actor: Actor, enrolmentId: string): Promise<void> {
  const found = await db().enrolment.findFirst({ where: { AND: [{ id: enrolmentId }, enrolmentScope(actor)] }, select: { id: true } });
  if (!found) throw new NotFoundError();
}

/**
 * Records attendance. A wrong tap is corrected by recording again (audited as a correction).
 * Un-cancelling a lesson takes its slot back, so overlaps are checked again then.
 */
export async function recordAttendance(actor: Actor, lessonId: string, form: AttendanceForm, now = new Date()): Promise<LessonDetail> {
  const lesson = await findLesson(actor, lessonId);
  if (attendanceTooEarly(form.attendance, lesson.startsAt, now)) throw new FormError("attendance", ATTENDANCE_NOT_STARTED);
  if (form.attendance === "LATE" && (form.lateMin ?? 0) >= lesson.durationMin) {
    throw new FormError("lateMin", `Le retard doit être inférieur à la durée de la leçon (${lesson.durationMin} min).`);
  }
  await db().$transaction(async (tx) => {
    await ensureWritable(tx, lesson.enrolment.id, "attendance");
    if (lesson.attendance === "CANCELLED" && form.attendance !== "CANCELLED") {
      const clash = (
        await clashes(
          tx,
          lesson,
          { enrolmentId: lesson.enrolment.id, youthId: lesson.enrolment.youth.id, instructorId: lesson.instructorId },
          lesson.id,
        )
      )[0];
      if (clash) throw new FormError("attendance", clashMessage(clash, lesson.enrolment.youth.id));
    }
    // A raw statement: the instructors' most frequent write, where the query compiler cost six
    // times the update (enum value and "updatedAt" set here as Prisma would).
    await executeStatement(
      Prisma.sql`UPDATE "Lesson" SET "attendance" = ${enumLiteral(form.attendance)}, "lateMin" = ${form.attendance === "LATE" ? (form.lateMin ?? null) : null},
        "cancelReason" = ${form.attendance === "CANCELLED" ? (form.reason ?? null) : null},
        "note" = ${form.attendance !== "CANCELLED" && form.reason ? form.reason : lesson.note}, "updatedAt" = ${now}
        WHERE "id" = ${lesson.id}`,
      tx,
    );
    await recordAudit(
      {
        actorId: actor.id,
        action: lesson.attendance === "SCHEDULED" ? "LESSON_ATTENDANCE_RECORDED" : "LESSON_ATTENDANCE_CORRECTED",
        entity: "Lesson",
        entityId: lesson.id,
        details: { from: lesson.attendance, to: form.attendance, lateMin: form.lateMin ?? null, reason: form.reason ?? null },
      },
      tx,
    );
    if (form.attendance === "CANCELLED" && lesson.attendance !== "CANCELLED") {
      await tellYouth(tx, lesson.enrolment.youth.id, lesson, "cancelled", form.reason ?? null, now);
    } else if (lesson.attendance === "CANCELLED" && form.attendance === "SCHEDULED") {
      await tellYouth(tx, lesson.enrolment.youth.id, lesson, "restored", null, now);
    }
  });
  return lesson;
}

/**
 * A young person's "Je ne pourrai pas venir" on one of their own planned lessons (another's → 404
 * through the scope). 24 h or more ahead it is an excused absence; later the lesson stays planned
 * with the notice and the school records the attendance. The lesson's instructor is told (the
 * school's staff when it has none, or no longer works there), in the same transaction.
 */
export async function noticeAbsence(actor: Actor, lessonId: string, form: { reason: string }, now = new Date()) {
  const lesson = await db().lesson.findFirst({
    where: { AND: [{ id: lessonId }, lessonScope(actor)] },
    select: {
      id: true,
      startsAt: true,
      attendance: true,
      absenceNoticeAt: true,
      instructorId: true,
      enrolment: { select: { id: true, drivingSchoolId: true, youth: { select: YOUTH_NAME } } },
    },
  });
  if (!lesson) throw new NotFoundError();
  const refusal = absenceNoticeRefusal(lesson, now);
  if (refusal) throw new FormError("reason", refusal);
  const excused = absenceNoticeOutcome(lesson.startsAt, now) === "EXCUSED";
  const youth = lesson.enrolment.youth;
  await db().$transaction(async (tx) => {
    await ensureWritable(tx, lesson.enrolment.id, "reason");
    // Only while still planned and not yet noticed: a double tap records one notice.
    const { count } = await tx.lesson.updateMany({
      where: { id: lesson.id, attendance: "SCHEDULED", absenceNoticeAt: null },
      data: { absenceNoticeAt: now, absenceNoticeReason: form.reason, ...(excused ? { attendance: "ABSENT_EXCUSED" as const } : {}) },
    });
    if (count === 0) throw new FormError("reason", "Vous avez déjà prévenu l'auto-école pour cette leçon.");
    const staff = (await tx.user.findMany({ where: schoolStaff(lesson.enrolment.drivingSchoolId), select: { id: true } })).map((u) => u.id);
    const recipients = lesson.instructorId && staff.includes(lesson.instructorId) ? [lesson.instructorId] : staff;
    const who = `${youth.firstName} ${youth.lastName}`;
    await notify(tx, recipients, {
      title: excused ? "Absence excusée" : "Absence annoncée à moins de 24 h",
      body: excused
        ? `${who} a prévenu qu'il ne viendra pas à la leçon du ${formatDateTime(lesson.startsAt)} : ${form.reason}. L'absence est excusée.`
        : `${who} a prévenu qu'il ne viendra pas à la leçon du ${formatDateTime(lesson.startsAt)} : ${form.reason}. À vous d'enregistrer la présence.`,
      link: `/lessons/${lesson.id}`,
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "LESSON_ABSENCE_NOTICED",
        entity: "Lesson",
        entityId: lesson.id,
        details: { startsAt: lesson.startsAt.toISOString(), excused, reason: form.reason, notified: recipients },
      },
      tx,
    );
  });
  return { id: lesson.id, startsAt: lesson.startsAt, excused };
}

const WEEK_INSTRUCTOR = z.object({ id: z.string(), displayName: z.string(), schoolName: z.string().nullable() });

/** The week (Monday to Sunday, Paris time) of one instructor, or of the whole school. */
export async function weekView(actor: Actor, query: { instructorId?: string | undefined; week?: string | undefined }, now = new Date()) {
  const instructors = (
    await queryRows(
      WEEK_INSTRUCTOR,
      Prisma.sql`SELECT u."id", u."displayName", s."name" AS "schoolName"
        FROM "User" u LEFT JOIN "DrivingSchool" s ON s."id" = u."drivingSchoolId"
        WHERE ${instructorInReach(instructorReach(actor), "u")}
        ORDER BY u."displayName"`,
    )
  ).map(({ schoolName, ...instructor }) => ({ ...instructor, drivingSchool: schoolName === null ? null : { name: schoolName } }));
  let instructorId: string | undefined;
  if (query.instructorId) {
    if (!instructors.some((i) => i.id === query.instructorId)) throw new NotFoundError();
    instructorId = query.instructorId;
  } else if (instructors.some((i) => i.id === actor.id)) {
    instructorId = actor.id;
  }
  const start = startOfParisWeek(query.week ? parisDateTime(query.week, "12:00") : now);
  // Each midnight once: a day in Paris time costs a time-zone computation.
  const midnights = Array.from({ length: 8 }, (_, index) => addDays(start, index));
  const end = midnights[7]!;
  const lessons = await lessonsInReach(actor, {
    where: Prisma.sql`l."startsAt" >= ${start} AND l."startsAt" < ${end} ${instructorId ? Prisma.sql`AND l."instructorId" = ${instructorId}` : Prisma.empty}`,
    tail: Prisma.sql`ORDER BY l."startsAt"`,
  });
  const days = midnights.slice(0, 7).map((day, index) => {
    const next = midnights[index + 1]!;
    return { day, lessons: lessons.filter((lesson) => lesson.startsAt >= day && lesson.startsAt < next) };
  });
  const minutes = lessons.filter((l) => l.attendance !== "CANCELLED").reduce((sum, l) => sum + l.durationMin, 0);
  return {
    instructors,
    instructorId: instructorId ?? "",
    instructor: instructors.find((i) => i.id === instructorId) ?? null,
    start,
    week: isoDay(start),
    days,
    minutes,
    previousWeek: isoDay(addDays(start, -7)),
    nextWeek: isoDay(end),
    thisWeek: isoDay(startOfParisWeek(now)),
  };
}

/** YYYY-MM-DD of a Paris calendar day. */
export const isoDay = parisIsoDay;

/** The pace a youth's situation suggests, and the counsellor's override if any. */
export async function paceOf(actor: Actor, youthId: string) {
  const youth = await db().youth.findFirst({
    where: { AND: [{ id: youthId }, youthScope(actor)] },
    select: { id: true, ref: true, firstName: true, lastName: true, employmentStatus: true, maxLessonsPerWeek: true },
  });
  if (!youth) throw new NotFoundError();
  return {
    youth,
    suggested: paceLimit(youth.employmentStatus, null),
    effective: paceLimit(youth.employmentStatus, youth.maxLessonsPerWeek),
  };
}

export async function setPace(actor: Actor, youthId: string, form: PaceForm): Promise<void> {
  const { youth } = await paceOf(actor, youthId);
  await db().$transaction(async (tx) => {
    await tx.youth.update({ where: { id: youth.id }, data: { maxLessonsPerWeek: form.maxLessonsPerWeek ?? null } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "YOUTH_PACE_SET",
        entity: "Youth",
        entityId: youth.id,
        details: { from: youth.maxLessonsPerWeek, to: form.maxLessonsPerWeek ?? null },
      },
      tx,
    );
  });
}
