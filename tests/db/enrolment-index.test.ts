import { describe, expect, it } from "vitest";
import { makeCohort, makeMissionLocale, makeSchool, makeYouth, testDb } from "../helpers/factories.ts";
import type { EnrolmentStatus } from "../../src/domain/enums.ts";
import { onPostgres } from "../helpers/postgres.ts";

async function aYouth() {
  const missionLocale = await makeMissionLocale();
  const [school, cohort, youth] = await Promise.all([makeSchool(missionLocale.id), makeCohort(), makeYouth(missionLocale.id)]);
  const enrol = (status: EnrolmentStatus, isCurrent = false) =>
    testDb.enrolment.create({ data: { youthId: youth.id, drivingSchoolId: school.id, cohortId: cohort.id, status, isCurrent } });
  return { youth, enrol };
}

describe("one enrolment in progress per youth", () => {
  it("partial unique index — after all migrations — exists on youthId for ACTIVE and SUSPENDED enrolments", async () => {
    const rows = await testDb.$queryRawUnsafe<{ sql: string }[]>(
      onPostgres
        ? "SELECT indexdef AS sql FROM pg_indexes WHERE tablename = 'Enrolment' AND indexname = 'Enrolment_one_current_per_youth'"
        : "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Enrolment' AND name = 'Enrolment_one_current_per_youth'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sql).toMatch(
      onPostgres
        ? /CREATE UNIQUE INDEX .*\("youthId"\) WHERE .*'ACTIVE'.*'SUSPENDED'/
        : /CREATE UNIQUE INDEX .*\("youthId"\) WHERE "status" IN \('ACTIVE', 'SUSPENDED'\)/,
    );
  });

  it("a second ACTIVE or SUSPENDED enrolment — refused by the database", async () => {
    const { youth, enrol } = await aYouth();
    await enrol("ACTIVE", true);
    await expect(enrol("ACTIVE")).rejects.toThrow();
    await expect(enrol("SUSPENDED")).rejects.toThrow();
    expect(await testDb.enrolment.count({ where: { youthId: youth.id } })).toBe(1);
  });

  it("closed enrolments beside the one in progress, and other youths — accepted", async () => {
    const { youth, enrol } = await aYouth();
    const other = await aYouth();
    await enrol("DROPPED");
    await enrol("COMPLETED");
    await enrol("SUSPENDED", true);
    await other.enrol("ACTIVE", true);
    expect(await testDb.enrolment.count({ where: { youthId: youth.id } })).toBe(3);
  });
});

describe("one exam attempt per enrolment, kind and day", () => {
  it("the same kind on the same day twice — refused by the database; the other kind — accepted", async () => {
    const { enrol } = await aYouth();
    const enrolment = await enrol("ACTIVE", true);
    const date = new Date("2026-03-10T11:00:00Z");
    await testDb.exam.create({ data: { enrolmentId: enrolment.id, kind: "THEORY", date, score: 36, result: "PASSED" } });
    await expect(
      testDb.exam.create({ data: { enrolmentId: enrolment.id, kind: "THEORY", date, score: 36, result: "PASSED" } }),
    ).rejects.toThrow();
    await testDb.exam.create({ data: { enrolmentId: enrolment.id, kind: "PRACTICAL", date, score: 12, result: "FAILED" } });
    expect(await testDb.exam.count({ where: { enrolmentId: enrolment.id } })).toBe(2);
  });
});
