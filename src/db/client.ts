import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgresql/client.ts";
import { config, isPostgresUrl } from "../config.ts";
import { GroupCommitWriter } from "./group-commit.ts";
import { WalSync } from "./wal-sync.ts";

/** What the app's connection to the SQLite file sets: NORMAL sync (a commit does not wait for the
 * disk on the event loop; its caller awaits WalSync's fsync before it is acknowledged) and foreign keys. */
const SQLITE_CONNECTION_PRAGMAS = ["synchronous = NORMAL", "foreign_keys = ON"] as const;

/** How long (ms) a writer waits for SQLite's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export type Db = PrismaClient;
/** A client or an interactive transaction: what services write through. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Transactions begin with SQLite's write lock (BEGIN IMMEDIATE), not at their first write. Several
 * server processes share the database: a transaction that read, then wants to write after another
 * process committed, would get SQLITE_BUSY at once (its snapshot is stale), whereas waiting for
 * the lock at BEGIN lets the busy timeout do its work. Every interactive transaction here writes.
 * The adapter starts a transaction with `prepare("BEGIN")` on its better-sqlite3 connection.
 *
 * The process has one connection, and an interactive transaction stays open on it across awaits.
 * The adapter makes transactions take turns, but not the statements outside them: a write of
 * another request (a session saved, a counter) run while a transaction was open joined it, and
 * was silently undone when that transaction rolled back (a refused form). Writes outside a
 * transaction therefore wait until none is open (`TransactionTurns.outside`); reads do not (a read inside
 * a transaction's callback through the wrong client would otherwise wait for itself).
 *
 * A write outside a transaction, and a transaction's commit, resolve once they are on the disk
 * (WalSync, see tuneSqlite).
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  readonly #opened: (connection: Database.Database, transactions: TransactionTurns) => void;

  constructor(
    options: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    opened: (connection: Database.Database, transactions: TransactionTurns) => void,
  ) {
    super(options);
    this.#opened = opened;
  }

  override async connect(): Promise<SqliteAdapter> {
    const adapter = await super.connect();
    const connection: unknown = Reflect.get(adapter, "client");
    if (!(connection instanceof Database)) throw new Error("the SQLite adapter no longer exposes its connection: see src/db/client.ts");
    const prepare = connection.prepare.bind(connection);
    Object.defineProperty(connection, "prepare", {
      value: (source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source),
    });
    const log = new WalSync(connection.name);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => dispose().finally(() => log.close());
    const transactions = new TransactionTurns(connection.memory ? () => Promise.resolve() : () => log.durable());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      // Counted before BEGIN: no write outside may slip in between.
      const ended = transactions.opened();
      const transaction = await startTransaction(isolationLevel).catch((error: unknown) => {
        ended();
        throw error;
      });
      const [commit, rollback] = [transaction.commit.bind(transaction), transaction.rollback.bind(transaction)];
      // The next transaction may begin at once; this one's caller hears of it once it is on the disk.
      transaction.commit = () => commit().finally(ended).then(transactions.durable);
      transaction.rollback = () => rollback().finally(ended);
      return transaction;
    };
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = adapter[method].bind(adapter) as (query: SqlQuery) => Promise<never>;
      adapter[method] = (query: SqlQuery) => (isRead(query.sql) ? run(query) : transactions.outside(() => run(query)));
    }
    this.#opened(connection, transactions);
    return adapter;
  }
}

type SqlQuery = Parameters<SqliteAdapter["queryRaw"]>[0];

function isRead(sql: string): boolean {
  return /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i.test(sql);
}

/** How many interactive transactions are open on the connection, or waiting for their turn (a
 * transaction counts from before its BEGIN), and when there are none. */
class TransactionTurns {
  #open = 0;
  #idle: (() => void)[] = [];
  /** Resolves once what was committed before is on the disk (WalSync). */
  readonly durable: () => Promise<void>;

  constructor(durable: () => Promise<void>) {
    this.durable = durable;
  }

  /** Counts a transaction in; returns what counts it out (once). */
  opened(): () => void {
    this.#open++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.#open === 0) for (const resolve of this.#idle.splice(0)) resolve();
    };
  }

  /** Runs `write` once none is open. The last check and the write are one synchronous step: a
   * transaction that begins in between is counted before its BEGIN, and waited for in turn. */
  async outside<T>(write: () => T | PromiseLike<T>): Promise<T> {
    while (this.#open > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    const result = await write();
    await this.durable();
    return result;
  }
}

/**
 * On PostgreSQL too, transactions run one at a time, as on SQLite (above): each begins by taking
 * one advisory lock, held until it commits or rolls back, across every server process. The
 * services were written for SQLite's single writer: a transaction that looks for a twin (a form
 * sent twice) before inserting relies on no other transaction writing in between, which
 * PostgreSQL's default isolation (read committed) does not promise. Statements outside a
 * transaction do not wait for it.
 */
