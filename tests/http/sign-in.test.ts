import { describe, expect, it } from "vitest";
import { anonymous, csrfFrom, freshApp, signedIn, testApp } from "../helpers/app.ts";
import { makeMissionLocale, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import request from "supertest";

/** The Set-Cookie line of one cookie ("" when the response does not set it). */
function setCookie(response: { headers: Record<string, unknown> }, name: string): string {
  const lines = response.headers["set-cookie"];
  return (Array.isArray(lines) ? lines.map(String) : []).find((line) => line.startsWith(`${name}=`)) ?? "";
}

describe("POST /login", () => {
  it("sign-in form — its _csrf token — 256 random bits as 64 hex characters, the same on the session's next page", async () => {
    const { agent, csrf } = await anonymous();
    expect(csrf).toMatch(/^[0-9a-f]{64}$/);
    expect(csrfFrom((await agent.get("/login")).text)).toBe(csrf);
  });

  it("sign-in — right e-mail and password — redirects 303 to the home and rotates an HttpOnly session cookie", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await anonymous();
    const before = (await agent.get("/login")).headers["set-cookie"];
    const response = await agent.post("/login").type("form").send({ email: user.email.toUpperCase(), password: PASSWORD, _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/");
    const cookie = setCookie(response, "spid.sid");
    expect(cookie).toMatch(/spid\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Idle timeout: the cookie lives 30 minutes and is renewed with the session row (at most once a minute).
    const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)?.[1] ?? "");
    expect(Math.abs(expires - (Date.now() + 30 * 60 * 1000))).toBeLessThan(60_000);
    expect(cookie).not.toBe(String(before));
    const home = await agent.get("/");
    expect(home.status).toBe(200);
    expect(home.headers["cache-control"]).toBe("no-store");
  });

  it("sign-in — the session id — changes at sign-in", async () => {
    const user = await makeUser("ADMIN");
    const agent = request.agent(testApp());
    const page = await agent.get("/login");
    const sidBefore = /spid\.sid=([^;]+)/.exec(String(page.headers["set-cookie"]))?.[1];
    const response = await agent
      .post("/login")
      .type("form")
      .send({ email: user.email, password: PASSWORD, _csrf: csrfFrom(page.text) });
    const sidAfter = /spid\.sid=([^;]+)/.exec(String(response.headers["set-cookie"]))?.[1];
    expect(sidBefore).toBeTruthy();
    expect(sidAfter).toBeTruthy();
    expect(sidAfter).not.toBe(sidBefore);
  });

  it("sign-in — a youth's reference instead of an e-mail — signs in to /me", async () => {
    const missionLocale = await makeMissionLocale();
    const youth = await makeYouth(missionLocale.id);
    await makeUser("YOUTH", { youthId: youth.id }, { email: null });
    const { agent, csrf } = await anonymous();
    const response = await agent.post("/login").type("form").send({ email: youth.ref.toLowerCase(), password: PASSWORD, _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/me");
  });

  it("sign-in — wrong password or unknown e-mail — 401 with the same generic message", async () => {
    const user = await makeUser("REFERENT");
    const { agent, csrf } = await anonymous(freshApp());
    const wrongPassword = await agent.post("/login").type("form").send({ email: user.email, password: "not the password", _csrf: csrf });
    const unknownEmail = await agent.post("/login").type("form").send({ email: "nobody@test.fr", password: PASSWORD, _csrf: csrf });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.text).toContain("Identifiant ou mot de passe incorrect.");
    expect(unknownEmail.text).toContain("Identifiant ou mot de passe incorrect.");
    expect(wrongPassword.text).toContain(`value="${user.email}"`);
  });

  it("sign-in — a deactivated account — 401", async () => {
    const user = await makeUser("SCHOOL");
    await testDb.user.update({ where: { id: user.id }, data: { isActive: false } });
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf });
    expect(response.status).toBe(401);
  });

  it("sign-in — without _csrf — 403", async () => {
    const user = await makeUser("ADMIN");
    const { agent } = await anonymous(freshApp());
    const response = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD });
    expect(response.status).toBe(403);
    expect(response.text).toContain("Accès refusé");
  });

  it.each([
    ["empty fields", { email: "", password: "" }, 422],
    ["a very long e-mail", { email: `${"a".repeat(5000)}@test.fr`, password: "x" }, 422],
    ["a very long password", { email: "a@test.fr", password: "x".repeat(5000) }, 422],
    ["an unknown extra field", { email: "a@test.fr", password: "x", admin: "1" }, 422],
    ["unicode", { email: "éloïse.ÿ@tést.fr", password: "mot de passe 🚗 très long" }, 401],
    ["a NUL byte", { email: "a\u0000@test.fr", password: "x" }, 401],
  ])("sign-in — %s — %i and the form again, nothing signed in", async (_label, fields, status) => {
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent
      .post("/login")
      .type("form")
      .send({ ...fields, _csrf: csrf });
    expect(response.status).toBe(status);
    expect(response.text).toContain('name="_csrf"');
    expect((await agent.get("/")).status).toBe(302);
  });

  it("sign-in — fields sent as arrays (wrong types) — 422", async () => {
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent
      .post("/login")
      .type("form")
      .send(`email=a%40test.fr&email=b%40test.fr&password=x&_csrf=${encodeURIComponent(csrf)}`);
    expect(response.status).toBe(422);
  });

  it("sign-in — the 11th failure in a row for one account — 429, even with the right password", async () => {
    const user = await makeUser("ADMIN");
    const app = freshApp();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const { agent, csrf } = await anonymous(app);
      const response = await agent
        .post("/login")
        .type("form")
        .send({ email: user.email, password: `wrong ${attempt}`, _csrf: csrf });
      expect(response.status).toBe(401);
    }
    const { agent, csrf } = await anonymous(app);
    const blocked = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain("Trop de tentatives");
  });

  it("sign-in — the 11th failure from one IP, over several accounts — 429", async () => {
    const app = freshApp();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const { agent, csrf } = await anonymous(app);
      await agent
        .post("/login")
        .type("form")
        .send({ email: `nobody${attempt}@test.fr`, password: "wrong", _csrf: csrf });
    }
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await anonymous(app);
    const blocked = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf });
    expect(blocked.status).toBe(429);
  });
});

