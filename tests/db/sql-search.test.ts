// A search box's text as SQL must find exactly the youths its Prisma form finds: accents, word
// order, parts of refs and e-mails, wildcards typed as text, separators alone.
import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { searchNameOf, youthSearchWhere } from "../../src/domain/search.ts";
import { youthSearchCondition } from "../../src/db/sql-search.ts";
import { makeMissionLocale, testDb } from "../helpers/factories.ts";

const PEOPLE: [firstName: string, lastName: string, email: string | null][] = [
  ["Kévin", "Dubois", "kevin.dubois@exemple.fr"],
  ["Zoé", "N'Diaye", "zoe_ndiaye@exemple.fr"],
  ["Jean-Pierre", "Le Goff", null],
  ["Anaïs", "Œuvray", "anais%oeuvray@exemple.fr"],
  ["Camille", "Dubois-Martin", null],
];

const sorted = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("search as SQL", () => {
  it("youthSearchCondition — names, refs, e-mails, wildcards and separators — the youths youthSearchWhere finds", async () => {
    const missionLocale = await makeMissionLocale();
    for (const [i, [firstName, lastName, email]] of PEOPLE.entries()) {
      await testDb.youth.create({
        data: {
          ref: `AUT-2032-${String(i + 1).padStart(4, "0")}`,
          firstName,
          lastName,
          searchName: searchNameOf({ firstName, lastName }),
          birthDate: new Date("2003-02-01T00:00:00Z"),
          gender: "MALE",
          employmentStatus: "JOB_SEEKER",
          missionLocaleId: missionLocale.id,
          email,
        },
      });
    }
    const typed = [
      "dubois kevin",
      "KÉVIN",
      "n'diaye",
      "jean pierre",
      "oeuvray",
      "dubois",
      "aut-2032-000",
      "2032-0003",
      "exemple.fr",
      "zoe_ndiaye@exemple.fr",
      "zoe_",
      "anais%oeuvray@exemple.fr",
      "%",
      "_",
      "-- ,",
      "personne",
    ];

    let found = 0;
    for (const text of typed) {
      const prisma = await testDb.youth.findMany({ where: youthSearchWhere(text), select: { id: true } });
      const raw = await testDb.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT y."id" FROM "Youth" y WHERE ${youthSearchCondition(text, "y")}`,
      );

      expect(sorted(raw), text).toEqual(sorted(prisma));
      found += raw.length;
    }
    expect(found).toBeGreaterThan(PEOPLE.length);
  });
});
