// A youth search (src/domain/search.ts) as an SQL condition, for the raw list reads: the same
// comparisons as its Prisma form, whose `contains` is a LIKE '%…%' without ESCAPE on SQLite and
// PostgreSQL alike (youthSearchOf keeps `%` and `_` out of them).
import { Prisma } from "../generated/prisma/client.ts";
import { youthSearchOf } from "../domain/search.ts";

/** A condition on a "Youth" row, named `alias` in the query, for what a person typed. */
export function youthSearchSql(typed: string, alias: string): Prisma.Sql {
  const youth = Prisma.raw(`"${alias}"`);
  const { nameWords, refPart, emailPart, email } = youthSearchOf(typed);
  const contains = (part: string) => `%${part}%`;
  const alternatives: Prisma.Sql[] = [];
  if (nameWords) {
    alternatives.push(
      Prisma.sql`(${Prisma.join(
        nameWords.map((word) => Prisma.sql`${youth}."searchName" LIKE ${contains(word)}`),
        " AND ",
      )})`,
    );
  }
  if (refPart !== null) alternatives.push(Prisma.sql`${youth}."ref" LIKE ${contains(refPart)}`);
  if (emailPart !== null) alternatives.push(Prisma.sql`${youth}."email" LIKE ${contains(emailPart)}`);
  if (email !== null) alternatives.push(Prisma.sql`${youth}."email" = ${email}`);
  return alternatives.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}
