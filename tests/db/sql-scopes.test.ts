// The SQL conditions of the raw aggregate reads must reach exactly the records the policy's Prisma
// scopes reach, for every kind of person (a transferred youth included: the former school loses it).
import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import {
  enrolmentScope,
  fileReach,
  instructorReach,
  instructorScope,
  lessonScope,
  missionLocaleReach,
  missionLocaleScope,
  recommendationScope,
  visibleEnrolments,
  youthScope,
} from "../../src/auth/policy.ts";
import {
  enrolmentInReach,
  enrolmentShownInFile,
  instructorInReach,
  lessonInReach,
  missionLocaleInReach,
  recommendationInReach,
  youthInReach,
} from "../../src/db/sql-scopes.ts";
import { findSessionUser } from "../../src/features/sign-in/service.ts";
import { makeEnrolment, makeWorld, makeYouth, makeUser, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";

const sorted = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("SQL scopes follow the policy", () => {
  it("sql scopes — every role, home and away, a transfer and an unattached account — same youths, enrolments and lessons as Prisma's", async () => {
    const world = await makeWorld();
    const transferred = await makeYouth(world.home.missionLocale.id);
    const former = await makeEnrolment(transferred.id, world.home.school.id, world.cohort.id, false);
    const current = await makeEnrolment(transferred.id, world.away.school.id, world.cohort.id);
    for (const enrolment of [world.home.enrolment, world.away.enrolment, former, current]) await makeLesson(enrolment.id);
    const unattached = await makeUser("REFERENT");
    const users = [
      world.admin,
      world.evaluator,
      unattached,
      ...[world.home, world.away].flatMap((side) => [side.referent, side.schoolUser, side.youthUser]),
    ];

    for (const user of users) {
      const actor = (await findSessionUser(user.id, 0))!;
      const reach = fileReach(actor);
      const youths = await testDb.youth.findMany({ where: youthScope(actor), select: { id: true } });
      const rawYouths = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT y."id" FROM "Youth" y WHERE ${youthInReach(reach, "y")}`,
      );
      const enrolments = await testDb.enrolment.findMany({ where: enrolmentScope(actor), select: { id: true } });
      const rawEnrolments = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT e."id" FROM "Enrolment" e WHERE ${enrolmentInReach(reach, "e")}`,
      );

      const lessons = await testDb.lesson.findMany({ where: lessonScope(actor), select: { id: true } });
      const rawLessons = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT l."id" FROM "Lesson" l JOIN "Enrolment" e ON e."id" = l."enrolmentId" WHERE ${lessonInReach(reach, "l", "e")}`,
      );

      expect(sorted(rawYouths), reach.kind).toEqual(sorted(youths));
      expect(sorted(rawEnrolments), reach.kind).toEqual(sorted(enrolments));
      expect(sorted(rawLessons), reach.kind).toEqual(sorted(lessons));
    }
    // The comparison means something: some reach a part, some everything, some nothing.
    const counts = await Promise.all(
      users.map(async (user) => testDb.youth.count({ where: youthScope((await findSessionUser(user.id, 0))!) })),
    );
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
  });

  it("instructor scope — every role, a deactivated instructor, a school account without a school — same accounts as Prisma's", async () => {
    const world = await makeWorld();
    const deactivated = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    await testDb.user.update({ where: { id: deactivated.id }, data: { isActive: false } });
    const colleague = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    const schoolless = await makeUser("SCHOOL");
    const users = [
      world.admin,
      world.evaluator,
      schoolless,
      colleague,
      ...[world.home, world.away].flatMap((side) => [side.referent, side.schoolUser, side.youthUser]),
    ];

    const counts: number[] = [];
    for (const user of users) {
      const actor = (await findSessionUser(user.id, 0))!;
      const reach = instructorReach(actor);
      const instructors = await testDb.user.findMany({ where: instructorScope(actor), select: { id: true } });
      const rawInstructors = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT u."id" FROM "User" u WHERE ${instructorInReach(reach, "u")}`,
      );

      expect(sorted(rawInstructors), `${actor.role} ${reach.kind}`).toEqual(sorted(instructors));
      counts.push(instructors.length);
    }
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
  });

  it("missionLocaleInReach — every role, an unattached counsellor — the Missions Locales missionLocaleScope reaches", async () => {
    const world = await makeWorld();
    const unattached = await makeUser("REFERENT");
    const users = [world.admin, world.evaluator, unattached, world.home.referent, world.home.schoolUser, world.home.youthUser];

    const counts = new Set<number>();
    for (const user of users) {
      const actor = (await findSessionUser(user.id, 0))!;
      const missionLocales = await testDb.missionLocale.findMany({ where: missionLocaleScope(actor), select: { id: true } });
      const raw = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT m."id" FROM "MissionLocale" m WHERE ${missionLocaleInReach(missionLocaleReach(actor), "m")}`,
      );
      expect(sorted(raw), actor.role).toEqual(sorted(missionLocales));
      counts.add(missionLocales.length);
    }
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it("sql scopes — the enrolments shown in each file in reach, and the recommendations read — same as the policy's", async () => {
    const world = await makeWorld();
    const transferred = await makeYouth(world.home.missionLocale.id);
    await makeEnrolment(transferred.id, world.home.school.id, world.cohort.id, false);
    await makeEnrolment(transferred.id, world.away.school.id, world.cohort.id);
    for (const [youthId, status] of [
      [world.home.youth.id, "PROPOSED"],
      [world.home.youth.id, "ACCEPTED"],
      [world.home.youth.id, "DONE"],
      [world.home.youth.id, "DECLINED"],
      [world.away.youth.id, "ACCEPTED"],
      [transferred.id, "ACCEPTED"],
    ] as const) {
      await testDb.recommendation.create({ data: { youthId, kind: "OTHER", status, text: "Un texte", dueOn: new Date() } });
    }
    const users = [
      world.admin,
      world.evaluator,
      ...[world.home, world.away].flatMap((side) => [side.referent, side.schoolUser, side.youthUser]),
    ];

    let shown = 0;
    for (const user of users) {
      const actor = (await findSessionUser(user.id, 0))!;
      const reach = fileReach(actor);
      for (const youth of await testDb.youth.findMany({ where: youthScope(actor), select: { id: true } })) {
        const enrolments = await testDb.enrolment.findMany({
          where: { AND: [{ youthId: youth.id }, visibleEnrolments(actor)] },
          select: { id: true },
        });
        const rawEnrolments = await testDb.$queryRaw<{ id: string }[]>(
          Prisma.sql`SELECT e."id" FROM "Enrolment" e WHERE e."youthId" = ${youth.id} AND ${enrolmentShownInFile(reach, "e")}`,
        );
        expect(sorted(rawEnrolments), `${reach.kind} ${youth.id}`).toEqual(sorted(enrolments));
        shown += enrolments.length;
      }
      const recommendations = await testDb.recommendation.findMany({ where: recommendationScope(actor), select: { id: true } });
      const rawRecommendations = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT r."id" FROM "Recommendation" r WHERE ${recommendationInReach(reach, "r")}`,
      );
      expect(sorted(rawRecommendations), reach.kind).toEqual(sorted(recommendations));
    }
    expect(shown).toBeGreaterThan(0);
  });
});
