// The REMC booklet ("livret d'apprentissage"): append-only, one SkillAssessment row per change;
// the latest row per skill is the current level (src/domain/progress.ts).
import { db } from "../../db/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { FormError } from "../../http/errors.ts";
import { bookletOf, currentSkillLevels } from "../../domain/progress.ts";
import { SKILLS } from "../../domain/remc.ts";
import { recordAudit, recordYouthView } from "../audit/service.ts";
import { enrolmentSummary, ensureWritable } from "../enrolments/service.ts";
import type { SkillForm } from "./schemas.ts";

const SKILL_LABELS = new Map(SKILLS.map((skill) => [skill.code, skill.label]));

/** Answers 404 when the enrolment is outside the caller's scope, without counting as a view. */
export async function ensureBookletInScope(actor: Actor, enrolmentId: string): Promise<void> {
  await enrolmentSummary(actor, enrolmentId);
}

export async function bookletPage(actor: Actor, enrolmentId: string, lessonId?: string) {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  await recordYouthView(actor.id, enrolment.youth.id, "booklet");
  // The booklet follows the learner: rows from an earlier school count too. Looked up by the
  // learner's enrolment ids, as the other booklet readers do (no filter through the enrolment).
  const enrolments = await db().enrolment.findMany({ where: { youthId: enrolment.youth.id }, select: { id: true } });
  const [rows, lessons] = await Promise.all([
    db().skillAssessment.findMany({
      where: { enrolmentId: { in: enrolments.map((row) => row.id) } },
      select: {
        id: true,
        skillCode: true,
        level: true,
        assessedAt: true,
        assessedById: true,
        lesson: { select: { id: true, startsAt: true, kind: true } },
      },
      orderBy: { assessedAt: "asc" },
    }),
    db().lesson.findMany({
      where: { enrolmentId: enrolment.id, startsAt: { lte: new Date() }, attendance: { in: ["SCHEDULED", "PRESENT", "LATE"] } },
      select: { id: true, startsAt: true, kind: true },
      orderBy: { startsAt: "desc" },
      take: 10,
    }),
  ]);
  // SkillAssessment keeps the assessor's id only: one query for the names of the history.
  const assessorIds = [...new Set(rows.map((row) => row.assessedById).filter((id): id is string => id !== null))];
  const assessors = assessorIds.length
    ? await db().user.findMany({ where: { id: { in: assessorIds } }, select: { id: true, displayName: true } })
    : [];
  const names = new Map(assessors.map((user) => [user.id, user.displayName]));
  const history = rows
    .slice()
    .reverse()
    .map((row) => ({
      ...row,
      skillLabel: SKILL_LABELS.get(row.skillCode) ?? row.skillCode,
      assessedBy: row.assessedById ? (names.get(row.assessedById) ?? "—") : "—",
    }));
  return {
    enrolment,
    booklet: bookletOf(rows),
    history,
    lessons,
    lesson: lessonId ? (lessons.find((l) => l.id === lessonId) ?? null) : null,
  };
}

/** Appends one row when the level changes (the same level again writes nothing). */
export async function recordSkill(actor: Actor, enrolmentId: string, form: SkillForm): Promise<{ changed: boolean }> {
  const enrolment = await enrolmentSummary(actor, enrolmentId);
  if (form.lessonId) {
    const lesson = await db().lesson.findFirst({ where: { id: form.lessonId, enrolmentId: enrolment.id }, select: { id: true } });
    if (!lesson) throw new FormError("lessonId", "Cette leçon n'appartient pas à ce livret.");
  }
  return db().$transaction(async (tx) => {
    await ensureWritable(tx, enrolment.id, "skillCode");
    const rows = await tx.skillAssessment.findMany({
      where: { enrolment: { youthId: enrolment.youth.id }, skillCode: form.skillCode },
      select: { skillCode: true, level: true, assessedAt: true },
    });
    const current = currentSkillLevels(rows).get(form.skillCode) ?? "NOT_STARTED";
    if (current === form.level && rows.length > 0) return { changed: false };
    const created = await tx.skillAssessment.create({
      data: {
        enrolmentId: enrolment.id,
        skillCode: form.skillCode,
        level: form.level,
        assessedById: actor.id,
        lessonId: form.lessonId ?? null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "SKILL_ASSESSED",
        entity: "SkillAssessment",
        entityId: created.id,
        details: { enrolmentId: enrolment.id, skillCode: form.skillCode, from: current, to: form.level, lessonId: form.lessonId ?? null },
      },
      tx,
    );
    return { changed: true };
  });
}
