import { closeSync, existsSync, fsync, openSync } from "node:fs";

type Waiters = { resolve: () => void; reject: (error: Error) => void }[];
/** node:fs's fsync; a test passes its own to see how calls are shared. */
type Fsync = (descriptor: number, done: (error: Error | null) => void) => void;

/**
 * Durable commits without holding the event loop. SQLite runs with `synchronous = NORMAL`: a
 * commit writes its pages to the write-ahead log but does not wait for the disk (better-sqlite3
 * would wait on the event loop, holding every other request for an fsync). The caller of a write
 * then awaits `durable()`: an fsync of the log in libuv's thread pool, after which the commit
 * survives a power cut, as with `FULL`. Callers that arrive while an fsync runs share the next one
 * (theirs may have been written after the running one began): under load, one fsync covers many
 * commits (group commit).
 */
export class WalSync {
  readonly #logFile: string;
  #descriptor: number | undefined;
  #running = false;
  #waiting: Waiters = [];
  /** A descriptor closed while its fsync ran: closed once it ends. */
  #closeAfterSync = false;

  readonly #fsync: Fsync;

  constructor(databaseFile: string, sync: Fsync = fsync) {
    this.#fsync = sync;
    this.#logFile = `${databaseFile}-wal`;
  }

  /** Resolves once everything written to the log before the call is on the disk. */
  durable(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (!this.#running) this.#sync();
    });
  }

  /** Closes the log's descriptor (the connection is closing); a later call opens it again. */
  close(): void {
    if (this.#descriptor === undefined) return;
    if (this.#running) {
      this.#closeAfterSync = true;
      return;
    }
    closeSync(this.#descriptor);
    this.#descriptor = undefined;
  }

  #sync(): void {
    const waiters = this.#waiting;
    this.#waiting = [];
    this.#running = true;
    const settled = (error: Error | null) => {
      this.#running = false;
      if (this.#closeAfterSync && this.#descriptor !== undefined) {
        this.#closeAfterSync = false;
        closeSync(this.#descriptor);
        this.#descriptor = undefined;
      }
      for (const waiter of waiters) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
      if (this.#waiting.length > 0) this.#sync();
    };
    let descriptor: number | undefined;
    try {
      descriptor = this.#logDescriptor();
    } catch (error) {
      settled(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Without a log the database is not in WAL mode, and SQLite syncs its own journal. Never the
    // database file itself: closing any descriptor of it would drop SQLite's locks on it.
    if (descriptor === undefined) settled(null);
    else this.#fsync(descriptor, settled);
  }

  /** fsync through any descriptor of a file flushes it. The log exists once the connection has
   * opened the database in WAL mode, and lives as long as the connection. */
  #logDescriptor(): number | undefined {
    if (this.#descriptor === undefined && existsSync(this.#logFile)) this.#descriptor = openSync(this.#logFile, "r");
    return this.#descriptor;
  }
}
