// Several server processes write to one SQLite database: a transaction that reads, then writes,
// must wait for another process's transaction instead of failing (src/db/client.ts).
import { describe, expect, it } from "vitest";
import { testDb } from "../helpers/factories.ts";
import { otherProcess } from "../helpers/spawned.ts";

/** Starts a server process running `count` read-then-write transactions once told to go. */
const transactionsProcess = (actorId: string, count: number) => otherProcess<string[]>("transaction-process.ts", [actorId, String(count)]);

describe("transactions across server processes", () => {
  it("transactions — three processes, 15 read-then-write transactions each at once — none fails, all 45 written", async () => {
    const actorId = "transactions-test";
    const processes = [0, 1, 2].map(() => transactionsProcess(actorId, 15));
    await Promise.all(processes.map((p) => p.ready));

    const failures = await Promise.all(processes.map((p) => p.go()));

    expect(failures.flat()).toEqual([]);
    expect(await testDb.auditEvent.count({ where: { actorId } })).toBe(45);
  }, 60_000);
});
