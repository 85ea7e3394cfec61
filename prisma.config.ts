// Prisma CLI configuration. Prisma 6.19 with the JS schema engine and the better-sqlite3 adapter:
// no engine binary is downloaded (this machine reaches only the npm registry).
// A config file stops Prisma from reading .env, so it is loaded here when present.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () => Promise.resolve(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/spid.db" })),
});
