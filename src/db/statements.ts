import type Database from "better-sqlite3";

/** Prepared statements kept per connection; a program has a few hundred distinct statements, and
 * lists bound with Prisma.join change length, hence the bound. */
const STATEMENT_CACHE_SIZE = 500;
const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(connection: Database.Database, sql: string): Database.Statement {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    statement = connection.prepare(sql);
    // The adapter's connection reads integers as bigint; these rows are checked by zod schemas.
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement;
}
