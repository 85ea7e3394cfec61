import cluster, { type Worker } from "node:cluster";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { config } from "./config.ts";
import { disconnectDb, optimizeSqlite, tuneSqlite } from "./db/client.ts";
import { refreshSummaries } from "./features/warnings/service.ts";

/** How long a stopping process waits for the requests in flight. */
const SHUTDOWN_GRACE_MS = 5000;
/** How often the planner's statistics are refreshed (cheap when nothing changed much). */
const OPTIMIZE_EVERY_MS = 6 * 60 * 60 * 1000;
/** How often the training summaries nobody looked at are brought up to date (the start script
 * does it before serving), so that a warning reaches the counsellor within this delay even when
 * no page shows the youth. */
const SWEEP_EVERY_MS = 15 * 60 * 1000;

function sweep(): void {
  refreshSummaries({}).catch((error: unknown) => console.error(`[spid] mise à jour des alertes : ${String(error)}`));
}

/** One server process: listens (resolves with the port once listening) and, on SIGTERM or
 * SIGINT, stops accepting, lets the requests in flight finish, then closes the database.
 * Database preparation happens before, once, in scripts/start.ts. */
export async function startServer(port = config().port, host?: string): Promise<number> {
  await tuneSqlite();
  // After the demo is loaded, before the first request: the planner's statistics of every table.
  await optimizeSqlite("ALL_TABLES");
  const app = createApp();
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error (port taken) to this callback.
    const done = (error?: Error) => (error ? reject(error) : resolve(listening));
    const listening = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
  });
  setInterval(() => void optimizeSqlite().catch(() => undefined), OPTIMIZE_EVERY_MS).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  const shutdown = () => {
    server.close(() => void disconnectDb().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // A connection kept alive after the response it was waiting for would hold close() until the
    // grace delay (and the exit without closing the database): closed as soon as it is idle.
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  return (server.address() as AddressInfo).port;
}

/**
 * Node runs JavaScript on one core: the primary process forks `workers` processes, each running
 * this same script's worker branch (startServer), and the cluster shares their port. Sessions and
 * sign-in counters live in the database, so any worker can answer any request. A worker that dies
 * is replaced; SIGTERM/SIGINT stop them all gracefully. Resolves with the port once all listen.
 */
export function startCluster(workers: number): Promise<number> {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[spid] processus ${worker.process.pid} arrêté (${signal ?? code}) : remplacé`);
      setTimeout(fork, 1000);
    });
    return worker;
  };
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.disconnect(() => process.exit(0));
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS + 1000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const listening = Array.from({ length: workers }, () => {
    const worker = fork();
    return new Promise<number>((resolve, reject) => {
      worker.once("listening", (address) => resolve(address.port));
      worker.once("exit", (code) => reject(new Error(`a server process stopped before listening (exit code ${code})`)));
    });
  });
  return Promise.all(listening).then((ports) => ports[0]!);
}
