// The PostgreSQL mode of the tests (SPID_TEST_POSTGRES_URL, see global-setup.ts).
import pg from "pg";

/** The tests run on PostgreSQL: SQLite-only ones skip (`describe.skipIf(onPostgres)`). */
export const onPostgres = Boolean(process.env.SPID_TEST_POSTGRES_URL);

/** The URL of another database on the same server. */
export function postgresDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a connection to the server's maintenance database (the URL's own). */
export async function withPostgresServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
