// The server that `npm run bench` measures, in its own process (its own event loop, as in
// production): what `npm start` does — migrations, the demo into an empty database when
// SPID_DEMO=true — then the app on loopback only, on a free port sent to the parent (bench/run.ts).
import type { AddressInfo } from "node:net";
import { createApp } from "../src/app.ts";
import { config } from "../src/config.ts";
import { disconnectDb, tuneSqlite } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/prepare.ts";
import { loadDemo, planStartup } from "../scripts/startup.ts";

if (!process.send) throw new Error("bench/server.ts is started by bench/run.ts (npm run bench)");
const settings = config();
migrateDatabase(settings.databaseUrl, settings.databasePath);
await tuneSqlite();
// stdout carries the request logs (discarded by the parent): progress goes to stderr.
if ((await planStartup(settings)) === "LOAD_DEMO") await loadDemo((line) => console.error(line));
const server = createApp().listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
process.send({ port: (server.address() as AddressInfo).port });
process.on("disconnect", () => {
  server.close(() => void disconnectDb().finally(() => process.exit(0)));
  server.closeAllConnections();
});
