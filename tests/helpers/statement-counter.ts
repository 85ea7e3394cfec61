// Counts the statements better-sqlite3 runs, Prisma's and the raw ones alike: a test of "a fixed
// number of statements whatever the data size" compares two counts.
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";

/** Installs the counter for the test file (its hooks) and returns the function that counts the
 * statements `work` runs. */
export function statementCounter(): (work: () => Promise<unknown>) => Promise<number> {
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  let ran = 0;

  beforeAll(() => {
    for (const method of ["all", "get", "run", "iterate"]) {
      const original = statementPrototype[method]!;
      originals.set(method, original);
      statementPrototype[method] = function (this: unknown, ...args: unknown[]) {
        ran += 1;
        return original.apply(this, args);
      };
    }
  });

  afterAll(() => {
    for (const [method, original] of originals) statementPrototype[method] = original;
    probe.close();
  });

  return async (work) => {
    ran = 0;
    await work();
    return ran;
  };
}
