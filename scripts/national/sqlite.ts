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