describe("sessions", () => {
  it("logout — with _csrf — destroys the session", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    const response = await agent.post("/logout").type("form").send({ _csrf: csrf });
    expect(response.status).toBe(303);
    expect((await agent.get("/")).status).toBe(302);
  });

  it("logout — a signed-in browser — clears the session cookie with the options it was set with", async () => {
    const user = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(user.email, PASSWORD);
    const response = await agent.post("/logout").type("form").send({ _csrf: csrf });
    const cleared = setCookie(response, "spid.sid");
    expect(cleared).toMatch(/^spid\.sid=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/HttpOnly/);
    expect(cleared).toMatch(/SameSite=Lax/);
  });

  it("deactivation — of a signed-in account — ends its session at once", async () => {
    const user = await makeUser("REFERENT", { missionLocaleId: (await makeMissionLocale()).id });
    const { agent } = await signedIn(user.email, PASSWORD);
    await testDb.user.update({ where: { id: user.id }, data: { isActive: false, sessionVersion: { increment: 1 } } });
    expect((await agent.get("/")).status).toBe(302);
  });

  it("GET / — signed out — 302 to /login", async () => {
    const response = await request(testApp()).get("/");
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/login");
  });

  it("security headers — any page — strict CSP without unsafe-inline scripts", async () => {
    const response = await request(testApp()).get("/login");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("CSP nonce — 300 responses — a different one each time, 16 random bytes in base64", async () => {
    const app = testApp();
    const nonces = new Set<string>();
    for (let index = 0; index < 300; index++) {
      const csp = String((await request(app).get("/login")).headers["content-security-policy"]);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(300);
  });

  it("errors — an unknown page — French 404 without a stack trace", async () => {
    const user = await makeUser("ADMIN");
    const { agent } = await signedIn(user.email, PASSWORD);
    const response = await agent.get("/no-such-page");
    expect(response.status).toBe(404);
    expect(response.text).toContain("Page introuvable");
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
