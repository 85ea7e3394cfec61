// npm run db:reset: rebuild the database from the migrations and reload the demo programme.
import { rmSync } from "node:fs";
import { config } from "../src/config.ts";
import { migrateDatabase, seedDemoIfEmpty } from "../src/db/prepare.ts";
import { disconnectDb, tuneSqlite } from "../src/db/client.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
const { databaseUrl, databasePath } = config();
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databasePath}${suffix}`, { force: true });
migrateDatabase(databaseUrl, databasePath);
await tuneSqlite();
await seedDemoIfEmpty();
await disconnectDb();
