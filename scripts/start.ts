// npm start: apply pending migrations, load the demo into an empty database (outside production,
// or with SPID_DEMO=true), serve — one process, or one per core in production (WEB_CONCURRENCY) —
// then say how to sign in. Worker processes run this script again and only serve.
import cluster from "node:cluster";
import { ConfigError, config } from "../src/config.ts";
import { migrateDatabase } from "../src/db/prepare.ts";
import { disconnectDb, tuneSqlite } from "../src/db/client.ts";
import { startCluster, startServer } from "../src/server.ts";
import { loadDotEnv } from "./env.ts";
import { loadDemo, planStartup, prepareSummaries, startupHints } from "./startup.ts";

loadDotEnv();
try {
  const settings = config();
  if (cluster.isWorker) {
    await startServer();
  } else {
    migrateDatabase(settings.databaseUrl, settings.databasePath);
    await tuneSqlite();
    const plan = await planStartup(settings);
    if (plan === "LOAD_DEMO") await loadDemo();
    await prepareSummaries();
    let port: number;
    if (settings.workers > 1) {
      await disconnectDb();
      port = await startCluster(settings.workers);
    } else {
      port = await startServer();
    }
    const processes = settings.workers > 1 ? ` (${settings.workers} processus)` : "";
    console.log(`[spid] prêt sur http://localhost:${port}${processes}`);
    for (const line of startupHints(plan)) console.log(line);
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[spid] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
