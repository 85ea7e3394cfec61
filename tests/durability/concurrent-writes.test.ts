// Many clients writing at once through the real server, over loopback: every write acknowledged
// is stored exactly once — no update lost to another's transaction, no audit event doubled.
import { afterAll, describe, expect, it } from "vitest";
import { PASSWORD, testDb } from "../helpers/factories.ts";
import { signedInClients, startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { attendanceFixture } from "./attendance-fixture.ts";

const CLIENTS = 20;
const UPDATES_PER_CLIENT = 200;

let server: ServerProcess | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
});

describe("concurrent writes", () => {
  it("attendance — 20 clients × 200 updates at once, two server processes — every one stored once, audited once", async () => {
    const { schoolId, accounts } = await attendanceFixture(CLIENTS, UPDATES_PER_CLIENT);
    server = await startServerProcess({ WEB_CONCURRENCY: "2" });
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
    const lessons = await testDb.lesson.findMany({
      where: { enrolment: { drivingSchoolId: schoolId } },
      select: { id: true, attendance: true, lateMin: true },
    });
    expect(lessons).toHaveLength(updates.length);
    const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
    const wrong = updates.filter((u) => byId.get(u.lessonId)?.attendance !== u.attendance || byId.get(u.lessonId)?.lateMin !== u.lateMin);
    expect(wrong).toEqual([]);
    // What an attendance update writes besides the lesson: one audit event (the session's flash aside).
    const events = await testDb.auditEvent.findMany({
      where: { actorId: { in: accounts.map((account) => account.userId) }, entity: "Lesson" },
      select: { action: true, entityId: true },
    });
    expect(events).toHaveLength(updates.length);
    expect(events.filter((event) => event.action !== "LESSON_ATTENDANCE_RECORDED")).toEqual([]);
    expect(new Set(events.map((event) => event.entityId))).toEqual(new Set(byId.keys()));

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 300_000);
});
