// The youth search in SQL (the raw list reads) finds exactly the youths its Prisma form finds.
import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { searchNameOf, youthSearchWhere } from "../../src/domain/search.ts";
import { youthSearchSql } from "../../src/db/sql-search.ts";
import { makeMissionLocale, makeYouth, testDb } from "../helpers/factories.ts";

const sorted = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("youth search in SQL", () => {
  it("youthSearchSql — names in any order, accents, a ref, an e-mail, wildcards, separators only — the youths youthSearchWhere finds", async () => {
    const missionLocale = await makeMissionLocale();
    const names = [
      ["Kévin", "Dubois"],
      ["Jean-Pierre", "N'Diaye"],
      ["Zoé", "Dubois-Martin"],
    ] as const;
    const youths = [];
    for (const [index, [firstName, lastName]] of names.entries()) {
      const youth = await makeYouth(missionLocale.id, { email: `jean_${index}@exemple.fr` });
      youths.push(
        await testDb.youth.update({
          where: { id: youth.id },
          data: {
            firstName,
            lastName,
            searchName: searchNameOf({ firstName, lastName }),
          },
        }),
      );
    }
    const searches = [
      "dubois kevin",
      "DUBOIS",
      "ndiaye jean",
      "zoe",
      youths[0]!.ref.slice(4, 10).toLowerCase(),
      "exemple.fr",
      "jean_1@exemple.fr",
      "%",
      "_",
      " - ",
      "personne",
    ];

    for (const typed of searches) {
      const expected = await testDb.youth.findMany({
        where: { AND: [{ missionLocaleId: missionLocale.id }, youthSearchWhere(typed)] },
        select: { id: true },
      });
      const raw = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT y."id" FROM "Youth" y WHERE y."missionLocaleId" = ${missionLocale.id} AND ${youthSearchSql(typed, "y")}`,
      );
      expect(sorted(raw), typed).toEqual(sorted(expected));
    }
    // The comparison means something: searches that find one, several and none.
    const counts = await Promise.all(
      searches.map((typed) => testDb.youth.count({ where: { AND: [{ missionLocaleId: missionLocale.id }, youthSearchWhere(typed)] } })),
    );
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
  });
});
