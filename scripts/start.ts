// npm start: apply pending migrations, load the demo on an empty database, serve.
import { ConfigError, config } from "../src/config.ts";
import { migrateDatabase, seedDemoIfEmpty } from "../src/db/prepare.ts";
import { tuneSqlite } from "../src/db/client.ts";
import { startServer } from "../src/server.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
try {
  const { databaseUrl, databasePath } = config();
  migrateDatabase(databaseUrl, databasePath);
  await tuneSqlite();
  await seedDemoIfEmpty();
  await startServer();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[spid] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
