// Runs before each test file's imports: points the process at a fresh copy of the migrated
// template, so the app's one Prisma client (src/db/client.ts) opens that copy.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { postgresDatabaseUrl, withPostgresServer } from "./postgres.ts";

async function databaseUrl(): Promise<string> {
  const server = process.env.SPID_TEST_POSTGRES_URL;
  const prefix = process.env.SPID_TEST_POSTGRES_PREFIX;
  if (server && prefix) {
    const database = `${prefix}_${randomUUID().replaceAll("-", "")}`;
    await withPostgresServer(server, (client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${prefix}_template"`));
    return postgresDatabaseUrl(server, database);
  }
  const root = process.env.SPID_TEST_ROOT;
  if (!root) throw new Error("SPID_TEST_ROOT is not set: run the tests with vitest (see vitest.config.ts)");
  const file = path.join(root, `${randomUUID()}.db`);
  copyFileSync(path.join(root, "template.db"), file);
  return `file:${file}`;
}

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: await databaseUrl(),
  SESSION_SECRET: "test-session-secret-0123456789abcdef0123456789",
  PSEUDONYM_KEY: "test-pseudonym-key-0123456789abcdef",
  COOKIE_SECURE: "false",
});
