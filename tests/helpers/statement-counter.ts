// Counts the statements the database driver runs, Prisma's and the raw ones alike: a test of "a
// fixed number of statements whatever the data size" compares two counts. On SQLite, the
// statements better-sqlite3 runs; on PostgreSQL, the queries pg sends (transactions' BEGIN and
// COMMIT included: the same in both counts).
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { onPostgres } from "./postgres.ts";

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** Installs the counter for the test file (its hooks) and returns the function that counts the
 * statements `work` runs. */
export function statementCounter(): (work: () => Promise<unknown>) => Promise<number> {
  let probe: Database.Database | undefined;
  let target: Methods;
  let methods: string[];
  if (onPostgres) {
    target = pg.Client.prototype as unknown as Methods;
    methods = ["query"];
  } else {
    probe = new Database(":memory:");
    target = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Methods;
    methods = ["all", "get", "run", "iterate"];
  }
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  let ran = 0;

  beforeAll(() => {
    for (const method of methods) {
      const original = target[method]!;
      originals.set(method, original);
      target[method] = function (this: unknown, ...args: unknown[]) {
        ran += 1;
        return original.apply(this, args);
      };
    }
  });

  afterAll(() => {
    for (const [method, original] of originals) target[method] = original;
    probe?.close();
  });

  return async (work) => {
    ran = 0;
    await work();
    return ran;
  };
}
