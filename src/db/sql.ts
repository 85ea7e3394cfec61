// Raw statements for hot paths, where Prisma's query compiler would cost more than the query
// (0.3–1 ms a call, on the event loop) or cannot express it (latest row per group). The SQL must
// run on SQLite and PostgreSQL alike: double-quoted identifiers, enum values as literals, dates
// and booleans as bound values. Rows are checked with a zod schema, which also evens out the
// drivers (counts as bigint or number, dates as Date or text, booleans as boolean or 0/1).
//
// Outside a transaction, on SQLite, a statement runs straight on the connection Prisma's adapter
// holds, prepared once and kept (about 10 µs for a primary-key read, against 200 µs through
// $queryRaw). Inside a transaction, or on another database, it goes through Prisma's client.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client.ts";
import { db, groupCommitWriterOf, sqliteConnectionOf, storedDate, outsideTransactions, type DbTx } from "./client.ts";
import { prepared } from "./statements.ts";

/** A whole number from SQL: a count or a sum (bigint on PostgreSQL, number on SQLite). */
export const SQL_INTEGER = z.coerce.number().int();
/** An instant from SQL: a Date, or the text SQLite stores (an ISO 8601 instant). */
export const SQL_DATE = z.coerce.date();
/** A boolean from SQL: true/false, or SQLite's 1/0. */
export const SQL_BOOLEAN = z.union([z.boolean(), z.number()]).transform((value) => Boolean(value));

/** An enum value as an SQL literal: PostgreSQL refuses a bound text where its enum type is expected.
 * Only names of enum values (capitals and underscores) are accepted. */
export function enumLiteral(value: string): Prisma.Sql {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`not an enum value: ${value}`);
  return Prisma.raw(`'${value}'`);
}

/** A bound value as the adapter binds it: dates in its ISO 8601 text, booleans as 1/0. */
function boundValue(value: unknown): unknown {
  if (value instanceof Date) return storedDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** The rows of a statement, each checked; inside a transaction, pass its client. */
export async function queryRows<T extends z.ZodType>(row: T, query: Prisma.Sql, client: DbTx = db()): Promise<z.infer<T>[]> {
  const connection = await sqliteConnectionOf(client);
  const rows = connection ? prepared(connection, query.sql).all(...query.values.map(boundValue)) : await client.$queryRaw<unknown[]>(query);
  return rows.map((value) => row.parse(value));
}

/** A statement that returns exactly one row (a SELECT of aggregates without FROM or GROUP BY). */
export async function queryRow<T extends z.ZodType>(row: T, query: Prisma.Sql, client: DbTx = db()): Promise<z.infer<T>> {
  const [first] = await queryRows(row, query, client);
  if (first === undefined) throw new Error("a single-row statement returned no row");
  return first;
}

/** Runs a statement that returns no rows (INSERT, UPDATE, DELETE); returns how many rows it changed. */
export async function executeStatement(query: Prisma.Sql, client: DbTx = db()): Promise<number> {
  const connection = await sqliteConnectionOf(client);
  if (!connection) return client.$executeRaw(query);
  return outsideTransactions(client, () => prepared(connection, query.sql).run(...query.values.map(boundValue)).changes);
}

/**
 * Runs a statement that needs no transaction of its caller's (the audit event of a page view),
 * acknowledged once it is on the disk. On SQLite it is committed by the group-commit thread
 * (group-commit.ts), off the event loop and together with other requests' statements; elsewhere,
 * or given a transaction's client, it runs as executeStatement does.
 */
export async function executeGroupCommitted(query: Prisma.Sql, client: DbTx = db()): Promise<void> {
  const writer = await groupCommitWriterOf(client);
  if (writer) await writer.run(query.sql, query.values.map(boundValue));
  else await executeStatement(query, client);
}
