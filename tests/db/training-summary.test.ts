// A youth's training summary must be exact when read: marked stale by the database when a row it
// is computed from changes, expired when the clock alone changes a warning, and a warning that
// appears tells the counsellor once.
import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { refreshSummaries, summaryView } from "../../src/features/warnings/service.ts";
import { WARNING_ORDER, WARNING_THRESHOLDS, warningRank } from "../../src/domain/warnings.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeUser, makeYouth, testDb } from "../helpers/factories.ts";
import { DAY, enrolledOn, makeDifficulty, makeLesson } from "../helpers/school-factories.ts";

const NOW = new Date();
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

async function aLearner() {
  const missionLocale = await makeMissionLocale();
  const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
  const school = await makeSchool(missionLocale.id);
  const youth = await makeYouth(missionLocale.id, { referentId: referent.id });
  const enrolment = await makeEnrolment(youth.id, school.id, (await makeCohort()).id);
  await enrolledOn(enrolment.id, new Date(NOW.getTime() - 30 * DAY));
  // The contribution paid: only the rules under test raise warnings.
  await testDb.payment.create({
    data: { enrolmentId: enrolment.id, payer: "YOUTH", amountCents: 25_000, paidOn: NOW, label: "Participation" },
  });
  return { youth, enrolment, referent, scope: { id: youth.id } };
}

const summaryOf = (youthId: string) => testDb.trainingSummary.findUniqueOrThrow({ where: { youthId } });
const noticesTo = (userId: string) => testDb.notification.count({ where: { userId } });

