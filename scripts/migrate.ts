import { config, isPostgresUrl } from "../src/config.ts";
import { migrateDatabase } from "../src/db/prepare.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
const { databaseUrl, databasePath } = config();
migrateDatabase(databaseUrl, databasePath);
console.log(`[spid] migrations appliquées à ${isPostgresUrl(databaseUrl) ? "la base PostgreSQL" : databasePath}`);
