// The counsellor's figures (one raw statement, the caseload read once with each youth's summary and
// current enrolment) must count what plain Prisma counts of the same definitions count.
import { describe, expect, it } from "vitest";
import { addDays, startOfParisWeek } from "../../src/domain/time.ts";
import { WARNING_ORDER } from "../../src/domain/warnings.ts";
import { referentHome } from "../../src/features/homes/service.ts";
import { findSessionUser } from "../../src/features/sign-in/service.ts";
import { makeEnrolment, makeWorld, makeYouth, testDb } from "../helpers/factories.ts";
import { DAY, makeDifficulty, makeLesson } from "../helpers/school-factories.ts";

describe("counsellor's figures", () => {
  it("referentHome — former and current enrolments, lessons in and out of the week, cancelled, difficulties, a youth followed by nobody — the counts Prisma makes", async () => {
    const world = await makeWorld();
    const now = new Date();
    const [start, end] = [startOfParisWeek(now), addDays(startOfParisWeek(now), 7)];
    const ml = world.home.missionLocale.id;
    const referent = world.home.referent;
    const other = await makeYouth(ml); // followed by nobody
    const transferred = await makeYouth(ml, { referentId: referent.id });
    const former = await makeEnrolment(transferred.id, world.home.school.id, world.cohort.id, false);
    const current = await makeEnrolment(transferred.id, world.away.school.id, world.cohort.id);
    const otherEnrolment = await makeEnrolment(other.id, world.home.school.id, world.cohort.id);
    for (const [enrolment, at, attendance] of [
      [former, start, "PRESENT"],
      [current, new Date(start.getTime() + DAY), "SCHEDULED"],
      [current, new Date(start.getTime() + 2 * DAY), "CANCELLED"],
      [current, new Date(end.getTime() + DAY), "SCHEDULED"],
      [otherEnrolment, new Date(start.getTime() + 3 * DAY), "SCHEDULED"],
      [world.away.enrolment, new Date(start.getTime() + DAY), "SCHEDULED"],
      [world.home.enrolment, new Date(start.getTime() - 30 * DAY), "PRESENT"],
    ] as const) {
      await makeLesson(enrolment.id, { startsAt: at, attendance });
    }
    await makeDifficulty(current, null);
    await makeDifficulty(current, null, { resolvedAt: now, resolution: "Réglé" });
    await makeDifficulty(otherEnrolment, null);
    const actor = (await findSessionUser(referent.id, 0))!;

    const { figures } = await referentHome(actor, now);

    const mine = { missionLocaleId: ml, referentId: referent.id };
    expect(figures).toEqual({
      youths: await testDb.youth.count({ where: { missionLocaleId: ml } }),
      caseloadSize: await testDb.youth.count({ where: mine }),
      // The counsellor's youths in training, as the caseload filtered on training lists them; their
      // lessons of the week at their current school.
      activeEnrolments: await testDb.enrolment.count({ where: { youth: mine, isCurrent: true, status: "ACTIVE" } }),
      lessonsThisWeek: await testDb.lesson.count({
        where: { enrolment: { youth: mine, isCurrent: true }, startsAt: { gte: start, lt: end }, attendance: { not: "CANCELLED" } },
      }),
      openDifficulties: await testDb.difficulty.count({ where: { resolvedAt: null, youth: mine } }),
      withWarnings: await testDb.trainingSummary.count({ where: { youth: mine, warningRank: { lt: WARNING_ORDER.length } } }),
    });
    // The fixture means something: each figure counts some rows and leaves others out.
    expect(figures).toMatchObject({ youths: 4, caseloadSize: 3, activeEnrolments: 2, lessonsThisWeek: 1, openDifficulties: 1 });
    expect(figures.withWarnings).toBeGreaterThanOrEqual(1);
  });
});
