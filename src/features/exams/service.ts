// Exam attempts. A passed practical exam gives the licence on its date (Enrolment.licenceObtainedOn),
// which the evaluation reads (days_to_licence); the youth's lessons still to come are then
// cancelled, the school and the youth's counsellor told.
import { db, isUniqueViolation, type DbTx } from "../../db/client.ts";
import { schoolStaff, type Actor } from "../../auth/policy.ts";
import { FormError } from "../../http/errors.ts";
import { recordAudit, recordYouthView } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { formatDate } from "../../domain/time.ts";
import { enrolmentSummary, type EnrolmentSummary } from "../enrolments/service.ts";
import { parisDateTime, parisIsoDay } from "../../domain/time.ts";
import { examRefusal, theoryValidUntil, type ExamContext } from "./rules.ts";
import type { ExamForm } from "./schemas.ts";

const LICENCE_CANCEL_REASON = "Permis obtenu";
const SAME_DAY = "Un passage de cette épreuve est déjà enregistré à cette date pour ce ou cette jeune : voir la liste des passages.";

/** What the exam rules need to know about the youth, read across all their enrolments (a theory
 * pass or a licence recorded at a former school still counts). */
async function examContext(client: DbTx, enrolment: EnrolmentSummary, now: Date): Promise<ExamContext> {
  const enrolments = await client.enrolment.findMany({
    where: { youthId: enrolment.youth.id },
    select: { id: true, status: true, theoryPassedOn: true, licenceObtainedOn: true },
  });
  const passes = await client.exam.findMany({
    where: { enrolmentId: { in: enrolments.map((e) => e.id) }, result: "PASSED" },
    select: { kind: true, date: true },
  });
  const licences = [
    ...enrolments.flatMap((e) => (e.licenceObtainedOn ? [e.licenceObtainedOn] : [])),
    ...passes.filter((p) => p.kind === "PRACTICAL").map((p) => p.date),
  ].map(parisIsoDay);
  return {
    today: parisIsoDay(now),
    status: enrolments.find((e) => e.id === enrolment.id)?.status ?? enrolment.status,
    enrolledOn: parisIsoDay(enrolment.enrolledAt),
    theoryPassedOn: [
      ...enrolments.flatMap((e) => (e.theoryPassedOn ? [parisIsoDay(e.theoryPassedOn)] : [])),
      ...passes.filter((p) => p.kind === "THEORY").map((p) => parisIsoDay(p.date)),
    ],
    licenceOn: licences.sort()[0] ?? null,
  };
}

export async function examsPage(actor: Actor, enrolmentId: string, now = new Date()) {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  await recordYouthView(actor.id, enrolment.youth.id, "exams");
  const [exams, context] = await Promise.all([
    db().exam.findMany({
      where: { enrolmentId: enrolment.id },
      select: { id: true, kind: true, date: true, score: true, result: true, eliminatoryFault: true },
      orderBy: { date: "desc" },
    }),
    examContext(db(), enrolment, now),
  ]);
  const latestTheory = context.theoryPassedOn.slice().sort().at(-1);
  return { enrolment, exams, theoryValidUntil: latestTheory ? theoryValidUntil(latestTheory) : null };
}

type RecordedExam = { licence: boolean; lessonsCancelled: number };

/**
 * Records an attempt. Refused (FormError): a date to come or before the enrolment, an enrolment
 * not in training, a second licence, a practical exam without a valid theory pass, the same
 * attempt twice (unique index: a double submission writes one row). A licence cancels the
 * youth's lessons still to come and notifies the school's staff, in the same transaction.
 */
export async function recordExam(actor: Actor, enrolmentId: string, form: ExamForm, now = new Date()): Promise<RecordedExam> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  // Exam days are calendar days: stored at noon Paris time so that the day never shifts.
  const date = parisDateTime(form.date, "12:00");
  const licence = form.kind === "PRACTICAL" && form.result === "PASSED";
  try {
    return await db().$transaction(async (tx) => {
      // Read inside the transaction: of two attempts sent at once, the second sees the first.
      const refusal = examRefusal({ kind: form.kind, result: form.result, day: form.date }, await examContext(tx, enrolment, now));
      if (refusal) throw new FormError(refusal.field, refusal.message);
      const exam = await tx.exam.create({
        data: {
          enrolmentId: enrolment.id,
          kind: form.kind,
          date,
          score: form.result === "ABSENT" ? null : (form.score ?? null),
          result: form.result,
          eliminatoryFault: form.eliminatoryFault,
          recordedById: actor.id,
        },
        select: { id: true },
      });
      const lessonsCancelled = licence ? await grantLicence(tx, actor, enrolment, date, now) : 0;
      await recordAudit(
        {
          actorId: actor.id,
          action: "EXAM_RECORDED",
          entity: "Exam",
          entityId: exam.id,
          details: {
            enrolmentId: enrolment.id,
            kind: form.kind,
            date: form.date,
            score: form.score ?? null,
            result: form.result,
            licence,
            lessonsCancelled,
          },
        },
        tx,
      );
      return { licence, lessonsCancelled };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FormError("date", SAME_DAY);
    throw error;
  }
}

/** The licence: the training is complete, the lessons still to come are cancelled (with the
 * reason, so the youth and the school see why) and the school's staff and the youth's counsellor
 * are told. Returns how many lessons were cancelled. */
async function grantLicence(tx: DbTx, actor: Actor, enrolment: EnrolmentSummary, date: Date, now: Date): Promise<number> {
  await tx.enrolment.update({ where: { id: enrolment.id }, data: { licenceObtainedOn: date, status: "COMPLETED", endedAt: now } });
  const enrolmentIds = (await tx.enrolment.findMany({ where: { youthId: enrolment.youth.id }, select: { id: true } })).map((e) => e.id);
  const cancelled = await tx.lesson.updateMany({
    where: { enrolmentId: { in: enrolmentIds }, attendance: "SCHEDULED", startsAt: { gt: now } },
    data: { attendance: "CANCELLED", cancelReason: LICENCE_CANCEL_REASON },
  });
  const staff = await tx.user.findMany({
    where: { AND: [schoolStaff(enrolment.drivingSchoolId), { id: { not: actor.id } }] },
    select: { id: true },
  });
  const youth = enrolment.youth;
  const lessons =
    cancelled.count === 0
      ? "Aucune leçon à venir n'était prévue."
      : cancelled.count === 1
        ? "Sa leçon à venir est annulée."
        : `Ses ${cancelled.count} leçons à venir sont annulées.`;
  await notify(
    tx,
    staff.map((user) => user.id),
    {
      title: `Permis obtenu : ${youth.firstName} ${youth.lastName}`,
      body: `${youth.firstName} ${youth.lastName} a obtenu le permis le ${formatDate(date)}. ${lessons}`,
      link: `/enrolments/${enrolment.id}/exams`,
    },
  );
  // The counsellor follows the youth beyond the training (the follow-up surveys): told too.
  await notify(
    tx,
    [youth.referentId].filter((id) => id !== actor.id),
    {
      title: `Permis obtenu : ${youth.firstName} ${youth.lastName}`,
      body: `${youth.firstName} ${youth.lastName} a obtenu le permis le ${formatDate(date)} (${enrolment.drivingSchool.name}).`,
      link: `/youths/${youth.id}`,
    },
  );
  return cancelled.count;
}
