// Exam attempts. A passed practical exam gives the licence on its date (Enrolment.licenceObtainedOn),
// which the evaluation reads (days_to_licence).
import { db } from "../../db/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { FormError } from "../../http/errors.ts";
import { recordAudit, recordYouthView } from "../audit/service.ts";
import { enrolmentSummary } from "../enrolments/service.ts";
import { parisDateTime, parisIsoDay } from "../lessons/rules.ts";
import type { ExamForm } from "./schemas.ts";

export async function examsPage(actor: Actor, enrolmentId: string) {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  await recordYouthView(actor.id, enrolment.youth.id, "exams");
  const exams = await db().exam.findMany({
    where: { enrolmentId: enrolment.id },
    select: { id: true, kind: true, date: true, score: true, result: true, eliminatoryFault: true },
    orderBy: { date: "desc" },
  });
  return { enrolment, exams };
}

export async function recordExam(actor: Actor, enrolmentId: string, form: ExamForm, now = new Date()): Promise<{ licence: boolean }> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  // Exam days are calendar days: stored at noon Paris time so that the day never shifts.
  const date = parisDateTime(form.date, "12:00");
  if (form.date > parisIsoDay(now)) throw new FormError("date", "Un résultat ne peut pas être saisi pour un examen à venir.");
  const licence = form.kind === "PRACTICAL" && form.result === "PASSED";
  return db().$transaction(async (tx) => {
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
    if (licence) {
      // The licence date is the first passed practical exam; the training is then complete.
      const licenceOn = enrolment.licenceObtainedOn && enrolment.licenceObtainedOn < date ? enrolment.licenceObtainedOn : date;
      await tx.enrolment.update({ where: { id: enrolment.id }, data: { licenceObtainedOn: licenceOn, status: "COMPLETED", endedAt: enrolment.licenceObtainedOn ? undefined : now } });
    }
    await recordAudit(
      { actorId: actor.id, action: "EXAM_RECORDED", entity: "Exam", entityId: exam.id, details: { enrolmentId: enrolment.id, kind: form.kind, date: form.date, score: form.score ?? null, result: form.result, licence } },
      tx,
    );
    return { licence };
  });
}
