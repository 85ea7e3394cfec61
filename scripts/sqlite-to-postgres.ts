// npm run db:copy-to-postgres -- <SQLite file> <postgresql://… URL>: copies a SQLite database of
// SPID, every table and row, into an empty PostgreSQL database (migrated first), in one
// transaction. It is how an installation moves from SQLite to PostgreSQL, and how the benchmark
// puts the national data set (seeded straight into SQLite) on PostgreSQL.
//
// The rows go in table by table with triggers and foreign-key checks off for the transaction
// (`session_replication_role = replica`, as pg_restore --disable-triggers does): the tables
// reference each other in cycles (a youth's counsellor is a user, a youth's account is a user),
// and the append-only and immutability triggers must not judge a copy. That setting needs a
// superuser, as a restore does.
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../src/config.ts";
import { migrateDatabase } from "../src/db/prepare.ts";

/** Rows per INSERT: PostgreSQL binds at most 65 535 values in a statement. */
const VALUES_PER_STATEMENT = 60_000;

type Column = { name: string; type: string };

async function postgresColumns(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => ({ name: row.column_name, type: row.data_type }));
}

/** A SQLite value as PostgreSQL takes it: booleans from 0/1; instants stay ISO 8601 text. */
function converted(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === "boolean") return value === 1 || value === true;
  return value;
}

async function copyTable(sqlite: Database.Database, client: pg.Client, table: string): Promise<number> {
  const sqliteNames = new Set((sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
  const columns = (await postgresColumns(client, table)).filter((column) => sqliteNames.has(column.name));
  if (columns.length === 0) return 0;
  const list = columns.map((column) => `"${column.name}"`).join(", ");
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(", ")})`);
    await client.query(`INSERT INTO "${table}" (${list}) VALUES ${tuples.join(", ")}`, values);
    copied += batch.length;
    batch = [];
  };
  const rows = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    batch.push(row.map((value, index) => converted(value, columns[index]!)));
    if (batch.length >= perStatement) await flush();
  }
  await flush();
  return copied;
}

export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<void> {
  migrateDatabase(postgresUrl, "");
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const tables = (
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    const { rows: filled } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "User"`);
    if (Number(filled[0]?.n ?? 0) > 0) throw new Error("the PostgreSQL database already holds accounts: copy into an empty database");
    const started = performance.now();
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    let total = 0;
    for (const table of tables) total += await copyTable(sqlite, client, table);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    console.log(
      `[spid] ${total.toLocaleString("fr-FR")} lignes de ${tables.length} tables copiées en ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [sqliteFile, postgresUrl] = process.argv.slice(2);
  if (!sqliteFile || !postgresUrl || !isPostgresUrl(postgresUrl)) {
    console.error("usage: npm run db:copy-to-postgres -- <fichier SQLite> <postgresql://…>");
    process.exit(2);
  }
  await copySqliteToPostgres(sqliteFile, postgresUrl);
}
