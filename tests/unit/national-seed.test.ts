// The national data set, at a small scale on the test database: the demo kept with its accounts,
// the totals asked for, the demo scopes the benchmark measures, and the data rules held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedNational, type NationalScale, type NationalSummary } from "../../scripts/national/grow.ts";
import { DEMO_ACCOUNTS } from "../../scripts/demo/catalog.ts";
import { createDb } from "../../src/db/client.ts";
import { searchNameOf } from "../../src/domain/search.ts";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { verifyStoredDraw } from "../../src/features/lottery/verification.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

const TODAY = new Date("2026-11-23T10:30:00Z");
const SCALE: NationalScale = {
  missionLocales: 5,
  drivingSchools: 13,
  youths: 1_300,
  lessons: 22_000,
  auditEvents: 1_500,
  referentOrleansYouths: 300,
  ecoleOrleansLearners: 60,
};

let prisma: PrismaClient;
let summary: NationalSummary;

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  summary = await seedNational({ databaseUrl, databasePath: databaseUrl.replace(/^file:/, "") }, { today: TODAY, scale: SCALE });
  prisma = createDb(databaseUrl);
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("national seed", () => {
  it("national seed — small scale — reaches the Missions Locales, schools, youths and audit events asked for", async () => {
    expect(summary.MissionLocale).toBe(5);
    expect(summary.DrivingSchool).toBe(13);
    expect(summary.Youth).toBe(1_300);
    expect(summary.Application).toBe(1_300);
    expect(summary.AuditEvent).toBe(1_500);
    expect(await prisma.missionLocale.count({ where: { code: { in: ["ML004", "ML005"] } } })).toBe(2);
  });

  it("national seed — small scale — about the lessons asked for, with booklet rows, exams, payments and surveys", async () => {
    expect(summary.Lesson).toBeGreaterThan(SCALE.lessons * 0.9);
    expect(summary.Lesson).toBeLessThan(SCALE.lessons * 1.1);
    const newYouths = { youth: { missionLocale: { code: { in: ["ML004", "ML005"] } } } };
    expect(await prisma.skillAssessment.count({ where: { enrolment: newYouths } })).toBeGreaterThan(0);
    expect(await prisma.exam.count({ where: { enrolment: newYouths } })).toBeGreaterThan(0);
    expect(await prisma.payment.count({ where: { enrolment: newYouths } })).toBeGreaterThan(0);
    expect(await prisma.followUpSurvey.count({ where: newYouths })).toBeGreaterThan(0);
  });

  it("national seed — demo accounts — kept with their password", async () => {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true, passwordHash: true } });
    expect(users.map((user) => user.email).sort()).toEqual([...emails].sort());
    for (const user of users) expect(user.passwordHash, user.email ?? "").toMatch(/^\$argon2id\$/);
  });

  it("national seed — referent.orleans — follows the number of youths asked for, the demo youth among them", async () => {
    const referent = await prisma.user.findUniqueOrThrow({ where: { email: "referent.orleans@autonomie.test" } });
    const demoYouth = await prisma.user.findUniqueOrThrow({ where: { email: "jeune@autonomie.test" } });
    expect(await prisma.youth.count({ where: { referentId: referent.id } })).toBe(SCALE.referentOrleansYouths);
    expect((await prisma.youth.findUniqueOrThrow({ where: { id: demoYouth.youthId! } })).referentId).toBe(referent.id);
  });

  it("national seed — ecole.orleans — holds the number of ACTIVE enrolments asked for", async () => {
    const school = await prisma.user.findUniqueOrThrow({ where: { email: "ecole.orleans@autonomie.test" } });
    const active = await prisma.enrolment.count({ where: { drivingSchoolId: school.drivingSchoolId!, status: "ACTIVE", isCurrent: true } });
    expect(active).toBe(SCALE.ecoleOrleansLearners);
  });

  it("national seed — every youth — at most one enrolment in progress and one current enrolment", async () => {
    const inProgress = await prisma.enrolment.groupBy({
      by: ["youthId"],
      where: { status: { in: ["ACTIVE", "SUSPENDED"] } },
      _count: true,
    });
    const current = await prisma.enrolment.groupBy({ by: ["youthId"], where: { isCurrent: true }, _count: true });
    expect(inProgress.filter((row) => row._count > 1)).toEqual([]);
    expect(current.filter((row) => row._count > 1)).toEqual([]);
  });

  it("national seed — added youths — stored search name and duplicate key match the app's normalisers", async () => {
    const youths = await prisma.youth.findMany({ where: { missionLocale: { code: { in: ["ML004", "ML005"] } } } });
    expect(youths.length).toBe(100);
    for (const youth of youths) {
      expect(youth.searchName).toBe(searchNameOf(youth));
      expect(youth.nameKey).toBe(nameKeyOf(youth));
    }
  });

  it("national seed — draws of the added Missions Locales — re-verify from their stored inputs", async () => {
    const draws = await prisma.lotteryDraw.findMany({
      where: { missionLocale: { code: { in: ["ML004", "ML005"] } } },
      include: { cohort: true, missionLocale: true, freeze: { include: { applicants: true } }, entries: { orderBy: { rank: "asc" } } },
    });
    expect(draws).toHaveLength(4);
    for (const draw of draws) {
      const verification = verifyStoredDraw({
        cohortName: draw.cohort.name,
        stratum: draw.missionLocale.code,
        seats: draw.seats,
        seed: draw.seed,
        listDigest: draw.listDigest,
        drawnAt: draw.drawnAt,
        entries: draw.entries,
        frozenRefs: draw.freeze.applicants.map((applicant) => applicant.ref),
        freezeDigest: draw.freeze.listDigest,
      });
      expect(verification.problems).toEqual([]);
    }
  });

  it("national seed — instructors' diaries — no instructor teaches two lessons at once", async () => {
    const lessons = await prisma.lesson.findMany({
      where: { attendance: { not: "CANCELLED" }, instructorId: { not: null } },
      select: { instructorId: true, startsAt: true, durationMin: true },
      orderBy: [{ instructorId: "asc" }, { startsAt: "asc" }],
    });
    const overlaps = lessons.filter((lesson, i) => {
      const before = lessons[i - 1];
      return (
        before?.instructorId === lesson.instructorId && before.startsAt.getTime() + before.durationMin * 60_000 > lesson.startsAt.getTime()
      );
    });
    expect(overlaps).toEqual([]);
  });
});
