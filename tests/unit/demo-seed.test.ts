// The demo programme: demo accounts of the README, verifiable draws, the showcase files, diaries
// without double bookings, and the same data on every run.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { seedDemo, type DemoSummary } from "../../scripts/demo/seed.ts";
import { listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

const TODAY = new Date("2026-11-23T10:30:00Z");
const SEATS: Record<string, number> = { ORLEANS: 160, MONTARGIS: 90, PITHIVIERS: 50 };

let prisma: PrismaClient;
let summary: DemoSummary;

beforeAll(async () => {
  prisma = createDb(process.env.DATABASE_URL ?? "");
  summary = await seedDemo(prisma, { today: TODAY });
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

async function drawFingerprint(client: PrismaClient): Promise<string[]> {
  const entries = await client.lotteryEntry.findMany({
    select: {
      ref: true,
      key: true,
      rank: true,
      outcome: true,
      draw: { select: { seed: true, missionLocale: { select: { code: true } } } },
    },
    orderBy: [{ ref: "asc" }],
  });
  return entries.map((e) => `${e.draw.missionLocale.code}:${e.draw.seed}:${e.ref}:${e.key}:${e.rank}:${e.outcome}`);
}

describe("demo seed", () => {
  it("creates the demo demo accounts of the README, and only they have a password", async () => {
    const users = await prisma.user.findMany({ include: { missionLocale: true, drivingSchool: { include: { missionLocale: true } } } });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const expected: [string, string][] = [
      ["coordination@autonomie.test", "ADMIN"],
      ["referent.orleans@autonomie.test", "REFERENT"],
      ["referent.montargis@autonomie.test", "REFERENT"],
      ["ecole.orleans@autonomie.test", "SCHOOL"],
      ["ecole.montargis@autonomie.test", "SCHOOL"],
      ["jeune@autonomie.test", "YOUTH"],
      ["evaluation@autonomie.test", "EVALUATOR"],
    ];
    for (const [email, role] of expected) {
      const user = byEmail.get(email);
      expect(user?.role, email).toBe(role);
      expect(user?.passwordHash, email).toMatch(/^\$argon2id\$/);
      expect(user?.activatedAt, email).toBeInstanceOf(Date);
    }
    expect(byEmail.get("coordination@autonomie.test")?.displayName).toBe("Coordination AUTOnomie");
    expect(byEmail.get("referent.orleans@autonomie.test")?.missionLocale?.code).toBe("ORLEANS");
    expect(byEmail.get("referent.montargis@autonomie.test")?.missionLocale?.code).toBe("MONTARGIS");
    expect(byEmail.get("ecole.orleans@autonomie.test")?.drivingSchool?.missionLocale.code).toBe("ORLEANS");
    expect(byEmail.get("ecole.montargis@autonomie.test")?.drivingSchool?.missionLocale.code).toBe("MONTARGIS");
    expect(byEmail.get("jeune@autonomie.test")?.youthId).toBeTruthy();
    const withPassword = users
      .filter((u) => u.passwordHash !== null)
      .map((u) => u.email)
      .sort();
    expect(withPassword).toEqual(expected.map(([email]) => email).sort());
    for (const user of users) expect(user.email).toBe(user.email?.toLowerCase());
  });

  it("loads three Missions Locales and nine schools", async () => {
    const missionLocales = await prisma.missionLocale.findMany({
      include: { _count: { select: { drivingSchools: true } } },
      orderBy: { code: "asc" },
    });
    expect(missionLocales.map((m) => [m.code, m._count.drivingSchools])).toEqual([
      ["MONTARGIS", 3],
      ["ORLEANS", 4],
      ["PITHIVIERS", 2],
    ]);
    expect(await prisma.drivingSchool.count()).toBe(9);
    expect(summary.youths).toBeGreaterThanOrEqual(1100);
  });

  it("only draws eligible applicants: 18–25 on the draw date, project and consents recorded", async () => {
    const applications = await prisma.application.findMany({ include: { youth: true, cohort: true } });
    expect(applications.length).toBe(summary.applications);
    for (const { youth, cohort } of applications) {
      const draw = cohort.drawDate;
      const birthdayPassed =
        draw.getUTCMonth() > youth.birthDate.getUTCMonth() ||
        (draw.getUTCMonth() === youth.birthDate.getUTCMonth() && draw.getUTCDate() >= youth.birthDate.getUTCDate());
      const age = draw.getUTCFullYear() - youth.birthDate.getUTCFullYear() - (birthdayPassed ? 0 : 1);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(25);
      expect(youth.professionalProject).toBeTruthy();
      expect(youth.lotteryConsentAt).toBeInstanceOf(Date);
      expect(youth.evaluationConsentAt).toBeInstanceOf(Date);
      expect(youth.ref).toMatch(new RegExp(`^AUT-${draw.getUTCFullYear()}-\\d{4}$`));
      const availability: unknown = JSON.parse(youth.weeklyAvailability);
      expect(Array.isArray(availability) && availability.length > 0).toBe(true);
    }
  });

  it("makes verifiable draws: quotas, outcomes, keys and digests recompute", async () => {
    const cohorts = await prisma.cohort.findMany({
      include: { quotas: { include: { missionLocale: true } }, draws: { include: { missionLocale: true, freeze: true, entries: true } } },
      orderBy: { drawDate: "asc" },
    });
    expect(cohorts).toHaveLength(2);
    for (const cohort of cohorts) {
      expect(cohort.quotas.map((q) => [q.missionLocale.code, q.seats]).sort()).toEqual(Object.entries(SEATS).sort());
      expect(cohort.draws).toHaveLength(3);
      for (const draw of cohort.draws) {
        const code = draw.missionLocale.code;
        expect(draw.seats).toBe(SEATS[code]);
        expect(draw.entries.filter((e) => e.outcome === "SELECTED")).toHaveLength(draw.seats);
        const refs = draw.entries.map((e) => e.ref);
        expect(draw.listDigest).toBe(listDigest(refs));
        expect(draw.freeze.listDigest).toBe(draw.listDigest);
        const stored = [...draw.entries]
          .sort((a, b) => a.rank - b.rank)
          .map((e) => ({ ref: e.ref, key: e.key, rank: e.rank, outcome: e.outcome }));
        expect(stored).toEqual(rankApplicants(draw.seed, code, refs, draw.seats));
        expect(draw.validatedAt).toBeInstanceOf(Date);
      }
    }
    const [finished, inProgress] = cohorts;
    const monthsAgo = (d: Date): number => (TODAY.getTime() - d.getTime()) / (30.44 * 86_400_000);
    expect(monthsAgo(finished?.drawDate ?? TODAY)).toBeCloseTo(30, 0);
    expect(monthsAgo(inProgress?.drawDate ?? TODAY)).toBeCloseTo(4, 0);
  });

  it("records replacements without touching the drawn outcome", async () => {
    const replacements = await prisma.lotteryReplacement.findMany({
      include: { withdrawn: { include: { lotteryEntries: true } }, promoted: { include: { lotteryEntries: true } } },
    });
    expect(replacements.length).toBeGreaterThan(0);
    for (const replacement of replacements) {
      expect(replacement.withdrawn.status).toBe("WITHDRAWN");
      expect(replacement.withdrawn.lotteryEntries[0]?.outcome).toBe("SELECTED");
      expect(replacement.promoted.status).toBe("SELECTED");
      expect(replacement.promoted.lotteryEntries[0]?.outcome).toBe("WAITLISTED");
    }
  });

  it("gives the demo youth an active enrolment at ecole.orleans's school, followed by referent.orleans", async () => {
    const account = await prisma.user.findUniqueOrThrow({ where: { email: "jeune@autonomie.test" } });
    const referent = await prisma.user.findUniqueOrThrow({ where: { email: "referent.orleans@autonomie.test" } });
    const school = await prisma.user.findUniqueOrThrow({ where: { email: "ecole.orleans@autonomie.test" } });
    const youth = await prisma.youth.findUniqueOrThrow({
      where: { id: account.youthId ?? "" },
      include: {
        missionLocale: true,
        applications: { include: { cohort: true } },
        enrolments: { include: { lessons: true, exams: true, skills: true, payments: true } },
      },
    });
    expect(youth.missionLocale.code).toBe("ORLEANS");
    expect(youth.referentId).toBe(referent.id);
    expect(youth.email).toBe("jeune@autonomie.test");
    expect(youth.applications).toHaveLength(1);
    expect(youth.applications[0]?.status).toBe("SELECTED");
    expect(youth.applications[0]?.attendanceCommitmentAt).toBeInstanceOf(Date);
    const latest = await prisma.cohort.findFirstOrThrow({ orderBy: { drawDate: "desc" } });
    expect(youth.applications[0]?.cohortId).toBe(latest.id);

    const current = youth.enrolments.filter((e) => e.isCurrent);
    expect(current).toHaveLength(1);
    const enrolment = current[0];
    expect(enrolment?.status).toBe("ACTIVE");
    expect(enrolment?.drivingSchoolId).toBe(school.drivingSchoolId);
    expect(enrolment?.initialAssessmentAt).toBeInstanceOf(Date);
    expect(enrolment?.forecastHours).toBe(30);
    const past = enrolment?.lessons.filter((l) => l.startsAt < TODAY) ?? [];
    const coming = enrolment?.lessons.filter((l) => l.startsAt >= TODAY) ?? [];
    expect(past.length).toBeGreaterThanOrEqual(10);
    expect(coming.length).toBeGreaterThanOrEqual(2);
    expect(coming.every((l) => l.attendance === "SCHEDULED")).toBe(true);
    expect(enrolment?.exams.map((e) => [e.kind, e.result])).toEqual([["THEORY", "PASSED"]]);
    expect(enrolment?.skills.some((s) => s.skillCode.startsWith("C1") && s.level === "ACQUIRED")).toBe(true);
    expect(enrolment?.skills.some((s) => s.skillCode.startsWith("C2") && s.level === "IN_PROGRESS")).toBe(true);
    expect(enrolment?.payments.length).toBeGreaterThan(0);
  });

  it("gives ecole.montargis an active youth of Montargis, and ecole.orleans lessons today", async () => {
    const montargis = await prisma.user.findUniqueOrThrow({ where: { email: "ecole.montargis@autonomie.test" } });
    const active = await prisma.enrolment.count({
      where: {
        drivingSchoolId: montargis.drivingSchoolId ?? "",
        isCurrent: true,
        status: "ACTIVE",
        youth: { missionLocale: { code: "MONTARGIS" }, applications: { some: { status: "SELECTED" } } },
      },
    });
    expect(active).toBeGreaterThan(0);
    const orleans = await prisma.user.findUniqueOrThrow({ where: { email: "ecole.orleans@autonomie.test" } });
    const dayStart = new Date("2026-11-22T23:00:00Z");
    const today = await prisma.lesson.count({
      where: { instructorId: orleans.id, startsAt: { gte: dayStart, lt: new Date(dayStart.getTime() + 86_400_000) } },
    });
    expect(today).toBeGreaterThanOrEqual(3);
  });

  it("never double-books an instructor or a youth, and leaves no past lesson SCHEDULED", async () => {
    const lessons = await prisma.lesson.findMany({
      where: { attendance: { not: "CANCELLED" } },
      select: {
        id: true,
        instructorId: true,
        startsAt: true,
        durationMin: true,
        attendance: true,
        enrolment: { select: { youthId: true, drivingSchoolId: true } },
      },
    });
    expect(lessons.length).toBeGreaterThan(5_000);
    const overlaps = (key: (l: (typeof lessons)[number]) => string | null): number => {
      const groups = new Map<string, (typeof lessons)[number][]>();
      for (const lesson of lessons) {
        const k = key(lesson);
        if (k) groups.set(k, [...(groups.get(k) ?? []), lesson]);
      }
      let count = 0;
      for (const group of groups.values()) {
        group.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        for (let i = 1; i < group.length; i += 1) {
          const previous = group[i - 1];
          const current = group[i];
          if (previous && current && previous.startsAt.getTime() + previous.durationMin * 60_000 > current.startsAt.getTime()) count += 1;
        }
      }
      return count;
    };
    expect(overlaps((l) => l.instructorId)).toBe(0);
    expect(overlaps((l) => l.enrolment.youthId)).toBe(0);
    expect(lessons.filter((l) => l.attendance === "SCHEDULED" && l.startsAt < TODAY)).toHaveLength(0);

    const instructors = await prisma.user.findMany({ where: { id: { in: [...new Set(lessons.map((l) => l.instructorId ?? ""))] } } });
    const schoolOf = new Map(instructors.map((u) => [u.id, [u.role, u.drivingSchoolId]]));
    for (const lesson of lessons) {
      expect(schoolOf.get(lesson.instructorId ?? "")).toEqual(["SCHOOL", lesson.enrolment.drivingSchoolId]);
    }
  });

  it("keeps the aid under the cap and the contribution at 250 €", async () => {
    const aid = await prisma.payment.groupBy({ by: ["enrolmentId", "payer"], _sum: { amountCents: true } });
    const enrolments = await prisma.enrolment.findMany({ select: { id: true, youthId: true } });
    const youthOf = new Map(enrolments.map((e) => [e.id, e.youthId]));
    const perYouth = new Map<string, { PROGRAMME: number; YOUTH: number }>();
    for (const row of aid) {
      const youthId = youthOf.get(row.enrolmentId) ?? "";
      const totals = perYouth.get(youthId) ?? { PROGRAMME: 0, YOUTH: 0 };
      totals[row.payer] += row._sum.amountCents ?? 0;
      perYouth.set(youthId, totals);
    }
    for (const totals of perYouth.values()) {
      expect(totals.PROGRAMME).toBeLessThanOrEqual(100_000);
      expect(totals.YOUTH).toBeLessThanOrEqual(25_000);
    }
  });

  it("surveys both groups of the finished cohort at 6, 12 and 24 months", async () => {
    const finished = await prisma.cohort.findFirstOrThrow({ orderBy: { drawDate: "asc" } });
    const surveys = await prisma.followUpSurvey.groupBy({ by: ["monthsAfter"], where: { cohortId: finished.id }, _count: { _all: true } });
    expect(surveys.map((s) => [s.monthsAfter, s._count._all])).toEqual([
      [6, 600],
      [12, 600],
      [24, 600],
    ]);
    const answeredWithoutLicence = await prisma.followUpSurvey.count({ where: { status: "ANSWERED", hasLicence: null } });
    expect(answeredWithoutLicence).toBe(0);
    expect(await prisma.followUpSurvey.count({ where: { status: "PENDING", dueOn: { lt: TODAY } } })).toBe(0);
  });

  it("refuses a database that is not empty", async () => {
    await expect(seedDemo(prisma, { today: TODAY })).rejects.toThrow(/déjà/);
  });

  it("gives the same refs and keys on every run with the same day", async () => {
    const root = process.env.SPID_TEST_ROOT!;
    const file = path.join(root, `demo-seed-second-${process.pid}.db`);
    copyFileSync(path.join(root, "template.db"), file);
    const second = createDb(`file:${file}`);
    try {
      const secondSummary = await seedDemo(second, { today: TODAY });
      expect(secondSummary).toEqual(summary);
      expect(await drawFingerprint(second)).toEqual(await drawFingerprint(prisma));
      const youthIds = async (client: PrismaClient): Promise<string[]> =>
        (await client.youth.findMany({ select: { id: true, ref: true, lastName: true }, orderBy: { ref: "asc" } })).map(
          (y) => `${y.ref}:${y.id}:${y.lastName}`,
        );
      expect(await youthIds(second)).toEqual(await youthIds(prisma));
    } finally {
      await second.$disconnect();
      rmSync(file, { force: true });
    }
  }, 120_000);
});
