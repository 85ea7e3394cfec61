import Database from "better-sqlite3";
import { prepared } from "./statements.ts";

type Pending = { sql: string; values: unknown[]; resolve: () => void; reject: (error: Error) => void };

/** Runs `write` once no interactive transaction is open on the connection (client.ts). */
export type OutsideTransactions = (write: () => void) => Promise<void>;

/**
 * Statements that need no transaction of their caller's (the audit event of a page view),
 * committed together: every request's statement posted during one turn of the event loop shares
 * one transaction, run when the turn ends (setImmediate), hence one commit and one wait for the
 * disk (WalSync, through `outside`). A statement is acknowledged once it is on the disk: the
 * caller's response waits for it.
 *
 * The batch runs on the process's own connection on purpose. A commit made by another connection
 * (a worker thread's, tried first) empties this connection's page cache at its next read, and the
 * following reads go back to the operating system: every page then cost several times its queries.
 */
export class GroupCommitWriter {
  readonly connection: Database.Database;
  readonly #outside: OutsideTransactions;
  readonly #transaction: Database.Transaction<(batch: Pending[]) => void>;
  #queued: Pending[] = [];
  #flushing: Promise<void> | undefined;

  constructor(connection: Database.Database, outside: OutsideTransactions) {
    this.connection = connection;
    this.#outside = outside;
    this.#transaction = connection.transaction((batch: Pending[]) => {
      for (const { sql, values } of batch) prepared(connection, sql).run(...values);
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

  /** Statements posted while the batch waits for an open transaction join it. Each caller hears
   * of its statement once the batch is on the disk. */
  async #flush(): Promise<void> {
    const taken: { batch?: Pending[]; failures?: (Error | undefined)[] } = {};
    try {
      await this.#outside(() => {
        taken.batch = this.#take();
        taken.failures = this.#commit(taken.batch);
      });
    } catch (error) {
      // The wait for the disk failed (or, before the batch ran, the wait for its turn): no caller
      // of this batch may hear that its statement is stored.
      taken.batch ??= this.#take();
      taken.failures = taken.batch.map(() => asError(error));
    }
    taken.batch?.forEach((pending, index) => {
      const failure = taken.failures?.[index];
      if (failure) pending.reject(failure);
      else pending.resolve();
    });
  }

  #take(): Pending[] {
    const batch = this.#queued;
    this.#queued = [];
    this.#flushing = undefined;
    return batch;
  }

  /** Commits the batch; returns each statement's failure. A database that stayed locked past the
   * busy timeout (another process writing) fails every statement; any other failure belongs to
   * one statement: each is then run alone, so that only its caller hears of it. */
  #commit(batch: Pending[]): (Error | undefined)[] {
    try {
      this.#transaction.immediate(batch);
      return batch.map(() => undefined);
    } catch (error) {
      if (batch.length === 1 || isBusy(error)) return batch.map(() => asError(error));
      return batch.map((pending) => {
        try {
          this.#transaction.immediate([pending]);
          return undefined;
        } catch (alone) {
          return asError(alone);
        }
      });
    }
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
