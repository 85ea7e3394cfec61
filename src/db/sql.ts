// Raw reads for hot paths: one statement where Prisma's query compiler would cost more than the
// query (about 0.3 ms a call, on the event loop) or where Prisma cannot express the aggregate
// (latest row per group). The SQL must run on SQLite and PostgreSQL alike: double-quoted
// identifiers, enum values as literals, dates and booleans as bound values. Rows are checked with
// a zod schema, which also evens out the two drivers (counts as bigint or number, an aggregate's
// date as text or Date).
import type { z } from "zod";
import type { Prisma } from "../generated/prisma/client.ts";
import { db } from "./client.ts";

export async function queryRows<T extends z.ZodType>(row: T, query: Prisma.Sql): Promise<z.infer<T>[]> {
  const rows = await db().$queryRaw<unknown[]>(query);
  return rows.map((value) => row.parse(value));
}
