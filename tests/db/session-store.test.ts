import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { SessionData } from "express-session";
import { DatabaseSessionStore } from "../../src/db/session-store.ts";
import { testDb } from "../helpers/factories.ts";

const MINUTE = 60_000;
const store = new DatabaseSessionStore();

function sessionExpiringIn(ms: number, extra: Record<string, unknown> = {}): SessionData {
  return { cookie: { originalMaxAge: ms, expires: new Date(Date.now() + ms), httpOnly: true, path: "/" }, ...extra } as SessionData;
}

const get = promisify<string, SessionData | null | undefined>((sid, callback) => store.get(sid, callback));
const set = promisify<string, SessionData, void>((sid, data, callback) => store.set(sid, data, callback));
const destroy = promisify<string, void>((sid, callback) => store.destroy(sid, callback));

describe("the session store", () => {
  it("session store — saved then read — gives the same data, and a second save replaces the row", async () => {
    await set("sid-a", sessionExpiringIn(30 * MINUTE, { flash: "un" }));
    await set("sid-a", sessionExpiringIn(30 * MINUTE, { flash: "deux" }));

    expect(await get("sid-a")).toMatchObject({ flash: "deux" });
    expect(await testDb.session.count({ where: { sid: "sid-a" } })).toBe(1);
  });

  it("session store — row's expiry stored as the cookie's — readable by Prisma as the same instant", async () => {
    const data = sessionExpiringIn(30 * MINUTE);
    await set("sid-b", data);

    const row = await testDb.session.findUniqueOrThrow({ where: { sid: "sid-b" } });
    expect(row.id).toBe("sid-b");
    expect(row.expiresAt.getTime()).toBe(new Date(data.cookie.expires!).getTime());
  });

  it("session store — expired row — reads as no session and is deleted", async () => {
    await set("sid-c", sessionExpiringIn(-1000));

    expect(await get("sid-c")).toBeNull();
    expect(await testDb.session.count({ where: { sid: "sid-c" } })).toBe(0);
  });

  it("session store — unknown or destroyed — reads as no session", async () => {
    await set("sid-d", sessionExpiringIn(30 * MINUTE));
    await destroy("sid-d");

    expect(await get("sid-d")).toBeNull();
    expect(await get("never-saved")).toBeNull();
  });

  it("session store — prune — deletes expired rows only", async () => {
    await set("sid-old", sessionExpiringIn(-MINUTE));
    await set("sid-live", sessionExpiringIn(MINUTE));

    expect(await store.prune()).toBeGreaterThanOrEqual(1);
    expect(await testDb.session.count({ where: { sid: "sid-old" } })).toBe(0);
    expect(await testDb.session.count({ where: { sid: "sid-live" } })).toBe(1);
  });
});
