// npm run seed:national: rebuild the database that DATABASE_URL names (SQLite or PostgreSQL) with
// the demo programme grown to the national size (100 Missions Locales, 400 schools, 10 000 young
// people…), for the benchmark. Refused in production (SPID_DEMO=true to force), like db:reset.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConfigError, config, isPostgresUrl } from "../../src/config.ts";
import { eraseDatabase, migrateDatabase } from "../../src/db/prepare.ts";
import { copySqliteToPostgres } from "../sqlite-to-postgres.ts";
import { loadDotEnv } from "../env.ts";
import { seedNational } from "./grow.ts";

const seconds = (ms: number): string => `${(ms / 1000).toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const count = (n: number): string => new Intl.NumberFormat("fr-FR").format(n);

loadDotEnv();
try {
  const { databaseUrl, databasePath, demo } = config();
  // Wiping a production database for fictitious data is never what was meant.
  if (!demo) {
    console.error(
      "[spid] seed:national efface la base et charge des données fictives : refusé en production (SPID_DEMO=true pour forcer).",
    );
    process.exit(1);
  }
  const started = Date.now();
  const print = (line: string): void => console.log(`[spid] ${line} (${seconds(Date.now() - started)})`);
  // The national rows are written straight into a SQLite file (better-sqlite3, scripts/national/sqlite.ts):
  // for PostgreSQL, into a scratch file whose rows are then copied over.
  const onPostgres = isPostgresUrl(databaseUrl);
  const sqlitePath = onPostgres ? path.join(mkdtempSync(path.join(os.tmpdir(), "spid-national-")), "national.db") : databasePath;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${sqlitePath}${suffix}`, { force: true });
  migrateDatabase(`file:${sqlitePath}`, sqlitePath);
  print(`base ${sqlitePath} effacée, migrations appliquées`);
  const summary = await seedNational(
    { databaseUrl: `file:${sqlitePath}`, databasePath: sqlitePath },
    { today: new Date(), progress: (stage) => print(`  ${stage}`) },
  );
  if (onPostgres) {
    await eraseDatabase(databaseUrl, databasePath);
    await copySqliteToPostgres(sqlitePath, databaseUrl);
    rmSync(path.dirname(sqlitePath), { recursive: true, force: true });
    print("copié dans la base PostgreSQL");
  }
  print("jeu de données national chargé :");
  for (const [table, rows] of Object.entries(summary)) console.log(`[spid]   ${table.padEnd(16)} ${count(rows).padStart(9)}`);
  console.log(`[spid] durée totale : ${seconds(Date.now() - started)}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[spid] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
