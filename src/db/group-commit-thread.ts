// The group-commit thread (see group-commit.ts): its own connection to the SQLite file; each
// message is a batch of statements, run in one transaction, then acknowledged.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_CONNECTION_PRAGMAS } from "./sqlite-pragmas.ts";

export type Batch = { sql: string; values: unknown[] }[];
/** One entry per statement of the batch: null when committed, else the database's message. */
export type BatchAnswer = (string | null)[];

const { file } = workerData as { file: string };
const connection = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
for (const pragma of SQLITE_CONNECTION_PRAGMAS) connection.pragma(pragma);

const statements = new Map<string, Database.Statement>();
const runBatch = connection.transaction((batch: Batch) => {
  for (const { sql, values } of batch) {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    statement.run(...values);
  }
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A database that stayed locked past the busy timeout fails every statement; any other failure
 * belongs to one statement: each is then run alone, so that only its caller hears of it. */
function answerOf(batch: Batch): BatchAnswer {
  try {
    runBatch.immediate(batch);
    return batch.map(() => null);
  } catch (error) {
    if (batch.length === 1 || (error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY")))
      return batch.map(() => messageOf(error));
    return batch.map((statement) => {
      try {
        runBatch.immediate([statement]);
        return null;
      } catch (alone) {
        return messageOf(alone);
      }
    });
  }
}

parentPort?.on("message", (batch: Batch) => parentPort?.postMessage(answerOf(batch)));
