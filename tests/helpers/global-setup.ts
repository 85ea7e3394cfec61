// Migrates one template database for the whole run; each test file then works on its own copy
// (per-file-database.ts), so files run in parallel without seeing each other's data. Each run has
// its own folder, so two runs at once do not clobber each other.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export default function setup(): () => void {
  const root = path.resolve(".tmp/tests", `run-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(root, "template.db")}` },
    stdio: "pipe",
  });
  // Test workers are forked after this and inherit the variable.
  process.env.SPID_TEST_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
