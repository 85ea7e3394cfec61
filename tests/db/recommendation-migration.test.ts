import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { onPostgres } from "../helpers/postgres.ts";

const MIGRATIONS = "prisma/migrations";
const folders = readdirSync(MIGRATIONS)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();
const sqlOf = (folder: string) => readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");

// Recommendations written before the workflow had a free-text topic and no state: the migration
// turns them into accepted ones of the closest kind, due and decided the day they were written.
// SQLite only: replays the SQLite migrations on an in-memory SQLite database.
describe.skipIf(onPostgres)("recommendation_workflow migration", () => {
  it("existing rows — topics « Rythme », « Mobilité », another — PACE_CHANGE, SUPPORT_MOBILITY, OTHER; all ACCEPTED by their author", () => {
    const db = new Database(":memory:");
    const index = folders.findIndex((name) => name.endsWith("_recommendation_workflow"));
    expect(index).toBeGreaterThan(0);
    for (const folder of folders.slice(0, index)) db.exec(sqlOf(folder));
    db.pragma("foreign_keys = OFF");
    const insert = db.prepare(
      `INSERT INTO "Recommendation" ("id", "youthId", "authorId", "topic", "text", "createdAt", "acknowledgedAt") VALUES (?, 'y1', 'u1', ?, 'Un conseil.', '2026-03-04T10:00:00.000+00:00', NULL)`,
    );
    for (const [id, topic] of [
      ["r1", "Rythme"],
      ["r2", "Mobilité"],
      ["r3", "Financement"],
    ])
      insert.run(id, topic);

    db.exec(sqlOf(folders[index]!));

    const rows = db
      .prepare(`SELECT "id", "kind", "status", "dueOn", "decidedById", "decidedAt" FROM "Recommendation" ORDER BY "id"`)
      .all() as Record<string, string>[];
    expect(rows.map((row) => [row.id, row.kind, row.status])).toEqual([
      ["r1", "PACE_CHANGE", "ACCEPTED"],
      ["r2", "SUPPORT_MOBILITY", "ACCEPTED"],
      ["r3", "OTHER", "ACCEPTED"],
    ]);
    for (const row of rows)
      expect(row).toMatchObject({ dueOn: "2026-03-04T10:00:00.000+00:00", decidedById: "u1", decidedAt: "2026-03-04T10:00:00.000+00:00" });
  });
});
