// WalSync: a write's caller awaits an fsync of the write-ahead log, off the event loop; callers
// that arrive while one runs share the next; a failure reaches the callers it covered; without a
// log (not WAL mode) nothing is synced, and the database file itself is never opened.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WalSync } from "../../src/db/wal-sync.ts";

function databaseWithLog(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "spid-wal-sync-")), "spid.db");
  writeFileSync(file, "");
  writeFileSync(`${file}-wal`, "");
  return file;
}

/** An fsync that completes when the test says so, counting its calls. */
function controlledFsync() {
  const pending: ((error: Error | null) => void)[] = [];
  return {
    fsync: (_descriptor: number, done: (error: Error | null) => void) => void pending.push(done),
    calls: () => pending.length,
    complete: (index: number, error: Error | null = null) => pending[index]!(error),
  };
}

const settledYet = async (promise: Promise<void>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe("WAL sync", () => {
  it("durable — on a real log — resolves once fsynced", async () => {
    const log = new WalSync(databaseWithLog());
    await expect(log.durable()).resolves.toBeUndefined();
    log.close();
  });

  it("durable — callers arriving while an fsync runs — wait for the next one, which they share", async () => {
    const disk = controlledFsync();
    const log = new WalSync(databaseWithLog(), disk.fsync);
    const first = log.durable();
    const second = log.durable();
    const third = log.durable();
    expect(disk.calls()).toBe(1);
    disk.complete(0);
    await first;
    expect(await settledYet(second)).toBe(false);
    expect(disk.calls()).toBe(2);
    disk.complete(1);
    await Promise.all([second, third]);
    expect(disk.calls()).toBe(2);
  });

  it("durable — the fsync fails — its callers are rejected, the next callers get a new fsync", async () => {
    const disk = controlledFsync();
    const log = new WalSync(databaseWithLog(), disk.fsync);
    const failed = log.durable();
    disk.complete(0, new Error("EIO"));
    await expect(failed).rejects.toThrow("EIO");
    const next = log.durable();
    expect(disk.calls()).toBe(2);
    disk.complete(1);
    await expect(next).resolves.toBeUndefined();
  });

  it("durable — no log beside the database (not in WAL mode) — resolves without any fsync", async () => {
    const disk = controlledFsync();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "spid-wal-sync-")), "spid.db");
    writeFileSync(file, "");
    await new WalSync(file, disk.fsync).durable();
    expect(disk.calls()).toBe(0);
  });
});
