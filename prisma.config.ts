// Prisma CLI configuration. Prisma 6.19 with the JS schema engine and a driver adapter (better-sqlite3,
// or pg when DATABASE_URL names a PostgreSQL server): no engine binary is downloaded (this machine
// reaches only the npm registry). Each database has its schema and migrations (docs/postgresql.md).
// A config file stops Prisma from reading .env, so it is loaded here when present.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

/**
 * The pg adapter as Prisma Migrate 6.19 needs it: a migration script is sent whole (the adapter
 * splits scripts at every semicolon, which cuts a plpgsql function's body apart), and the columns
 * of type `name` the engine reads from PostgreSQL's catalogue come back as text (the adapter
 * refuses that type, so every migrate command failed). The app's client does not need either.
 */
class MigratePg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    const performIO = Reflect.get(adapter, "performIO") as (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
    Object.defineProperty(adapter, "performIO", {
      value: async (query: unknown) => {
        const result = await performIO.call(adapter, query);
        for (const field of result.fields) if (field.dataTypeID === NAME_TYPE) field.dataTypeID = TEXT_TYPE;
        return result;
      },
    });
    return adapter;
  }
}
const NAME_TYPE = 19;
const TEXT_TYPE = 25;

const url = process.env.DATABASE_URL ?? "file:./data/spid.db";
const postgres = /^postgres(ql)?:\/\//.test(url);
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  adapter: () => Promise.resolve(postgres ? new MigratePg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
