// Migrates one template database for the whole run; each test file then works on its own copy
// (per-file-database.ts), so files run in parallel without seeing each other's data. Each run has
// its own folder (SQLite) or database names (PostgreSQL), so two runs at once do not clobber each other.
//
// SPID_TEST_POSTGRES_URL=postgresql://…/postgres runs the tests on that PostgreSQL server, where
// they may create databases (npm run test:postgres); SQLite files otherwise.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { postgresDatabaseUrl, withPostgresServer } from "./postgres.ts";

function migrate(databaseUrl: string): void {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  const server = process.env.SPID_TEST_POSTGRES_URL;
  if (server) {
    const prefix = `spid_test_${process.pid}`;
    const template = `${prefix}_template`;
    await withPostgresServer(server, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${template}"`);
    });
    migrate(postgresDatabaseUrl(server, template));
    // Test workers are forked after this and inherit the variables.
    Object.assign(process.env, { SPID_TEST_POSTGRES_PREFIX: prefix });
    return async () => {
      await withPostgresServer(server, async (client) => {
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
          `${prefix}\\_%`,
        ]);
        for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      });
    };
  }
  const root = path.resolve(".tmp/tests", `run-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  migrate(`file:${path.join(root, "template.db")}`);
  process.env.SPID_TEST_ROOT = root;
  return () => Promise.resolve(rmSync(root, { recursive: true, force: true }));
}