describe("training summaries", () => {
  it("a youth's rank — none before a first summary, then the summary's at each refresh, updatedAt untouched", async () => {
    const { youth, enrolment, scope } = await aLearner();
    const rankOf = async () => (await testDb.youth.findUniqueOrThrow({ where: { id: youth.id } })).warningRank;
    expect(await rankOf()).toBe(warningRank([]));
    expect(warningRank([])).toBe(WARNING_ORDER.length);

    await refreshSummaries(scope, NOW);
    expect(await rankOf()).toBe(warningRank([]));

    await makeLesson(enrolment.id, { startsAt: new Date(NOW.getTime() - (WARNING_THRESHOLDS.idleDays + 2) * DAY), attendance: "PRESENT" });
    const before = (await testDb.youth.findUniqueOrThrow({ where: { id: youth.id } })).updatedAt;
    await refreshSummaries(scope, NOW);
    const summary = await summaryOf(youth.id);
    expect(summary.warnings).toContain("NO_RECENT_LESSON");
    expect(await rankOf()).toBe(summary.warningRank);
    expect(summary.warningRank).toBe(WARNING_ORDER.indexOf("NO_RECENT_LESSON"));
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: youth.id } })).updatedAt).toEqual(before);
  });

  it("a summary is computed when missing, then kept until a lesson of the learner changes", async () => {
    const { youth, enrolment, scope } = await aLearner();
    const lesson = await makeLesson(enrolment.id, { startsAt: new Date(NOW.getTime() - 2 * DAY), attendance: "SCHEDULED" });

    expect(await refreshSummaries(scope, NOW)).toBe(1);
    expect(summaryView(await summaryOf(youth.id), NOW).figures.toRecord).toBe(1);
    expect(await refreshSummaries(scope, NOW)).toBe(0);

    await testDb.lesson.update({ where: { id: lesson.id }, data: { attendance: "PRESENT" } });
    expect((await summaryOf(youth.id)).stale).toBe(true);
    expect(await refreshSummaries(scope, NOW)).toBe(1);
    const view = summaryView(await summaryOf(youth.id), NOW);
    expect(view.figures).toMatchObject({ toRecord: 0, attended: 1, minutesDone: 60 });
  });

  it("a difficulty, a booklet row, an exam, a payment and the enrolment itself mark the summary stale", async () => {
    const { youth, enrolment, scope } = await aLearner();
    const marks = [
      () => makeDifficulty(enrolment, null),
      () => testDb.skillAssessment.create({ data: { enrolmentId: enrolment.id, skillCode: "C1", level: "IN_PROGRESS", assessedAt: NOW } }),
      () => testDb.exam.create({ data: { enrolmentId: enrolment.id, kind: "THEORY", date: NOW, result: "PASSED" } }),
      () => testDb.payment.create({ data: { enrolmentId: enrolment.id, payer: "PROGRAMME", amountCents: 100, paidOn: NOW, label: "x" } }),
      () => testDb.enrolment.update({ where: { id: enrolment.id }, data: { forecastHours: 40 } }),
    ];
    for (const mark of marks) {
      await refreshSummaries(scope, NOW);
      expect((await summaryOf(youth.id)).stale).toBe(false);
      await mark();
      expect((await summaryOf(youth.id)).stale).toBe(true);
    }
  });

  it("a summary expires when the clock alone raises a warning: NO_RECENT_LESSON 21 days after the last lesson", async () => {
    const { youth, enrolment, scope } = await aLearner();
    const last = new Date(NOW.getTime() - 20 * DAY);
    await makeLesson(enrolment.id, { startsAt: last, attendance: "PRESENT" });

    await refreshSummaries(scope, NOW);
    const summary = await summaryOf(youth.id);
    expect(summary.warnings).toBe("");
    expect(summary.validUntil).toEqual(new Date(last.getTime() + WARNING_THRESHOLDS.idleDays * DAY));

    expect(await refreshSummaries(scope, new Date(summary.validUntil!.getTime() - 1))).toBe(0);
    expect(await refreshSummaries(scope, summary.validUntil!)).toBe(1);
    expect((await summaryOf(youth.id)).warnings).toBe("NO_RECENT_LESSON");
  });

  it("a summary expires when its next lesson starts: the figures that count past lessons change then", async () => {
    const { youth, enrolment, scope } = await aLearner();
    const next = later(2);
    await makeLesson(enrolment.id, { startsAt: next, attendance: "SCHEDULED" });

    await refreshSummaries(scope, NOW);

    expect((await summaryOf(youth.id)).validUntil).toEqual(next);
    await refreshSummaries(scope, later(3));
    expect(summaryView(await summaryOf(youth.id), later(3)).figures.toRecord).toBe(1);
  });

  it("a warning that appears notifies the counsellor once; the first summary notifies no one", async () => {
    const { youth, enrolment, referent, scope } = await aLearner();
    await makeLesson(enrolment.id, { startsAt: new Date(NOW.getTime() - 25 * DAY), attendance: "PRESENT" });

    await refreshSummaries(scope, NOW);
    expect((await summaryOf(youth.id)).warnings).toBe("NO_RECENT_LESSON");
    expect(await noticesTo(referent.id)).toBe(0);

    await makeDifficulty(enrolment, null);
    await refreshSummaries(scope, NOW);
    await makeLesson(enrolment.id, { startsAt: later(5), attendance: "SCHEDULED" });
    await refreshSummaries(scope, NOW);

    expect((await summaryOf(youth.id)).warnings).toBe("NO_RECENT_LESSON OPEN_DIFFICULTY");
    const notices = await testDb.notification.findMany({ where: { userId: referent.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/youths/${youth.id}` });
    expect(notices[0]!.body).toContain("difficulté signalée non résolue");
    expect(await testDb.auditEvent.count({ where: { action: "WARNINGS_RAISED", entityId: youth.id, actorId: null } })).toBe(1);
  });

  it("the sweep refreshes every summary that needs it, then finds nothing to do", async () => {
    const { youth } = await aLearner();
    await refreshSummaries({}, NOW);
    expect((await summaryOf(youth.id)).stale).toBe(false);
    expect(await refreshSummaries({}, NOW)).toBe(0);
  });

  it("a scope in SQL (a page's) — missing, stale, expired, then fresh — the same youths due as the scope in Prisma", async () => {
    const { youth, enrolment } = await aLearner();
    const sqlScope = Prisma.sql`y."id" = ${youth.id}`;
    const last = new Date(NOW.getTime() - 20 * DAY);
    await makeLesson(enrolment.id, { startsAt: last, attendance: "PRESENT" });

    expect(await refreshSummaries(sqlScope, NOW)).toBe(1);
    expect(await refreshSummaries(sqlScope, NOW)).toBe(0);
    await testDb.trainingSummary.update({ where: { youthId: youth.id }, data: { stale: true } });
    expect(await refreshSummaries(sqlScope, NOW)).toBe(1);
    const { validUntil } = await summaryOf(youth.id);
    expect(await refreshSummaries(sqlScope, new Date(validUntil!.getTime() - 1))).toBe(0);
    expect(await refreshSummaries(sqlScope, validUntil!)).toBe(1);
    expect(await refreshSummaries({ id: youth.id }, validUntil!)).toBe(0);
  });
});
