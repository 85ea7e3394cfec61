import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Batch, BatchAnswer } from "./group-commit-thread.ts";

type Waiter = { resolve: () => void; reject: (error: Error) => void };

/** The thread's module is TypeScript: the worker registers tsx first (the app runs through tsx,
 * the tests through vitest, neither of which a worker thread inherits). tsx's CommonJS hook loads
 * in about half the time of its ESM loader. */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
require(workerData.tsx).register();
require(workerData.thread);
`;
const THREAD = fileURLToPath(new URL("./group-commit-thread.ts", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx/cjs/api");

/**
 * Statements that need no transaction of their caller's (the audit event of a page view), run on
 * SQLite by a worker thread on its own connection, many requests' statements in one transaction.
 *
 * Every commit waits for the disk (synchronous = FULL), and better-sqlite3 commits on the thread
 * that calls it: on the event loop, each page view's audit event held every other request for the
 * length of an fsync (about 1 ms, up to 4 on a virtual disk). Here the event loop only posts the
 * statement and awaits its acknowledgement; while one batch commits, the next ones queue and
 * share the following commit (group commit). A statement is acknowledged once it is on the disk,
 * as before: the caller's response still waits for it.
 */
export class GroupCommitWriter {
  readonly #file: string;
  #worker: Worker | undefined;
  #queued: Batch = [];
  #queuedWaiters: Waiter[] = [];
  #inFlight: Waiter[] | undefined;
  #drainWaiters: (() => void)[] = [];

  constructor(file: string) {
    this.#file = file;
  }

  run(sql: string, values: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ sql, values });
      this.#queuedWaiters.push({ resolve, reject });
      if (!this.#inFlight) this.#sendQueued();
    });
  }

  /** Starts the thread now rather than on the first statement (it takes about half a second to
   * load): a server calls it as it starts. */
  start(): void {
    this.#started();
  }

  /** Waits for the statements already sent, then stops the thread. */
  async close(): Promise<void> {
    if (this.#inFlight) await new Promise<void>((resolve) => this.#drainWaiters.push(resolve));
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #sendQueued(): void {
    if (this.#queued.length === 0) {
      for (const drained of this.#drainWaiters.splice(0)) drained();
      return;
    }
    const worker = this.#started();
    this.#inFlight = this.#queuedWaiters;
    worker.postMessage(this.#queued);
    this.#queued = [];
    this.#queuedWaiters = [];
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: TSX, thread: THREAD, file: this.#file } });
    // Never the reason the process stays up: a server waits for its responses, which wait for this.
    worker.unref();
    worker.on("message", (answer: BatchAnswer) => this.#settle((index) => (answer[index] ? new Error(answer[index]) : undefined)));
    worker.on("error", (error) => this.#stopped(worker, error));
    worker.on("exit", (code) => this.#stopped(worker, new Error(`the group-commit thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #settle(errorOf: (index: number) => Error | undefined): void {
    const waiters = this.#inFlight ?? [];
    this.#inFlight = undefined;
    waiters.forEach((waiter, index) => {
      const error = errorOf(index);
      if (error) waiter.reject(error);
      else waiter.resolve();
    });
    this.#sendQueued();
  }

  /** A thread that failed loses its batch (rolled back by SQLite); the next batch starts a new one. */
  #stopped(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    this.#settle(() => error);
  }
}
