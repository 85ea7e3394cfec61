// npm start: apply pending migrations, load the demo into an empty database (outside production,
// or with SPID_DEMO=true), serve, then say how to sign in.
import { ConfigError, config } from "../src/config.ts";
import { migrateDatabase } from "../src/db/prepare.ts";
import { tuneSqlite } from "../src/db/client.ts";
import { startServer } from "../src/server.ts";
import { loadDotEnv } from "./env.ts";
import { loadDemo, planStartup, startupHints } from "./startup.ts";

loadDotEnv();
try {
  const settings = config();
  migrateDatabase(settings.databaseUrl, settings.databasePath);
  await tuneSqlite();
  const plan = await planStartup(settings);
  if (plan === "LOAD_DEMO") await loadDemo();
  await startServer();
  for (const line of startupHints(plan)) console.log(line);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[spid] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
