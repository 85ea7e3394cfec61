// Runs before each test file's imports: points the process at a fresh copy of the migrated
// template, so the app's one Prisma client (src/db/client.ts) opens that copy.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

const root = process.env.SPID_TEST_ROOT;
if (!root) throw new Error("SPID_TEST_ROOT is not set: run the tests with vitest (see vitest.config.ts)");
const file = path.join(root, `${randomUUID()}.db`);
copyFileSync(path.join(root, "template.db"), file);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: "test-session-secret-0123456789abcdef0123456789",
  PSEUDONYM_KEY: "test-pseudonym-key-0123456789abcdef",
  COOKIE_SECURE: "false",
});
