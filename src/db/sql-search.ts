// A search box's text (src/domain/search.ts) as an SQL condition, for the raw list reads: the same
// alternatives as its Prisma form, `contains` being a LIKE (tests/db/sql-search.test.ts compares them).
import { Prisma } from "../generated/prisma/client.ts";
import { youthSearchAlternatives } from "../domain/search.ts";

/** A condition on a "Youth" row: what a person typed finds it. `alias` names the row in the query. */
export function youthSearchCondition(typed: string, alias: string): Prisma.Sql {
  const youth = Prisma.raw(`"${alias}"`);
  const alternatives = youthSearchAlternatives(typed).map((alternative) => {
    switch (alternative.kind) {
      case "words":
        return Prisma.sql`(${Prisma.join(
          alternative.words.map((word) => Prisma.sql`${youth}."searchName" LIKE ${`%${word}%`}`),
          " AND ",
        )})`;
      case "contains":
        return Prisma.sql`${youth}.${Prisma.raw(`"${alternative.field}"`)} LIKE ${`%${alternative.text}%`}`;
      case "equals":
        return Prisma.sql`${youth}.${Prisma.raw(`"${alternative.field}"`)} = ${alternative.text}`;
    }
  });
  return alternatives.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}
