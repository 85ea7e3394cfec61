// Enrolment of a selected youth at a partner school, transfers, and the initial assessment.
import { z } from "zod";
import { db, isUniqueViolation, type DbTx } from "../../db/client.ts";
import { queryRows } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { can, enrolmentScope, youthScope, type Actor } from "../../auth/policy.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { parisDateTime, parisIsoDay } from "../../domain/time.ts";
import { recordAudit } from "../audit/service.ts";
import { readOnlyReason } from "../../domain/enrolment-status.ts";
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
  theoryPassedOn: true,
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

const STATUS_ROW = z.object({ status: z.string() });

/** Refuses a new training record (lesson, attendance, skill, exam, initial assessment) on an
 * enrolment that is not ACTIVE. Read inside the write's transaction, so that a status changed
 * meanwhile (a licence, a transfer) is seen. */
export async function ensureWritable(tx: DbTx, enrolmentId: string, field: string): Promise<void> {
  // A raw read: every write to a training starts here, and the query compiler cost four times the read.
  const [enrolment] = await queryRows(STATUS_ROW, Prisma.sql`SELECT "status" FROM "Enrolment" WHERE "id" = ${enrolmentId}`, tx);
  if (!enrolment) throw new NotFoundError();
  const reason = readOnlyReason(enrolment.status);
  if (reason) throw new FormError(field, reason);
}

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
      applications: {
        where: { status: "SELECTED" },
        select: {
          id: true,
          cohortId: true,
          attendanceCommitmentAt: true,
          contributionCommitmentAt: true,
          cohort: { select: { name: true } },
        },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
      enrolments: {
        where: { isCurrent: true },
        select: { id: true, drivingSchoolId: true, drivingSchool: { select: { name: true } } },
        take: 1,
      },
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
const NOT_COMMITTED =
  "Les deux engagements du jeune (assiduité aux leçons et participation personnelle) ne sont pas encore enregistrés sur sa candidature : pas d'inscription avant.";
const OVERRIDE_NEEDED =
  "Les deux engagements du jeune ne sont pas encore enregistrés : pour inscrire quand même, écrivez le motif de la dérogation.";
const ALREADY_IN_TRAINING =
  "Ce ou cette jeune a déjà une inscription en cours (en formation ou suspendue) : une seule inscription en cours à la fois.";

/** The commitments still missing on the selected application (none: enrolment may go ahead). */
function missingCommitments(selection: { attendanceCommitmentAt: Date | null; contributionCommitmentAt: Date | null }): string[] {
  return [...(selection.attendanceCommitmentAt ? [] : ["attendance"]), ...(selection.contributionCommitmentAt ? [] : ["contribution"])];
}

/**
 * Enrols a selected youth at a partner school of their area, once both commitments are recorded
 * (the coordinator may override that with a written reason, audited). A youth has one current
 * enrolment: the previous one (a transfer) stops being current and is closed in the same
 * transaction, so the former school loses the file at once while its figures stay in the
 * statistics. The database refuses a second enrolment in progress (partial unique index).
 */
export async function createEnrolment(actor: Actor, youthId: string, form: CreateEnrolmentForm, now = new Date()): Promise<string> {
  const options = await enrolmentFormOptions(actor, youthId);
  const selection = options.selection;
  if (!selection)
    throw new FormError("_form", "Ce ou cette jeune n'a pas été retenu·e par le tirage au sort : pas d'inscription possible.");
  if (!options.schools.some((school) => school.id === form.drivingSchoolId)) {
    throw new FormError("drivingSchoolId", "Choisissez une auto-école partenaire du bassin du jeune.");
  }
  if (options.current?.drivingSchoolId === form.drivingSchoolId) {
    throw new FormError("drivingSchoolId", "Le ou la jeune est déjà inscrit·e dans cette auto-école.");
  }
  if (form.theoryPassedOn && form.theoryPassedOn > parisIsoDay(now)) {
    throw new FormError("theoryPassedOn", "La date de réussite au code ne peut pas être dans le futur.");
  }
  const missing = missingCommitments(selection);
  const mayOverride = can(actor, "enrolment:override-commitments");
  const override = missing.length > 0 && mayOverride ? form.overrideReason : undefined;
  if (missing.length > 0 && !override)
    throw mayOverride ? new FormError("overrideReason", OVERRIDE_NEEDED) : new FormError("_form", NOT_COMMITTED);
  const cohortId = selection.cohortId;
  const theoryPassedOn = form.theoryPassedOn ? parisDateTime(form.theoryPassedOn, "12:00") : null;
  try {
    return await db().$transaction(async (tx) => {
      const previous = await tx.enrolment.findMany({ where: { youthId, isCurrent: true }, select: { id: true } });
      const previousIds = previous.map((e) => e.id);
      await tx.enrolment.updateMany({ where: { id: { in: previousIds } }, data: { isCurrent: false, endedAt: now } });
      // The enrolment left behind is closed: it takes no new record and frees the youth's one
      // enrolment in progress (completed ones keep their status).
      await tx.enrolment.updateMany({
        where: { id: { in: previousIds }, status: { in: ["ACTIVE", "SUSPENDED"] } },
        data: { status: "DROPPED" },
      });
      // The former school loses the file: its lessons still to come are cancelled, so that they
      // neither block the new school's planning nor stay where nobody can record them.
      const cancelled = await tx.lesson.updateMany({
        where: { enrolmentId: { in: previousIds }, attendance: "SCHEDULED", startsAt: { gt: now } },
        data: { attendance: "CANCELLED", cancelReason: TRANSFER_REASON },
      });
      const created = await tx.enrolment.create({
        data: {
          youthId,
          drivingSchoolId: form.drivingSchoolId,
          cohortId,
          gearbox: form.gearbox,
          isCurrent: true,
          enrolledAt: now,
          theoryPassedOn,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: previous.length > 0 ? "ENROLMENT_TRANSFERRED" : "ENROLMENT_CREATED",
          entity: "Enrolment",
          entityId: created.id,
          details: {
            youthId,
            drivingSchoolId: form.drivingSchoolId,
            previous: previousIds,
            lessonsCancelled: cancelled.count,
            theoryPassedOn: form.theoryPassedOn ?? null,
          },
        },
        tx,
      );
      if (override) {
        await recordAudit(
          {
            actorId: actor.id,
            action: "ENROLMENT_COMMITMENTS_OVERRIDDEN",
            entity: "Enrolment",
            entityId: created.id,
            details: { applicationId: selection.id, missing, reason: override },
          },
          tx,
        );
      }
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FormError("_form", ALREADY_IN_TRAINING);
    throw error;
  }
}

/** The mandatory initial assessment ("évaluation de départ"), with the forecast driving hours. */
export async function recordInitialAssessment(
  actor: Actor,
  enrolmentId: string,
  form: AssessmentForm,
  now = new Date(),
): Promise<EnrolmentSummary> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  const assessedAt = parisDateTime(form.assessedOn, "12:00");
  if (form.assessedOn > parisIsoDay(now)) throw new FormError("assessedOn", "L'évaluation de départ ne peut pas être datée dans le futur.");
  await db().$transaction(async (tx) => {
    await ensureWritable(tx, enrolment.id, "_form");
    await tx.enrolment.update({
      where: { id: enrolment.id },
      data: {
        initialAssessmentAt: assessedAt,
        gearbox: form.gearbox,
        forecastHours: form.forecastHours,
        initialAssessmentNote: form.note || null,
      },
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
