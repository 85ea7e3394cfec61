// Enrolment of a selected youth at a partner school, transfers, and the initial assessment.
import { db } from "../../db/client.ts";
import { enrolmentScope, youthScope, type Actor } from "../../auth/policy.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { parisDateTime, parisIsoDay } from "../lessons/rules.ts";
import { recordAudit } from "../audit/service.ts";
import type { AssessmentForm, CreateEnrolmentForm } from "./schemas.ts";

const SUMMARY = {
  id: true,
  status: true,
  isCurrent: true,
  gearbox: true,
  enrolledAt: true,
  initialAssessmentAt: true,
  initialAssessmentNote: true,
  forecastHours: true,
  licenceObtainedOn: true,
  drivingSchoolId: true,
  drivingSchool: { select: { name: true } },
  youth: { select: { id: true, ref: true, firstName: true, lastName: true, referentId: true } },
} as const;

/** One enrolment through the caller's scope (out of scope → 404). Other features build on it. */
export async function enrolmentSummary(actor: Actor, enrolmentId: string) {
  const enrolment = await db().enrolment.findFirst({ where: { AND: [{ id: enrolmentId }, enrolmentScope(actor)] }, select: SUMMARY });
  if (!enrolment) throw new NotFoundError();
  return enrolment;
}
export type EnrolmentSummary = Awaited<ReturnType<typeof enrolmentSummary>>;

/** The youth, their selection and the partner schools of their area, for the enrolment form. */
export async function enrolmentFormOptions(actor: Actor, youthId: string) {
  const youth = await db().youth.findFirst({
    where: { AND: [{ id: youthId }, youthScope(actor)] },
    select: {
      id: true,
      ref: true,
      firstName: true,
      lastName: true,
      missionLocaleId: true,
      applications: { where: { status: "SELECTED" }, select: { cohortId: true, cohort: { select: { name: true } } }, orderBy: { createdAt: "desc" }, take: 1 },
      enrolments: { where: { isCurrent: true }, select: { id: true, drivingSchoolId: true, drivingSchool: { select: { name: true } } }, take: 1 },
    },
  });
  if (!youth) throw new NotFoundError();
  const schools = await db().drivingSchool.findMany({
    where: { missionLocaleId: youth.missionLocaleId },
    select: { id: true, name: true, city: true },
    orderBy: { name: "asc" },
  });
  return { youth, selection: youth.applications[0] ?? null, current: youth.enrolments[0] ?? null, schools };
}

const TRANSFER_REASON = "Transfert vers une autre auto-école";

/**
 * Enrols a selected youth at a partner school of their area. A youth has one current enrolment:
 * the previous one (a transfer) stops being current in the same transaction, so the former
 * school loses the file at once while its figures stay in the statistics.
 */
export async function createEnrolment(actor: Actor, youthId: string, form: CreateEnrolmentForm): Promise<string> {
  const options = await enrolmentFormOptions(actor, youthId);
  if (!options.selection) throw new FormError("_form", "Ce ou cette jeune n'a pas été retenu·e par le tirage au sort : pas d'inscription possible.");
  if (!options.schools.some((school) => school.id === form.drivingSchoolId)) {
    throw new FormError("drivingSchoolId", "Choisissez une auto-école partenaire du bassin du jeune.");
  }
  if (options.current?.drivingSchoolId === form.drivingSchoolId) {
    throw new FormError("drivingSchoolId", "Le ou la jeune est déjà inscrit·e dans cette auto-école.");
  }
  const now = new Date();
  const cohortId = options.selection.cohortId;
  return db().$transaction(async (tx) => {
    const previous = await tx.enrolment.findMany({ where: { youthId, isCurrent: true }, select: { id: true } });
    await tx.enrolment.updateMany({ where: { youthId, isCurrent: true }, data: { isCurrent: false, endedAt: now } });
    // The former school loses the file: its lessons still to come are cancelled, so that they
    // neither block the new school's planning nor stay where nobody can record them.
    const cancelled = await tx.lesson.updateMany({
      where: { enrolmentId: { in: previous.map((e) => e.id) }, attendance: "SCHEDULED", startsAt: { gt: now } },
      data: { attendance: "CANCELLED", cancelReason: TRANSFER_REASON },
    });
    const created = await tx.enrolment.create({
      data: { youthId, drivingSchoolId: form.drivingSchoolId, cohortId, gearbox: form.gearbox, isCurrent: true, enrolledAt: now, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: previous.length > 0 ? "ENROLMENT_TRANSFERRED" : "ENROLMENT_CREATED",
        entity: "Enrolment",
        entityId: created.id,
        details: { youthId, drivingSchoolId: form.drivingSchoolId, previous: previous.map((e) => e.id), lessonsCancelled: cancelled.count },
      },
      tx,
    );
    return created.id;
  });
}

/** The mandatory initial assessment ("évaluation de départ"), with the forecast driving hours. */
export async function recordInitialAssessment(actor: Actor, enrolmentId: string, form: AssessmentForm, now = new Date()): Promise<EnrolmentSummary> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  const assessedAt = parisDateTime(form.assessedOn, "12:00");
  if (form.assessedOn > parisIsoDay(now)) throw new FormError("assessedOn", "L'évaluation de départ ne peut pas être datée dans le futur.");
  await db().$transaction(async (tx) => {
    await tx.enrolment.update({
      where: { id: enrolment.id },
      data: { initialAssessmentAt: assessedAt, gearbox: form.gearbox, forecastHours: form.forecastHours, initialAssessmentNote: form.note || null },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: enrolment.initialAssessmentAt ? "ENROLMENT_ASSESSMENT_CORRECTED" : "ENROLMENT_ASSESSED",
        entity: "Enrolment",
        entityId: enrolment.id,
        details: { gearbox: form.gearbox, forecastHours: form.forecastHours, assessedOn: form.assessedOn },
      },
      tx,
    );
  });
  return enrolment;
}
