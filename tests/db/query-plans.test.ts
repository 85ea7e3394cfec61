// The hot queries' plans: lessons, booklet rows and audit events are reached through an index,
// never by reading the whole table (a national programme holds hundreds of thousands of rows).
// The statements have the shapes Prisma sends for the pages (youth file, /me, booklet, school home).
import { describe, expect, it, vi } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client.ts";
import { db, sqliteConnectionOf } from "../../src/db/client.ts";
import { EMPLOYMENT_STATUS_CODES } from "../../src/domain/remc.ts";
import { caseload } from "../../src/features/caseload/service.ts";
import { referentHome, schoolHome } from "../../src/features/homes/service.ts";
import { unreadNotifications } from "../../src/features/notifications/service.ts";
import { trainingFigures } from "../../src/features/progress/service.ts";
import { findSessionUser } from "../../src/features/sign-in/service.ts";
import { makeWorld, testDb } from "../helpers/factories.ts";

const BIG_TABLES = ["Lesson", "SkillAssessment", "AuditEvent"];

async function planOf(sql: string, ...params: unknown[]): Promise<string[]> {
  const rows = await testDb.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
  return rows.map((row) => row.detail);
}

/** The plan's steps that read one of the big tables from end to end. */
function fullScans(plan: readonly string[]): string[] {
  return plan.filter((step) => BIG_TABLES.some((table) => new RegExp(`^SCAN ${table}\\b`).test(step)));
}

const HOT_QUERIES: [string, string, unknown[]][] = [
  [
    "a youth's lessons (youth file, /me)",
    "SELECT `Lesson`.`id`, `Lesson`.`startsAt`, `Lesson`.`attendance` FROM `Lesson` WHERE `Lesson`.`enrolmentId` IN (?, ?) ORDER BY `Lesson`.`startsAt` ASC",
    ["e1", "e2"],
  ],
  [
    "a youth's booklet rows (youth file, /me, booklet)",
    "SELECT `SkillAssessment`.`skillCode`, `SkillAssessment`.`level`, `SkillAssessment`.`assessedAt` FROM `SkillAssessment` WHERE `SkillAssessment`.`enrolmentId` IN (?, ?) ORDER BY `SkillAssessment`.`assessedAt` ASC",
    ["e1", "e2"],
  ],
  [
    "a school's current enrolments (school home)",
    "SELECT `Enrolment`.`id`, `Youth`.`lastName` FROM `Enrolment` LEFT JOIN `Youth` ON `Youth`.`id` = `Enrolment`.`youthId` WHERE `Enrolment`.`drivingSchoolId` = ? AND `Enrolment`.`isCurrent` = 1 AND `Enrolment`.`status` IN ('ACTIVE', 'SUSPENDED') ORDER BY `Youth`.`lastName` ASC",
    ["s1"],
  ],
  [
    "the lessons of a school's current enrolments, grouped (school home)",
    "SELECT SUM(`Lesson`.`durationMin`), COUNT(*), MAX(`Lesson`.`startsAt`), `Lesson`.`enrolmentId` FROM `Lesson` LEFT JOIN `Enrolment` AS `j0` ON `j0`.`id` = `Lesson`.`enrolmentId` WHERE `j0`.`drivingSchoolId` = ? AND `j0`.`isCurrent` = 1 AND `j0`.`status` IN ('ACTIVE', 'SUSPENDED') AND `j0`.`id` IS NOT NULL AND `Lesson`.`startsAt` <= ? GROUP BY `Lesson`.`enrolmentId`, `Lesson`.`attendance`, `Lesson`.`kind`",
    ["s1", "2026-01-01T00:00:00.000+00:00"],
  ],
  [
    "a school's lessons of the next days (school home)",
    "SELECT `Lesson`.`id` FROM `Lesson` LEFT JOIN `Enrolment` AS `j0` ON `j0`.`id` = `Lesson`.`enrolmentId` WHERE `j0`.`drivingSchoolId` = ? AND `j0`.`isCurrent` = 1 AND `j0`.`id` IS NOT NULL AND `Lesson`.`startsAt` >= ? AND `Lesson`.`startsAt` < ? ORDER BY `Lesson`.`startsAt` ASC",
    ["s1", "2026-01-01T00:00:00.000+00:00", "2026-01-09T00:00:00.000+00:00"],
  ],
  [
    "audit events of one record",
    "SELECT `AuditEvent`.`id`, `AuditEvent`.`at`, `AuditEvent`.`action` FROM `AuditEvent` WHERE `AuditEvent`.`entity` = ? AND `AuditEvent`.`entityId` = ? ORDER BY `AuditEvent`.`at` DESC",
    ["Youth", "y1"],
  ],
];

