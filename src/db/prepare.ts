import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "../config.ts";
import { createDb, db } from "./client.ts";

const PRISMA_CLI = path.resolve(import.meta.dirname, "../../node_modules/.bin/prisma");

/** Applies pending migrations with the Prisma CLI (JS schema engine: nothing downloaded); the
 * configuration (prisma.config.ts) picks the SQLite or PostgreSQL migrations from the URL. */
export function migrateDatabase(databaseUrl: string, databasePath: string): void {
  if (!isPostgresUrl(databaseUrl)) mkdirSync(path.dirname(databasePath), { recursive: true });
  execFileSync(PRISMA_CLI, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** No account and no Mission Locale yet: a fresh install (demo or first coordinator to come). */
export async function isDatabaseEmpty(): Promise<boolean> {
  const [users, missionLocales] = await Promise.all([db().user.count(), db().missionLocale.count()]);
  return users === 0 && missionLocales === 0;
}

/** Deletes every table and row (npm run db:reset): the SQLite file and its companions, or the
 * PostgreSQL database's public schema (tables, types, trigger functions). */
export async function eraseDatabase(databaseUrl: string, databasePath: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databasePath}${suffix}`, { force: true });
    return;
  }
  const client = createDb(databaseUrl);
  try {
    await client.$executeRawUnsafe("DROP SCHEMA IF EXISTS public CASCADE");
    await client.$executeRawUnsafe("CREATE SCHEMA public");
  } finally {
    await client.$disconnect();
  }
}
