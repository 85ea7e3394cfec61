// One-shot messages travel in their own encrypted cookie: a form's POST writes no session row, its
// message shows once on the next page (not on a redirect, not to someone else), then goes.
import { describe, expect, it } from "vitest";
import { anonymous, signedIn, type Agent, withReferencesDecoded } from "../helpers/app.ts";
import { hashActivationCode } from "../../src/auth/activation-codes.ts";
import { makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson } from "../helpers/school-factories.ts";

const FLASH = /<div class="flash" role="status">([^<]*)<\/div>/;

async function sessionRowOf(userId: string) {
  const rows = await testDb.session.findMany({ where: { data: { contains: userId } }, select: { sid: true, data: true, expiresAt: true } });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

function setCookieLines(response: { headers: Record<string, unknown> }): string[] {
  const lines = response.headers["set-cookie"];
  return Array.isArray(lines) ? lines.map(String) : [];
}

function flashCookieLine(response: { headers: Record<string, unknown> }): string | undefined {
  return setCookieLines(response).find((line) => line.startsWith("spid.flash="));
}

async function schoolWithPastLesson() {
  const world = await makeWorld();
  const lesson = await makeLesson(world.home.enrolment.id, {
    startsAt: new Date(Date.now() - 3 * DAY),
    instructorId: world.home.schoolUser.id,
  });
  const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
  return { world, lesson, agent, csrf };
}

function recordPresent(agent: Agent, lessonId: string, csrf: string, returnTo?: string) {
  return agent
    .post(`/lessons/${lessonId}/attendance`)
    .type("form")
    .send({ attendance: "PRESENT", _csrf: csrf, ...(returnTo ? { returnTo } : {}) });
}

describe("one-shot messages", () => {
  it("attendance form — the POST leaves the session row as it was; its message shows on the next page, then no more", async () => {
    const { world, lesson, agent, csrf } = await schoolWithPastLesson();
    const before = await sessionRowOf(world.home.schoolUser.id);

    const post = await recordPresent(agent, lesson.id, csrf);

    expect(post.status).toBe(303);
    expect(post.headers.location).toBe(`/lessons/${lesson.id}`);
    expect(flashCookieLine(post)).toMatch(/^spid\.flash=[A-Za-z0-9_-]+; Max-Age=120; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(setCookieLines(post).some((line) => line.startsWith("spid.sid="))).toBe(false);
    expect(flashCookieLine(post)).not.toContain(world.home.youth.lastName);
    const next = await agent.get(`/lessons/${lesson.id}`);
    expect(FLASH.exec(withReferencesDecoded(next.text))?.[1]).toContain(
      `Présent·e — ${world.home.youth.firstName} ${world.home.youth.lastName}`,
    );
    expect(flashCookieLine(next)).toMatch(/^spid\.flash=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const after = await agent.get(`/lessons/${lesson.id}`);
    expect(after.text).not.toMatch(FLASH);
    expect(flashCookieLine(after)).toBeUndefined();
    expect(await sessionRowOf(world.home.schoolUser.id)).toEqual(before);
  });

  it("attendance tap with its undo — no session write either; the change shows on its card once", async () => {
    const { world, lesson, agent, csrf } = await schoolWithPastLesson();
    const before = await sessionRowOf(world.home.schoolUser.id);

    await recordPresent(agent, lesson.id, csrf, "/");
    const home = await agent.get("/");
    const again = await agent.get("/");

    expect(home.text).toContain("Annuler ce changement");
    expect(home.text).toContain('name="attendance" value="SCHEDULED"');
    expect(again.text).not.toContain("Annuler ce changement");
    expect(await sessionRowOf(world.home.schoolUser.id)).toEqual(before);
  });

  it("another form (notifications all read) — no session write; the message on the next page only", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    const before = await sessionRowOf(user.id);

    const post = await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });
    const next = await agent.get("/notifications");
    const after = await agent.get("/notifications");

    expect(post.status).toBe(303);
    expect(FLASH.exec(next.text)?.[1]).toBe("Aucune notification non lue.");
    expect(after.text).not.toMatch(FLASH);
    expect(await sessionRowOf(user.id)).toEqual(before);
  });

  it("a redirect between the form and the page — the message waits for the page", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });

    const redirect = await agent.get("/login");
    const page = await agent.get("/notifications");

    expect(redirect.status).toBe(302);
    expect(flashCookieLine(redirect)).toBeUndefined();
    expect(FLASH.exec(page.text)?.[1]).toBe("Aucune notification non lue.");
  });

  it("the cookie of someone else's message — not shown, cleared", async () => {
    const first = await makeUser("ADMIN");
    const second = await makeUser("ADMIN");
    const a = await signedIn(first.email, PASSWORD);
    const b = await signedIn(second.email, PASSWORD);
    const post = await a.agent.post("/notifications/read-all").type("form").send({ _csrf: a.csrf });
    b.agent.jar.setCookie(flashCookieLine(post)!, "127.0.0.1", "/");

    const page = await b.agent.get("/notifications");

    expect(page.text).not.toMatch(FLASH);
    expect(flashCookieLine(page)).toMatch(/^spid\.flash=;/);
  });

  it("a tampered or garbage cookie — ignored and cleared, the page answers 200", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    const post = await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });
    const token = /^spid\.flash=([^;]+)/.exec(flashCookieLine(post)!)![1]!;
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;

    for (const value of [tampered, "not-a-message", "%E0%A4%A"]) {
      agent.jar.setCookie(`spid.flash=${value}; Path=/`, "127.0.0.1", "/");
      const page = await agent.get("/notifications");
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(FLASH);
      expect(flashCookieLine(page)).toMatch(/^spid\.flash=;/);
    }
  });

  it("a form posted with a garbage cookie — one Set-Cookie for it: the new message, not a clear beside it", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    agent.jar.setCookie("spid.flash=garbage; Path=/", "127.0.0.1", "/");

    const post = await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });
    const page = await agent.get("/notifications");

    expect(setCookieLines(post).filter((line) => line.startsWith("spid.flash="))).toEqual([
      expect.stringMatching(/^spid\.flash=[A-Za-z0-9_-]+;/),
    ]);
    expect(FLASH.exec(page.text)?.[1]).toBe("Aucune notification non lue.");
  });

  it("sign-out — clears the cookie with the session's", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });

    const out = await agent.post("/logout").type("form").send({ _csrf: csrf });

    expect(out.status).toBe(303);
    expect(flashCookieLine(out)).toMatch(/^spid\.flash=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(setCookieLines(out).some((line) => line.startsWith("spid.sid=;"))).toBe(true);
  });

  it("signed out — the activation's message (for no one) reaches the sign-in page", async () => {
    const user = await makeUser("EVALUATOR", {}, { withPassword: false });
    const code = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ3";
    await testDb.activationCode.create({
      data: { userId: user.id, codeHash: hashActivationCode(code), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const { agent, csrf } = await anonymous();
    const password = "une phrase de passe assez longue";

    const post = await agent.post("/activate").type("form").send({ code, password, passwordConfirmation: password, _csrf: csrf });
    const login = await agent.get("/login");

    expect(post.status).toBe(303);
    expect(FLASH.exec(login.text)?.[1]).toBe("Votre compte est activé. Connectez-vous avec votre nouveau mot de passe.");
  });
});