describe("query plans of the hot queries", () => {
  it.each(HOT_QUERIES)(
    "%s — its plan — searches an index, no full scan of lessons, booklet rows or audit events",
    async (_name, sql, params) => {
      const plan = await planOf(sql, ...params);

      expect(plan.some((step) => step.startsWith("SEARCH"))).toBe(true);
      expect(fullScans(plan)).toEqual([]);
    },
  );

  it("fullScans — a booklet read filtered through its enrolment and youth — is caught", async () => {
    // The shape of a nested relation filter (booklet rows → enrolment → youth): SQLite reads the
    // booklet table whole, which is why services filter the rows by the enrolment ids they hold.
    const plan = await planOf(
      "SELECT `SkillAssessment`.`id` FROM `SkillAssessment` LEFT JOIN `Enrolment` AS `j0` ON `j0`.`id` = `SkillAssessment`.`enrolmentId` LEFT JOIN `Youth` AS `j1` ON `j1`.`id` = `j0`.`youthId` WHERE `j1`.`id` = ? AND `j1`.`missionLocaleId` = ? AND `j1`.`id` IS NOT NULL AND `j0`.`id` IS NOT NULL ORDER BY `SkillAssessment`.`assessedAt` ASC",
      "y1",
      "m1",
    );

    expect(fullScans(plan)).toHaveLength(1);
  });

  it("raw statements of the homes and the training figures — their plans — no full scan of lessons, booklet rows or audit events", async () => {
    const world = await makeWorld();
    const raw = vi.spyOn(db(), "$queryRaw");
    const referent = (await findSessionUser(world.home.referent.id, 0))!;
    const school = (await findSessionUser(world.home.schoolUser.id, 0))!;
    await referentHome(referent);
    await schoolHome(school, { all: true });
    await unreadNotifications(referent);
    await trainingFigures([world.home.enrolment.id, world.away.enrolment.id]);
    // Prisma.sql objects (queryRows); tagged-template calls (session, signed-in user) are left out.
    const statements = raw.mock.calls.map(([query]) => query).filter((query): query is Prisma.Sql => !Array.isArray(query));
    raw.mockRestore();

    expect(statements.length).toBeGreaterThanOrEqual(6);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });
});

describe("query plans of the caseload", () => {
  it("the caseload with and without its filters, its count and the summaries' due check — their plans — no full scan of lessons, booklet rows or audit events", async () => {
    const world = await makeWorld();
    const referent = (await findSessionUser(world.home.referent.id, 0))!;
    // The summaries computed first: the refresh's statements run in a transaction, through Prisma.
    await caseload(referent, {}, "all");
    const connection = (await sqliteConnectionOf(db()))!;
    // Raw statements run straight on the connection: their text and bound values are read there.
    const statementType = Object.getPrototypeOf(connection.prepare("SELECT 1")) as { all: (...values: unknown[]) => unknown[] };
    const all = vi.spyOn(statementType, "all");
    await caseload(referent, {}, { page: 1 });
    const filters = { all: "1", q: "dupont", warning: "NO_RECENT_LESSON", status: "ACTIVE", schoolId: world.home.school.id } as const;
    await caseload(referent, { ...filters, cohortId: world.cohort.id, employmentStatus: EMPLOYMENT_STATUS_CODES[0] }, { page: 2 });
    await caseload(referent, filters, "all");
    const statements = all.mock.contexts.map((statement, call) => ({
      sql: (statement as { source: string }).source,
      values: all.mock.calls[call] ?? [],
    }));
    all.mockRestore();

    expect(statements.filter((statement) => statement.sql.includes('"shown"'))).toHaveLength(3);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });
});
