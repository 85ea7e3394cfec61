import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { config } from "./config.ts";
import { disconnectDb, tuneSqlite } from "./db/client.ts";

/** Listens (resolves once listening) and shuts down cleanly; database preparation happens in
 * scripts/start.ts. */
export async function startServer(): Promise<void> {
  const { port } = config();
  await tuneSqlite();
  const app = createApp();
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error (port taken) to this callback.
    const listening = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  console.log(`[spid] prêt sur http://localhost:${port}`);
  const shutdown = () => {
    server.close(() => {
      void disconnectDb().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
