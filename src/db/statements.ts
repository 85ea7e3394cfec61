import type Database from "better-sqlite3";
import { keptAnswers } from "../domain/kept-answers.ts";

/** Prepared statements kept per connection; a program has a few hundred distinct statements, and
 * lists bound with Prisma.join change length, hence the bound. */
const STATEMENT_CACHE_SIZE = 500;
const statementCaches = new WeakMap<Database.Database, (sql: string) => Database.Statement>();

function statementsOf(connection: Database.Database): (sql: string) => Database.Statement {
  const kept = keptAnswers<string, Database.Statement>(STATEMENT_CACHE_SIZE);
  const prepare = (sql: string): Database.Statement => {
    const statement = connection.prepare(sql);
    // The adapter's connection reads integers as bigint; these rows are checked by zod schemas.
    if (statement.reader) statement.safeIntegers(false);
    return statement;
  };
  return (sql) => kept(sql, prepare);
}

export function prepared(connection: Database.Database, sql: string): Database.Statement {
  let statements = statementCaches.get(connection);
  if (!statements) statementCaches.set(connection, (statements = statementsOf(connection)));
  return statements(sql);
}