class SerializedTransactions extends PrismaPg {
  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await start(isolationLevel);
      await transaction.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${TRANSACTION_LOCK})`, args: [], argTypes: [] });
      return transaction;
    };
    return adapter;
  }
}
/** The advisory lock's key: any number, the same in every process ("SPID" in ASCII). */
const TRANSACTION_LOCK = 0x53504944;

type SqliteClientState = {
  current: () => Database.Database | undefined;
  transactions: () => TransactionTurns | undefined;
  connect: () => Promise<void>;
  writer?: GroupCommitWriter;
};
/** The SQLite connection under each client's adapter, once the client has connected, and the
 * group-commit writer on that connection once it has been used. */
const sqliteConnections = new WeakMap<object, SqliteClientState>();

const postgresClients = new WeakSet<object>();

export function createDb(databaseUrl: string): PrismaClient {
  if (isPostgresUrl(databaseUrl)) {
    const adapter = new SerializedTransactions(new pg.Pool({ connectionString: databaseUrl }), { disposeExternalPool: true });
    // Both clients are generated from the same models (prisma/postgresql/schema.prisma is made
    // from prisma/schema.prisma): they differ only in their provider, so the app keeps one type.
    // maxWait: how long a transaction may wait for its turn (Prisma's default, 2 s, is SQLite's
    // busy timeout's order too, but here the wait for the lock counts in it).
    const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } }) as unknown as PrismaClient;
    postgresClients.add(client);
    return client;
  }
  let connection: Database.Database | undefined;
  let transactions: TransactionTurns | undefined;
  // timeout = SQLite busy timeout (ms): writers wait for the lock instead of failing.
  const adapter = new ImmediateTransactions({ url: databaseUrl, timeout: SQLITE_BUSY_TIMEOUT_MS }, (opened, turns) => {
    connection = opened;
    transactions = turns;
  });
  // A transaction waits for the write lock as long as SQLite's busy timeout allows, not Prisma's
  // default 2 s, which a burst of writers on a busy machine exceeds.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
  sqliteConnections.set(client, { current: () => connection, transactions: () => transactions, connect: () => client.$connect() });
  return client;
}

/**
 * The better-sqlite3 connection a client's adapter holds (connecting the client if needed), for
 * the statement runner of sql.ts; undefined for a transaction's client or another database.
 * Statements run on it directly behave as Prisma's own statements outside a transaction do.
 */
export async function sqliteConnectionOf(client: DbTx): Promise<Database.Database | undefined> {
  const sqlite = sqliteConnections.get(client);
  if (!sqlite) return undefined;
  if (!sqlite.current()?.open) await sqlite.connect();
  return sqlite.current();
}

/** Runs a write straight on a client's connection (sql.ts), outside any transaction, once no
 * interactive transaction is open on it (see ImmediateTransactions). */
export async function outsideTransactions<T>(client: DbTx, write: () => T): Promise<T> {
  const transactions = sqliteConnections.get(client)?.transactions();
  return transactions ? transactions.outside(write) : write();
}

/** The group-commit writer on a client's SQLite connection (group-commit.ts); undefined for a
 * transaction's client or another database. */
export async function groupCommitWriterOf(client: DbTx): Promise<GroupCommitWriter | undefined> {
  const sqlite = sqliteConnections.get(client);
  const connection = await sqliteConnectionOf(client);
  if (!sqlite || !connection) return undefined;
  if (sqlite.writer?.connection !== connection)
    sqlite.writer = new GroupCommitWriter(connection, (write) => outsideTransactions(client, write));
  return sqlite.writer;
}

/**
 * A date as the driver adapter stores it (its default `iso8601` format), for the rare statement
 * that passes dates inside a JSON text rather than as bound values: the rows it writes must
 * compare equal to those Prisma writes.
 */
export function storedDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A write refused by a unique index (P2002): services turn it into a FormError. A raw statement's
 * refusal is a P2010 carrying the database's own message (SQLite's, then PostgreSQL's). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  return error.code === "P2010" && (error.message.includes("UNIQUE constraint failed") || error.message.includes("23505"));
}

let client: PrismaClient | undefined;

/** The one Prisma client of the process, on config().databaseUrl. Only services import it. */
export function db(): PrismaClient {
  client ??= createDb(config().databaseUrl);
  return client;
}

/** WAL lets readers go on while one writer commits. Each commit is on the disk (fsync of the log)
 * before it is acknowledged, so that it survives a power cut, not only a crash of the process: SQLite's
 * NORMAL sync does not wait for the disk at the commit, on the event loop; the writer's caller
 * awaits WalSync's fsync instead, in the thread pool and shared by the commits of the moment
 * (docs/operations.md). The page cache
 * (64 MiB instead of SQLite's 2 MiB) and memory-mapped reads keep the indexes of a national-size
 * database in memory, instead of a read() system call per page. */
export async function tuneSqlite(prisma: PrismaClient = db()): Promise<void> {
  if (postgresClients.has(prisma)) return;
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  for (const pragma of SQLITE_CONNECTION_PRAGMAS) await prisma.$queryRawUnsafe(`PRAGMA ${pragma}`);
  await prisma.$queryRawUnsafe("PRAGMA cache_size = -65536");
  await prisma.$queryRawUnsafe("PRAGMA mmap_size = 268435456");
}

/**
 * Refreshes the query planner's statistics where they are missing or stale (SQLite's advice for a
 * long-lived connection: over every table when the server starts, then now and then). Without them SQLite
 * guesses: it read a whole week of the programme's lessons to find one school's, instead of
 * starting from the school's enrolments.
 */
export async function optimizeSqlite(scope: "ALL_TABLES" | "RECENT" = "RECENT", prisma: PrismaClient = db()): Promise<void> {
  // PostgreSQL's autovacuum keeps its statistics; ANALYZE once at start, as SQLite does.
  if (postgresClients.has(prisma)) {
    if (scope === "ALL_TABLES") await prisma.$executeRawUnsafe("ANALYZE");
    return;
  }
  await prisma.$queryRawUnsafe(scope === "ALL_TABLES" ? "PRAGMA optimize = 0x10002" : "PRAGMA optimize");
}

export async function disconnectDb(): Promise<void> {
  if (client) {
    await sqliteConnections.get(client)?.writer?.close();
    await client.$disconnect();
  }
  client = undefined;
}
