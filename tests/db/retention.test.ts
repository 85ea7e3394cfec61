import { describe, expect, it } from "vitest";
import { runRetention } from "../../src/features/operations/service.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeUser, makeYouth, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";

const POLICY = { age: 28, yearsAfterSurvey: 2 };
// The factories' youths were born on 2004-05-06: 28 on 2032-05-06.
const LATER = new Date("2035-01-01T00:00:00Z");

/** Two youths past their date (one with an account, a lesson note, a difficulty, a survey answered
 * in 2030), one kept by a survey due in 2034 (kept until 2036). */
async function aProgramme() {
  const missionLocale = await makeMissionLocale();
  const school = await makeSchool(missionLocale.id);
  const cohort = await makeCohort();
  const gone = await makeYouth(missionLocale.id, { email: "partie@example.fr" });
  const goneToo = await makeYouth(missionLocale.id);
  const kept = await makeYouth(missionLocale.id, { email: "reste@example.fr" });
  const account = await makeUser("YOUTH", { youthId: gone.id });
  const enrolment = await makeEnrolment(gone.id, school.id, cohort.id);
  await testDb.enrolment.update({
    where: { id: enrolment.id },
    data: { initialAssessmentNote: "Très stressé", licenceObtainedOn: new Date("2027-05-01T00:00:00Z") },
  });
  const lesson = await makeLesson(enrolment.id, { startsAt: new Date("2027-02-01T09:00:00Z"), attendance: "PRESENT" });
  await testDb.lesson.update({ where: { id: lesson.id }, data: { note: "Panique au rond-point" } });
  await testDb.difficulty.create({ data: { youthId: gone.id, category: "PERSONAL", description: "Vit chez sa tante à Gien" } });
  await testDb.followUpSurvey.create({
    data: {
      youthId: gone.id,
      cohortId: cohort.id,
      monthsAfter: 12,
      dueOn: new Date("2030-01-01T00:00:00Z"),
      status: "ANSWERED",
      answeredAt: new Date("2030-01-05T00:00:00Z"),
      hasLicence: true,
      employed: true,
      employmentStatus: "EMPLOYED",
    },
  });
  await testDb.followUpSurvey.create({
    data: { youthId: kept.id, cohortId: cohort.id, monthsAfter: 24, dueOn: new Date("2034-06-01T00:00:00Z") },
  });
  return { cohort, gone, goneToo, kept, account, enrolment };
}

/** What the statistics and the evaluation read, counted from the database. */
async function figures(cohortId: string) {
  const byGender = await testDb.youth.groupBy({
    by: ["gender", "employmentStatus", "birthDate"],
    _count: true,
    orderBy: { gender: "asc" },
  });
  const surveys = await testDb.followUpSurvey.groupBy({
    by: ["status", "hasLicence", "employed", "employmentStatus"],
    where: { cohortId },
    _count: true,
    orderBy: { status: "asc" },
  });
  const enrolments = await testDb.enrolment.groupBy({
    by: ["status", "licenceObtainedOn", "forecastHours"],
    where: { cohortId },
    _count: true,
    orderBy: { status: "asc" },
  });
  const lessons = await testDb.lesson.aggregate({ where: { enrolment: { cohortId } }, _sum: { durationMin: true }, _count: true });
  return { byGender, surveys, enrolments, lessons, youths: await testDb.youth.count() };
}

describe("retention", () => {
  it("retention — a dry run — counts the files due and writes nothing", async () => {
    const { gone } = await aProgramme();
    const before = await testDb.youth.findUniqueOrThrow({ where: { id: gone.id } });
    const events = await testDb.auditEvent.count();

    const summary = await runRetention({ dryRun: true, now: LATER, policy: POLICY });

    expect(summary.youthsDue).toBeGreaterThanOrEqual(2);
    expect(summary.youthsAnonymised).toBe(0);
    expect(await testDb.youth.findUniqueOrThrow({ where: { id: gone.id } })).toEqual(before);
    expect(await testDb.auditEvent.count()).toBe(events);
  });

  it("retention — files past their date — names, contacts and free texts gone, figures unchanged", async () => {
    const { cohort, gone, goneToo, kept, account, enrolment } = await aProgramme();
    const before = await figures(cohort.id);

    const summary = await runRetention({ dryRun: false, now: LATER, policy: POLICY });

    expect(summary.youthsAnonymised).toBe(summary.youthsDue);
    expect(await figures(cohort.id)).toEqual(before);
    for (const id of [gone.id, goneToo.id]) {
      const youth = await testDb.youth.findUniqueOrThrow({ where: { id } });
      expect(youth).toMatchObject({
        firstName: "Jeune",
        lastName: "anonymisé",
        email: null,
        phone: null,
        address: null,
        professionalProject: null,
      });
      expect(youth.anonymisedAt).toEqual(LATER);
    }
    const keptNow = await testDb.youth.findUniqueOrThrow({ where: { id: kept.id } });
    expect(keptNow).toMatchObject({ firstName: "Camille", email: "reste@example.fr", anonymisedAt: null });

    const user = await testDb.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(user).toMatchObject({ email: null, isActive: false, passwordHash: null });
    expect((await testDb.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).initialAssessmentNote).toBeNull();
    expect(await testDb.lesson.findFirstOrThrow({ where: { enrolmentId: enrolment.id } })).toMatchObject({
      note: null,
      attendance: "PRESENT",
    });
    expect((await testDb.difficulty.findFirstOrThrow({ where: { youthId: gone.id } })).description).toBe("");
    const survey = await testDb.followUpSurvey.findFirstOrThrow({ where: { youthId: gone.id } });
    expect(survey).toMatchObject({ status: "ANSWERED", hasLicence: true, employmentStatus: "EMPLOYED" });
    expect(await testDb.auditEvent.count({ where: { action: "YOUTHS_ANONYMISED" } })).toBeGreaterThan(0);

    const again = await runRetention({ dryRun: false, now: LATER, policy: POLICY });
    expect(again.youthsDue).toBe(0);
  });

  it("retention — the clock before every date — anonymises nobody", async () => {
    const { gone } = await aProgramme();
    await runRetention({ dryRun: false, now: new Date("2031-12-01T00:00:00Z"), policy: POLICY });
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: gone.id } })).anonymisedAt).toBeNull();
  });

  it("retention — audit events — those older than 12 months deleted, the others kept", async () => {
    const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * 86_400_000);
    const old = await testDb.auditEvent.create({ data: { action: "OLD", entity: "Test", at: monthsAgo(14) } });
    const recent = await testDb.auditEvent.create({ data: { action: "RECENT", entity: "Test", at: monthsAgo(10) } });

    const dry = await runRetention({ dryRun: true, now: LATER, policy: POLICY });
    expect(dry.auditEventsDue).toBeGreaterThanOrEqual(1);
    expect(await testDb.auditEvent.findUnique({ where: { id: old.id } })).not.toBeNull();

    // A clock years ahead never deletes more than the database trigger allows (12 months of real time).
    const summary = await runRetention({ dryRun: false, now: LATER, policy: POLICY });
    expect(summary.auditEventsDeleted).toBeGreaterThanOrEqual(1);
    expect(await testDb.auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await testDb.auditEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
