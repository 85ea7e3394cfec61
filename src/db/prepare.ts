import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { db } from "./client.ts";
import { seedDemo } from "../demo/seed.ts";

const PRISMA_CLI = path.resolve(import.meta.dirname, "../../node_modules/.bin/prisma");

/** Applies pending migrations with the Prisma CLI (JS schema engine: nothing downloaded). */
export function migrateDatabase(databaseUrl: string, databasePath: string): void {
  mkdirSync(path.dirname(databasePath), { recursive: true });
  execFileSync(PRISMA_CLI, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Loads the demo programme into an empty database; dates are relative to today. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db().missionLocale.count()) > 0) return false;
  const started = Date.now();
  const summary = await seedDemo(db(), { today: new Date() });
  console.log(`[spid] programme de démonstration chargé en ${Date.now() - started} ms`, summary);
  return true;
}
