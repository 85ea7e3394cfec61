// The idle timeout without a database write per request: the session row and its cookie get a new
// expiry at most once a minute.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeUser, PASSWORD, testDb } from "../helpers/factories.ts";

const MINUTE = 60 * 1000;

async function sessionRowOf(userId: string) {
  const rows = await testDb.session.findMany({ where: { data: { contains: userId } } });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Makes the session look last saved `ms` ago: both its row and its stored cookie expire earlier. */
async function ageSession(userId: string, ms: number) {
  const row = await sessionRowOf(userId);
  const data = JSON.parse(row.data) as { cookie: { expires: string } };
  const expiresAt = new Date(row.expiresAt.getTime() - ms);
  data.cookie.expires = expiresAt.toISOString();
  await testDb.session.update({ where: { sid: row.sid }, data: { expiresAt, data: JSON.stringify(data) } });
  return expiresAt;
}

function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const lines = response.headers["set-cookie"];
  return (Array.isArray(lines) ? lines.map(String) : []).find((line) => line.startsWith("spid.sid=")) ?? "";
}

describe("session expiry", () => {
  it("session — two requests within a minute of sign-in — leave the row's expiry unwritten", async () => {
    const user = await makeUser("ADMIN");
    const { agent } = await signedIn(user.email, PASSWORD);
    const before = await sessionRowOf(user.id);

    const first = await agent.get("/");
    const second = await agent.get("/");

    expect([first.status, second.status]).toEqual([200, 200]);
    const after = await sessionRowOf(user.id);
    expect(after.expiresAt.getTime()).toBe(before.expiresAt.getTime());
    expect(after.data).toBe(before.data);
    expect(sessionCookie(second)).toBe("");
  });

  it("session — two requests, the session last saved 5 minutes ago — the first renews the row and cookie, the second writes nothing", async () => {
    const user = await makeUser("ADMIN");
    const { agent } = await signedIn(user.email, PASSWORD);
    const aged = await ageSession(user.id, 5 * MINUTE);

    const first = await agent.get("/");
    const renewed = await sessionRowOf(user.id);
    const second = await agent.get("/");
    const after = await sessionRowOf(user.id);

    expect(renewed.expiresAt.getTime()).toBeGreaterThan(aged.getTime() + 4 * MINUTE);
    expect(Math.abs(renewed.expiresAt.getTime() - (Date.now() + 30 * MINUTE))).toBeLessThan(MINUTE);
    const cookieExpires = Date.parse(/Expires=([^;]+)/i.exec(sessionCookie(first))?.[1] ?? "");
    expect(Math.abs(cookieExpires - renewed.expiresAt.getTime())).toBeLessThan(2000);
    expect(after.expiresAt.getTime()).toBe(renewed.expiresAt.getTime());
    expect(sessionCookie(second)).toBe("");
  });

  it("session — idle past its stored expiry — is gone: the next request goes to /login", async () => {
    const user = await makeUser("ADMIN");
    const { agent } = await signedIn(user.email, PASSWORD);
    await ageSession(user.id, 30 * MINUTE + 1000);

    const response = await agent.get("/");

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/login");
    expect(await testDb.session.count({ where: { data: { contains: user.id } } })).toBe(0);
  });
});
