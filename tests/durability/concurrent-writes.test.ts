// Many clients writing at once through the real server, over loopback: every write acknowledged
// is stored exactly once — no update lost to another's transaction, no audit event doubled.
// SQLite: on a copy in memory-backed storage (/dev/shm), so that the test is about concurrency,
// not the disk's fsync (4 000 of them take minutes on a loaded machine; the kill test and the
// `synchronous` setting are about the disk).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { PASSWORD, testDb } from "../helpers/factories.ts";
import { signedInClients, startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { attendanceFixture } from "./attendance-fixture.ts";

const CLIENTS = 20;
const UPDATES_PER_CLIENT = 200;

let server: ServerProcess | undefined;
let folder: string | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The test file's SQLite database copied into memory-backed storage; PostgreSQL's as it is. */
async function databaseForTheBurst(): Promise<string> {
  const url = process.env.DATABASE_URL!;
  if (!url.startsWith("file:")) return url;
  folder = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "spid-concurrent-"));
  const copy = path.join(folder, "spid.db");
  const source = new Database(url.replace(/^file:/, ""));
  await source.backup(copy);
  source.close();
  return `file:${copy}`;
}

describe("concurrent writes", () => {
  it("attendance — 20 clients × 200 updates at once, two server processes — every one stored once, audited once", async () => {
    const { schoolId, accounts } = await attendanceFixture(CLIENTS, UPDATES_PER_CLIENT);
    const databaseUrl = await databaseForTheBurst();
    const stored = databaseUrl === process.env.DATABASE_URL ? testDb : createDb(databaseUrl);
    server = await startServerProcess({ WEB_CONCURRENCY: "2", DATABASE_URL: databaseUrl });
    const clients = await signedInClients(server.base, accounts, PASSWORD);

    const started = Date.now();
    const statuses = await Promise.all(
      accounts.map(async (account, c) => {
        const seen: number[] = [];
        for (const update of account.updates)
          seen.push((await clients[c]!.post(`/lessons/${update.lessonId}/attendance`, update.form)).status);
        return seen;
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`[durability] ${CLIENTS * UPDATES_PER_CLIENT} attendance updates by ${CLIENTS} clients in ${seconds.toFixed(1)} s`);
    expect(statuses.flat()).toEqual(Array(CLIENTS * UPDATES_PER_CLIENT).fill(303));

    const updates = accounts.flatMap((account) => account.updates);
    const lessons = await stored.lesson.findMany({
      where: { enrolment: { drivingSchoolId: schoolId } },
      select: { id: true, attendance: true, lateMin: true },
    });
    expect(lessons).toHaveLength(updates.length);
    const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
    const wrong = updates.filter((u) => byId.get(u.lessonId)?.attendance !== u.attendance || byId.get(u.lessonId)?.lateMin !== u.lateMin);
    expect(wrong).toEqual([]);
    // What an attendance update writes besides the lesson: one audit event (its confirmation is a cookie).
    const events = await stored.auditEvent.findMany({
      where: { actorId: { in: accounts.map((account) => account.userId) }, entity: "Lesson" },
      select: { action: true, entityId: true },
    });
    expect(events).toHaveLength(updates.length);
    expect(events.filter((event) => event.action !== "LESSON_ATTENDANCE_RECORDED")).toEqual([]);
    expect(new Set(events.map((event) => event.entityId))).toEqual(new Set(byId.keys()));

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    if (stored !== testDb) await stored.$disconnect();
  }, 300_000);
});
