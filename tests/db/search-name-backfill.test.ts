import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { searchNameOf } from "../../src/domain/search.ts";
import { makeMissionLocale, makeYouth, testDb } from "../helpers/factories.ts";
import { onPostgres } from "../helpers/postgres.ts";

// The migration that added Youth.searchName filled it for the rows already there, in SQL.
function backfillStatement(): string {
  const folder = readdirSync("prisma/migrations").find((name) => name.endsWith("_youth_search_name"));
  const sql = readFileSync(path.join("prisma/migrations", folder!, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf('UPDATE "Youth"'));
}

// SQLite only: a back-fill of the SQLite migrations; PostgreSQL databases start from the current schema.
describe.skipIf(onPostgres)("Youth.searchName back-fill", () => {
  it("the migration's UPDATE — on names with accents, capitals, ligatures, apostrophes and hyphens — gives what the application writes", async () => {
    const missionLocale = await makeMissionLocale();
    const names = [
      ["Kévin", "DUBOIS"],
      ["Éloïse", "N'Diaye-Lefèvre"],
      ["Œdipe  Ærøe", "Ménard, Désirée"],
      ["Ele\u0301onore", "d’Ançay Ñúñez Çağlar"],
      ["JEAN-PIERRE", "Le Goff"],
    ];
    const ids: string[] = [];
    for (const [firstName, lastName] of names) {
      const youth = await makeYouth(missionLocale.id);
      await testDb.youth.update({ where: { id: youth.id }, data: { firstName, lastName, searchName: "" } });
      ids.push(youth.id);
    }

    await testDb.$executeRawUnsafe(backfillStatement());

    const rows = await testDb.youth.findMany({ where: { id: { in: ids } }, select: { firstName: true, lastName: true, searchName: true } });
    for (const row of rows) expect(row.searchName).toBe(searchNameOf(row));
  });
});
