// Raw reads for hot paths: one statement where Prisma's query compiler would cost more than the
// query (about 0.3 ms a call, on the event loop) or where Prisma cannot express the aggregate
// (latest row per group). The SQL must run on SQLite and PostgreSQL alike: double-quoted
// identifiers, enum values as literals, dates and booleans as bound values. Rows are checked with
// a zod schema, which also evens out the two drivers (counts as bigint or number, an aggregate's
// date as text or Date).
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client.ts";
import { db, type DbTx } from "./client.ts";

/** A whole number from SQL: a count or a sum (bigint on PostgreSQL, number on SQLite). */
export const SQL_INTEGER = z.coerce.number().int();
/** An instant from SQL: a Date, or the text SQLite returns for an aggregate (MAX of a date). */
export const SQL_DATE = z.coerce.date();

/** The rows of a statement, each checked; inside a transaction, pass its client. */
export async function queryRows<T extends z.ZodType>(row: T, query: Prisma.Sql, client: DbTx = db()): Promise<z.infer<T>[]> {
  const rows = await client.$queryRaw<unknown[]>(query);
  return rows.map((value) => row.parse(value));
}

/** A statement that returns exactly one row (a SELECT of aggregates without FROM or GROUP BY). */
export async function queryRow<T extends z.ZodType>(row: T, query: Prisma.Sql): Promise<z.infer<T>> {
  const [first] = await queryRows(row, query);
  if (first === undefined) throw new Error("a single-row statement returned no row");
  return first;
}
