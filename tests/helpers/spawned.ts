// Another server process for the tests that several processes share the database: it runs a
// helper script (tests/helpers/*-process.ts) on the same database (DATABASE_URL), which prints
// "ready", waits for "go" on stdin, does its work all at once and prints its answers as JSON.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect } from "vitest";

export function otherProcess<Answers>(script: string, args: readonly string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  return {
    ready: next().then((line) => expect(line).toBe("ready")),
    go: async (): Promise<Answers> => {
      child.stdin.end("go\n");
      return JSON.parse(await next()) as Answers;
    },
  };
}
