// Migrates one template database for the whole run; each test file then works on its own copy
// (per-file-database.ts), so files run in parallel without seeing each other's data.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const TEST_ROOT = path.resolve(".tmp/tests");
export const TEMPLATE_DB = path.join(TEST_ROOT, "template.db");

export default function setup(): () => void {
  rmSync(TEST_ROOT, { recursive: true, force: true });
  mkdirSync(TEST_ROOT, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  return () => rmSync(TEST_ROOT, { recursive: true, force: true });
}
