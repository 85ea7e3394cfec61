// Rows written straight through better-sqlite3: a prepared statement run in a loop inside one
// transaction costs about 1 µs a row, where Prisma's createMany costs about 90 µs with the JS engine.
import type { Database } from "better-sqlite3";
import { storedDate } from "../../src/db/client.ts";

type Value = string | number | boolean | Date | null;

/** As the Prisma adapter stores them, so that the app reads these rows like its own. */
function toSql(value: Value): string | number | null {
  if (value instanceof Date) return storedDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** An INSERT of one row of `table`, its values given in the order of `columns`. */
export function inserter(sqlite: Database, table: string, columns: readonly string[]): (values: readonly Value[]) => void {
  const names = columns.map((column) => `"${column}"`).join(", ");
  const marks = columns.map(() => "?").join(", ");
  const statement = sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${marks})`);
  return (values) => {
    statement.run(values.map(toSql));
  };
}

/** Run an UPDATE (or any statement without result) with positional values. */
export function execute(sqlite: Database, sql: string, values: readonly Value[] = []): void {
  sqlite.prepare(sql).run(values.map(toSql));
}

/**
 * Runs a bulk load with the database's triggers set aside, inside the caller's transaction, and
 * puts them back as they were. The triggers mark training summaries stale (about 45 µs a lesson
 * row, more than the insert itself); a database being seeded has no summary yet to mark.
 */
export function withoutTriggers<T>(sqlite: Database, load: () => T): T {
  if (!sqlite.inTransaction) throw new Error("withoutTriggers runs inside a transaction");
  const triggers = sqlite.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger'`).all() as {
    name: string;
    sql: string;
  }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
  const result = load();
  for (const trigger of triggers) sqlite.exec(trigger.sql);
  return result;
}
