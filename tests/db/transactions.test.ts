// Several server processes write to one SQLite database: a transaction that reads, then writes,
// must wait for another process's transaction instead of failing (src/db/client.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { testDb } from "../helpers/factories.ts";

function otherProcess(actorId: string, count: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "../helpers/transaction-process.ts"), actorId, String(count)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  return {
    ready: next().then((line) => expect(line).toBe("ready")),
    go: async (): Promise<string[]> => {
      child.stdin.end("go\n");
      return JSON.parse(await next()) as string[];
    },
  };
}

describe("transactions across server processes", () => {
  it("transactions — three processes, 15 read-then-write transactions each at once — none fails, all 45 written", async () => {
    const actorId = "transactions-test";
    const processes = [0, 1, 2].map(() => otherProcess(actorId, 15));
    await Promise.all(processes.map((p) => p.ready));

    const failures = await Promise.all(processes.map((p) => p.go()));

    expect(failures.flat()).toEqual([]);
    expect(await testDb.auditEvent.count({ where: { actorId } })).toBe(45);
  }, 60_000);
});
