import Database from "better-sqlite3";

type Pending = { sql: string; values: unknown[]; resolve: () => void; reject: (error: Error) => void };

/** Runs `write` once no interactive transaction is open on the connection (client.ts). */
export type OutsideTransactions = (write: () => void) => Promise<void>;

/**
 * Statements that need no transaction of their caller's (the audit event of a page view),
 * committed together: every request's statement posted during one turn of the event loop shares
 * one transaction, run when the turn ends (setImmediate), hence one commit.
 *
 * Every commit waits for the disk (synchronous = FULL), and better-sqlite3 commits on the thread
 * that calls it: one commit per page view held every other request for an fsync (about 1 ms, up to
 * 4 on a virtual disk). A statement is acknowledged once it is on the disk, as before: the
 * caller's response still waits for it.
 *
 * The batch runs on the process's own connection on purpose. A commit made by another connection
 * (a worker thread's, tried first) empties this connection's page cache at its next read, and the
 * following reads go back to the operating system: every page then cost several times its queries.
 */
export class GroupCommitWriter {
  readonly connection: Database.Database;
  readonly #outside: OutsideTransactions;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #transaction: Database.Transaction<(batch: Pending[]) => void>;
  #queued: Pending[] = [];
  #flushing: Promise<void> | undefined;

  constructor(connection: Database.Database, outside: OutsideTransactions) {
    this.connection = connection;
    this.#outside = outside;
    this.#transaction = connection.transaction((batch: Pending[]) => {
      for (const { sql, values } of batch) this.#prepared(sql).run(...values);
    });
  }

  run(sql: string, values: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ sql, values, resolve, reject });
      this.#flushing ??= new Promise<void>((scheduled) => setImmediate(scheduled)).then(() => this.#flush());
    });
  }

  /** Waits for the statements already posted. */
  async close(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  /** Statements posted while the batch waits for an open transaction join it. */
  async #flush(): Promise<void> {
    try {
      await this.#outside(() => {
        const batch = this.#queued;
        this.#queued = [];
        this.#flushing = undefined;
        this.#commit(batch);
      });
    } catch (error) {
      // The wait itself failed: nothing ran; the statements still queued learn it.
      const batch = this.#queued;
      this.#queued = [];
      this.#flushing = undefined;
      for (const pending of batch) pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** A database that stayed locked past the busy timeout (another process writing) fails every
   * statement; any other failure belongs to one statement: each is then run alone, so that only
   * its caller hears of it. */
  #commit(batch: Pending[]): void {
    try {
      this.#transaction.immediate(batch);
      for (const pending of batch) pending.resolve();
    } catch (error) {
      if (batch.length === 1 || isBusy(error)) {
        for (const pending of batch) pending.reject(asError(error));
        return;
      }
      for (const pending of batch) {
        try {
          this.#transaction.immediate([pending]);
          pending.resolve();
        } catch (alone) {
          pending.reject(asError(alone));
        }
      }
    }
  }

  #prepared(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.connection.prepare(sql)));
    return statement;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
