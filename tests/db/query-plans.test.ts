// The hot queries' plans: lessons, booklet rows and audit events are reached through an index,
// never by reading the whole table (a national programme holds hundreds of thousands of rows).
// The statements have the shapes Prisma sends for the pages (youth file, /me, booklet, school home).
import { describe, expect, it, vi } from "vitest";
import { ownApplication } from "../../src/features/applications/service.ts";
import { refreshSummaries } from "../../src/features/warnings/service.ts";
import { ownLessonCalendar, viewOwnFile, viewYouthFile, youthLessons } from "../../src/features/youths/service.ts";
import { EMPLOYMENT_STATUS_CODES } from "../../src/domain/remc.ts";
import { caseload } from "../../src/features/caseload/service.ts";
import { referentHome, schoolHome } from "../../src/features/homes/service.ts";
import { unreadNotifications } from "../../src/features/notifications/service.ts";
import { trainingFigures } from "../../src/features/progress/service.ts";
import { findSessionUser } from "../../src/features/sign-in/service.ts";
import { makeWorld, testDb } from "../helpers/factories.ts";
import { findLesson, weekView } from "../../src/features/lessons/service.ts";
import { makeLesson } from "../helpers/school-factories.ts";

// ---- The counsellor's home and the applications list: their raw statements run on the SQLite
// connection (src/db/sql.ts), not through $queryRaw, so they are recorded where they are run.
import type { queryRow, queryRows } from "../../src/db/sql.ts";
import { listApplications } from "../../src/features/applications/service.ts";
import { onPostgres } from "../helpers/postgres.ts";

const ranStatements = vi.hoisted((): { sql: string; values: unknown[] }[] => []);
vi.mock("../../src/db/sql.ts", async (importOriginal) => {
  const sql = await importOriginal<{ queryRows: typeof queryRows; queryRow: typeof queryRow }>();
  return {
    ...sql,
    queryRows: ((row, query, client) => (ranStatements.push(query), sql.queryRows(row, query, client))) satisfies typeof sql.queryRows,
    queryRow: ((row, query, client) => (ranStatements.push(query), sql.queryRow(row, query, client))) satisfies typeof sql.queryRow,
  };
});
// ----

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

// SQLite only: EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans its own way.
describe.skipIf(onPostgres)("query plans of the hot queries", () => {
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
    ranStatements.length = 0;
    const referent = (await findSessionUser(world.home.referent.id, 0))!;
    const school = (await findSessionUser(world.home.schoolUser.id, 0))!;
    await referentHome(referent);
    await schoolHome(school, { all: true });
    await unreadNotifications(referent);
    await trainingFigures([world.home.enrolment.id, world.away.enrolment.id]);
    const statements = [...ranStatements];

    expect(statements.length).toBeGreaterThanOrEqual(6);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });

  it("raw statements of the school home, the week and a lesson — their plans — no full scan of lessons", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { instructorId: world.home.schoolUser.id });
    const school = (await findSessionUser(world.home.schoolUser.id, 0))!;
    const admin = (await findSessionUser(world.admin.id, 0))!;
    await schoolHome(school, { all: false });
    ranStatements.length = 0;
    await schoolHome(school, { all: true, justChangedLessonId: lesson.id });
    await schoolHome(school, { all: false });
    await weekView(school, {});
    await weekView(admin, {});
    await findLesson(school, lesson.id);
    const statements = ranStatements.filter(({ sql }) => /FROM "(Lesson|Enrolment)"/.test(sql));

    expect(new Set(statements.map(({ sql }) => sql)).size).toBeGreaterThanOrEqual(6);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });

  it("raw statements of the counsellor's home and the applications list — filtered, searched, past the end — no full scan", async () => {
    const world = await makeWorld();
    const referent = (await findSessionUser(world.home.referent.id, 0))!;
    ranStatements.length = 0;
    await referentHome(referent);
    await listApplications(referent, {});
    await listApplications(referent, { cohortId: world.cohort.id, status: "SUBMITTED", q: "dubois kevin", page: 3 });
    const statements = [...ranStatements];

    expect(statements.length).toBeGreaterThanOrEqual(9);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
      // The applications are reached from the Mission Locale's youths, never read whole.
      expect(plan, statement.sql).not.toContain("SCAN a");
    }
  });

  it("raw statements of the youth file, /me, a lesson's calendar file and a file's lessons — their plans — no full scan of lessons, booklet rows or audit events", async () => {
    const world = await makeWorld();
    // The summaries refreshed first: the file reads them, Prisma's refresh is not what is looked at.
    await refreshSummaries({});
    ranStatements.length = 0;
    for (const user of [world.home.referent, world.home.schoolUser, world.home.youthUser, world.admin]) {
      const actor = (await findSessionUser(user.id, 0))!;
      await viewYouthFile(actor, world.home.youth.id);
      await youthLessons(actor, world.home.youth.id, 1);
    }
    const youth = (await findSessionUser(world.home.youthUser.id, 0))!;
    await viewOwnFile(youth);
    await ownApplication(youth);
    await ownLessonCalendar(youth, (await makeLesson(world.home.enrolment.id)).id, new Date());
    const statements = [...ranStatements];

    expect(new Set(statements.map((statement) => statement.sql)).size).toBeGreaterThanOrEqual(10);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });

  it("the caseload with and without its filters, its count and the summaries' due check — their plans — no full scan of lessons, booklet rows or audit events", async () => {
    const world = await makeWorld();
    const referent = (await findSessionUser(world.home.referent.id, 0))!;
    // The summaries computed first: the refresh's statements are not what is looked at.
    await caseload(referent, {}, "all");
    ranStatements.length = 0;
    await caseload(referent, {}, { page: 1 });
    const filters = { all: "1", q: "dupont", warning: "NO_RECENT_LESSON", status: "ACTIVE", schoolId: world.home.school.id } as const;
    await caseload(referent, { ...filters, cohortId: world.cohort.id, employmentStatus: EMPLOYMENT_STATUS_CODES[0] }, { page: 2 });
    await caseload(referent, filters, "all");
    const statements = [...ranStatements];

    expect(statements.filter((statement) => statement.sql.includes('"shown"'))).toHaveLength(3);
    // The first page without filters is a range of the youths' index, in the order shown: no sort.
    const firstPage = statements.find((statement) => statement.sql.includes('"shown"'))!;
    const firstPlan = await planOf(firstPage.sql, ...firstPage.values);
    expect(firstPlan.some((step) => /^SEARCH y USING COVERING INDEX Youth_referentId_missionLocaleId_warningRank/.test(step))).toBe(true);
    expect(firstPlan.filter((step) => step.includes("TEMP B-TREE"))).toEqual([]);
    for (const statement of statements) {
      const plan = await planOf(statement.sql, ...statement.values);
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });
});
