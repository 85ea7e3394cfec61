// The group-commit writer: statements acknowledged only once committed (another connection reads
// them), those posted in one turn of the event loop share one commit, a failure reaches its
// callers only, a batch waits for an open transaction, and closing waits for what was posted.
// On SQLite only: elsewhere executeGroupCommitted runs the statement directly.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GroupCommitWriter } from "../../src/db/group-commit.ts";

const INSERT = `INSERT INTO "Trace" ("id", "label") VALUES (?, ?)`;

describe("group-commit writer", () => {
  let file: string;
  let reader: Database.Database;
  let connection: Database.Database;
  let writer: GroupCommitWriter;
  let commits: number;

  beforeEach(() => {
    file = path.join(mkdtempSync(path.join(tmpdir(), "spid-group-commit-")), "trace.db");
    reader = new Database(file);
    reader.pragma("journal_mode = WAL");
    reader.exec(`CREATE TABLE "Trace" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL)`);
    connection = new Database(file);
    commits = 0;
    writer = new GroupCommitWriter(connection, (write) => {
      commits++;
      write();
      return Promise.resolve();
    });
  });

  afterEach(async () => {
    await writer.close();
    connection.close();
    reader.close();
  });

  const labels = () => (reader.prepare(`SELECT "label" FROM "Trace" ORDER BY "id"`).all() as { label: string }[]).map((row) => row.label);

  it("acknowledges a statement once another connection can read it", async () => {
    await writer.run(INSERT, [1, "vue du dossier"]);
    expect(labels()).toEqual(["vue du dossier"]);
  });

  it("commits statements sent at once in one transaction, in the order they were sent", async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.run(INSERT, [i + 1, `vue ${i + 1}`])));
    expect(labels()).toEqual(Array.from({ length: 50 }, (_, i) => `vue ${i + 1}`));
    expect(commits).toBe(1);
  });

  it("waits for the open transaction, and the statements posted meanwhile join the batch", async () => {
    let transactionEnded!: () => void;
    const transactionOpen = new Promise<void>((resolve) => (transactionEnded = resolve));
    writer = new GroupCommitWriter(connection, async (write) => {
      await transactionOpen;
      commits++;
      write();
    });
    const first = writer.run(INSERT, [1, "avant la fin de la transaction"]);
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.run(INSERT, [2, "pendant la transaction"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(labels()).toEqual([]);
    transactionEnded();
    await Promise.all([first, second]);
    expect(labels()).toEqual(["avant la fin de la transaction", "pendant la transaction"]);
    expect(commits).toBe(1);
  });

  it("acknowledges a committed batch only once the wait for the disk is over", async () => {
    let onDisk!: () => void;
    const disk = new Promise<void>((resolve) => (onDisk = resolve));
    writer = new GroupCommitWriter(connection, async (write) => {
      write();
      await disk;
    });
    let acknowledged = false;
    const sent = writer.run(INSERT, [1, "vue du dossier"]).then(() => (acknowledged = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(labels()).toEqual(["vue du dossier"]);
    expect(acknowledged).toBe(false);
    onDisk();
    await sent;
    expect(acknowledged).toBe(true);
  });

  it("rejects a failed statement with SQLite's message, and only that one, then goes on", async () => {
    await writer.run(INSERT, [1, "première"]);
    const [before, failed, after] = await Promise.allSettled([
      writer.run(INSERT, [2, "dans le même lot, avant"]),
      writer.run(INSERT, [1, "même identifiant"]),
      writer.run(INSERT, [3, "dans le même lot, après"]),
    ]);
    expect(before.status).toBe("fulfilled");
    expect(failed.status === "rejected" && String(failed.reason)).toMatch(/UNIQUE constraint failed/);
    expect(after.status).toBe("fulfilled");
    await writer.run(INSERT, [4, "après l'échec"]);
    expect(connection.inTransaction).toBe(false);
    expect(labels()).toEqual(["première", "dans le même lot, avant", "dans le même lot, après", "après l'échec"]);
  });

  it("closes after the statements already sent are committed", async () => {
    const sent = writer.run(INSERT, [1, "envoyée avant la fermeture"]);
    await writer.close();
    await sent;
    expect(labels()).toEqual(["envoyée avant la fermeture"]);
  });
});
