// npm run db:reset: rebuild the database from the migrations and reload the demo programme.
import { config } from "../src/config.ts";
import { eraseDatabase, migrateDatabase } from "../src/db/prepare.ts";
import { disconnectDb, tuneSqlite } from "../src/db/client.ts";
import { loadDotEnv } from "./env.ts";
import { loadDemo, startupHints } from "./startup.ts";

loadDotEnv();
const { databaseUrl, databasePath, demo } = config();
// Wiping a production database for fictitious data is never what was meant.
if (!demo) {
  console.error("[spid] db:reset efface la base et charge la démonstration : refusé en production (SPID_DEMO=true pour forcer).");
  process.exit(1);
}
await eraseDatabase(databaseUrl, databasePath);
migrateDatabase(databaseUrl, databasePath);
await tuneSqlite();
await loadDemo();
for (const line of startupHints("LOAD_DEMO")) console.log(line);
await disconnectDb();
