// The few statements SQLite and PostgreSQL cannot share, in one form per database. Everything else
// in the raw SQL (src/db/sql.ts) is written once. The app talks to one database: the dialect is
// that of config().databaseUrl.
import { Prisma } from "../generated/prisma/client.ts";
import { config, isPostgresUrl } from "../config.ts";

function onPostgres(): boolean {
  return isPostgresUrl(config().databaseUrl);
}

/** The SQL type a JSON field is read as (jsonField): PostgreSQL wants it said, SQLite does not. */
type JsonFieldType = "text" | "timestamp" | { enum: string };

/**
 * The elements of a JSON array bound as one text, as rows of the table `alias` with one column,
 * "value" (a bulk INSERT … SELECT binds one text instead of thousands of values).
 */
export function jsonRows(json: string, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return onPostgres()
    ? Prisma.sql`json_array_elements(CAST(${json} AS json)) AS ${table}("value")`
    : Prisma.sql`json_each(${json}) AS ${table}`;
}

/** A field of a jsonRows row (an object's key or an array's index), as a value of `type`. */
export function jsonField(alias: string, key: string | number, type: JsonFieldType = "text"): Prisma.Sql {
  const field = Prisma.raw(`"${alias}"."value" ->> ${typeof key === "number" ? String(key) : `'${key.replaceAll("'", "''")}'`}`);
  if (!onPostgres()) return field;
  const sqlType = type === "text" ? "text" : type === "timestamp" ? "timestamp(3)" : `"${type.enum}"`;
  return Prisma.sql`CAST(${field} AS ${Prisma.raw(sqlType)})`;
}

/** A condition: the text `expression` holds only the digits 0-9 (or is empty). */
export function onlyDigits(expression: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? Prisma.sql`${expression} ~ '^[0-9]*$'` : Prisma.sql`${expression} NOT GLOB '*[^0-9]*'`;
}

/** A bound instant where PostgreSQL cannot infer the type from the context (in VALUES, CASE, a
 * SELECT list): SQLite stores instants as text and compares them as such. */
export function sqlTimestamp(date: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${date} AS timestamp(3))` : Prisma.sql`${date}`;
}
