import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { makeMissionLocale, makeYouth, testDb } from "../helpers/factories.ts";
import { onPostgres } from "../helpers/postgres.ts";

// The migration that added Youth.nameKey filled it for the rows already there, in SQL: its
// statements from the character table on, one by one (the driver runs one statement at a time).
function backfillStatements(): string[] {
  const folder = readdirSync("prisma/migrations").find((name) => name.endsWith("_youth_name_key"));
  const sql = readFileSync(path.join("prisma/migrations", folder!, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf('CREATE TEMP TABLE "NameKeyImage"'))
    .split(/;\n/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== "");
}

// SQLite only: a back-fill of the SQLite migrations; PostgreSQL databases start from the current schema.
describe.skipIf(onPostgres)("Youth.nameKey back-fill", () => {
  it("the migration's statements — on names with accents, capitals, ligatures, apostrophes, hyphens and other scripts — give what the application writes", async () => {
    const missionLocale = await makeMissionLocale();
    const people: [string, string][] = [
      ["Le Goff", "2004-05-06T00:00:00Z"],
      ["N'Diaye-Lefèvre", "2003-12-31T00:00:00Z"],
      ["Ménard, Désirée", "2001-01-01T00:00:00Z"],
      ["Ele\u0301onore d’Ançay Ñúñez Çağlar", "2005-02-28T00:00:00Z"],
      ["Straße ﬁnn Nguyễn Ǆamić", "2002-07-14T00:00:00Z"],
      ["Œdipe Øyen Иванов 😀 Ω-7", "2000-10-10T00:00:00Z"],
      ["Éléonore-Amélie de La Tour-d’Auvergne-Lefèvre-Désirée Ménard-éééééé", "2006-03-29T00:00:00Z"],
    ];
    const ids: string[] = [];
    for (const [lastName, born] of people) {
      const youth = await makeYouth(missionLocale.id);
      await testDb.youth.update({ where: { id: youth.id }, data: { lastName, birthDate: new Date(born), nameKey: "" } });
      ids.push(youth.id);
    }

    for (const statement of backfillStatements()) await testDb.$executeRawUnsafe(statement);

    const rows = await testDb.youth.findMany({ where: { id: { in: ids } }, select: { lastName: true, birthDate: true, nameKey: true } });
    expect(rows).toHaveLength(people.length);
    for (const row of rows) expect(row.nameKey).toBe(nameKeyOf(row));
    expect(rows.find((row) => row.lastName === "Le Goff")?.nameKey).toBe("LEGOFF|2004-05-06");
  });
});
