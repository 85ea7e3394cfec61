// The server killed outright (SIGKILL: no shutdown code runs, as in a crash) in the middle of a
// burst of writes: the database it leaves is sound and holds every write it acknowledged, and
// each write is all there or not there at all (the lesson and its audit event together).
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PASSWORD } from "../helpers/factories.ts";
import { signedInClients, startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { attendanceFixture, type AttendanceUpdate } from "./attendance-fixture.ts";

const CLIENTS = 8;
/** More than the burst can send before the kill. */
const UPDATES_PER_CLIENT = 400;
/** The kill comes after this many acknowledged writes, or this long into the burst. */
const KILL_AFTER_ACKS = 150;
const KILL_AFTER_MS = 3000;

let server: ServerProcess | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
});

describe.skipIf(!process.env.DATABASE_URL?.startsWith("file:"))("a crash during writes (SQLite)", () => {
  it("SIGKILL — mid-burst of attendance writes — integrity ok, every acknowledged write stored, none half-stored", async () => {
    const { accounts } = await attendanceFixture(CLIENTS, UPDATES_PER_CLIENT);
    server = await startServerProcess();
    const clients = await signedInClients(server.base, accounts, PASSWORD);

    const acknowledged: AttendanceUpdate[] = [];
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      server!.child.kill("SIGKILL");
    };
    const timer = setTimeout(kill, KILL_AFTER_MS);
    await Promise.all(
      accounts.map(async (account, c) => {
        for (const update of account.updates) {
          let status: number;
          try {
            status = (await clients[c]!.post(`/lessons/${update.lessonId}/attendance`, update.form)).status;
          } catch {
            return; // the connection died with the server: not acknowledged
          }
          if (status !== 303) throw new Error(`an attendance write answered ${status}`);
          acknowledged.push(update);
          if (acknowledged.length >= KILL_AFTER_ACKS) kill();
        }
      }),
    );
    clearTimeout(timer);
    expect(killed).toBe(true);
    expect(await server.exited).toBeNull(); // killed by the signal, not exited
    expect(acknowledged.length).toBeGreaterThan(0);

    // A new connection, as the next start would open it (it replays the write-ahead log).
    const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      expect(sqlite.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
      const updates = accounts.flatMap((account) => account.updates);
      const ids = JSON.stringify(updates.map((update) => update.lessonId));
      const rows = sqlite
        .prepare<[string], { id: string; attendance: string; lateMin: number | null; events: number }>(
          `SELECT l."id", l."attendance", l."lateMin",
             (SELECT COUNT(*) FROM "AuditEvent" a WHERE a."entity" = 'Lesson' AND a."entityId" = l."id") AS events
           FROM "Lesson" l WHERE l."id" IN (SELECT value FROM json_each(?))`,
        )
        .all(ids);
      expect(rows).toHaveLength(updates.length);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const lost = acknowledged.filter((u) => {
        const row = byId.get(u.lessonId);
        return row?.attendance !== u.attendance || row.lateMin !== u.lateMin || row.events !== 1;
      });
      expect(lost).toEqual([]);
      // Stored writes = acknowledged ones, plus at most those in flight at the kill (one per client).
      const stored = rows.filter((row) => row.attendance !== "SCHEDULED");
      expect(rows.filter((row) => (row.attendance === "SCHEDULED" ? row.events !== 0 : row.events !== 1))).toEqual([]);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(stored.length).toBeLessThanOrEqual(acknowledged.length + CLIENTS);
      console.log(`[durability] killed after ${acknowledged.length} acknowledged writes; ${stored.length} stored`);
    } finally {
      sqlite.close();
    }
  }, 120_000);
});
