// The server that `npm run bench` measures, in its own process (its own event loop, as in
// production): what `npm start` does — migrations, the demo into an empty database when
// SPID_DEMO=true, one server process per core (WEB_CONCURRENCY) — then the app on loopback only,
// on a free port sent to the parent (bench/run.ts).
import cluster from "node:cluster";
import { config } from "../src/config.ts";
import { disconnectDb, tuneSqlite } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/prepare.ts";
import { startCluster, startServer } from "../src/server.ts";
import { loadDemo, planStartup, prepareSummaries } from "../scripts/startup.ts";

const LOOPBACK = "127.0.0.1";

if (cluster.isWorker) {
  await startServer(0, LOOPBACK);
} else {
  if (!process.send) throw new Error("bench/server.ts is started by bench/run.ts (npm run bench)");
  const settings = config();
  migrateDatabase(settings.databaseUrl, settings.databasePath);
  await tuneSqlite();
  // stdout carries the request logs (discarded by the parent): progress goes to stderr.
  if ((await planStartup(settings)) === "LOAD_DEMO") await loadDemo((line) => console.error(line));
  await prepareSummaries((line) => console.error(line));
  let port: number;
  if (settings.workers > 1) {
    await disconnectDb();
    port = await startCluster(settings.workers);
  } else {
    port = await startServer(0, LOOPBACK);
  }
  process.send({ port, workers: settings.workers });
  // The parent disconnects when it is done: stop as on SIGTERM (requests in flight finish).
  process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
