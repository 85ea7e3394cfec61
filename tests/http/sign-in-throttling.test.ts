// Sign-in throttling: counted per account whatever identifier is typed, per IP, and per device
// cookie for browsers where the account signed in before. The client's IP is set through
// X-Forwarded-For on an app that trusts it, so that one test can play several clients.
import { describe, expect, it } from "vitest";
import type { Express } from "express";
import { anonymous, csrfFrom, freshApp, type Agent } from "../helpers/app.ts";
import { makeMissionLocale, makeUser, makeYouth, PASSWORD } from "../helpers/factories.ts";

type Client = { agent: Agent; csrf: string; ip: string };

function appTrustingForwardedFor(): Express {
  const app = freshApp();
  app.set("trust proxy", true);
  return app;
}

async function client(app: Express, ip: string): Promise<Client> {
  const { agent, csrf } = await anonymous(app);
  return { agent, csrf, ip };
}

function signIn(from: Client, email: string, password: string) {
  return from.agent.post("/login").set("X-Forwarded-For", from.ip).type("form").send({ email, password, _csrf: from.csrf });
}

/** Ten wrong passwords for one identifier, each from its own IP (no IP limit reached). */
async function tenFailuresFromElsewhere(app: Express, email: string): Promise<void> {
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await signIn(await client(app, `198.51.100.${attempt}`), email, `wrong password ${attempt}`);
    expect(response.status).toBe(401);
  }
}

/** A browser where the account signed in, then signed out: it keeps its device cookie. */
async function trustedBrowser(app: Express, email: string, ip: string): Promise<Client> {
  const browser = await client(app, ip);
  const response = await signIn(browser, email, PASSWORD);
  expect(response.status).toBe(303);
  const home = await browser.agent.get(response.headers.location ?? "/");
  await browser.agent
    .post("/logout")
    .type("form")
    .send({ _csrf: csrfFrom(home.text) });
  return { ...browser, csrf: csrfFrom((await browser.agent.get("/login")).text) };
}

describe("sign-in throttling", () => {
  it("account lockout — 10 failures by e-mail, then the youth's reference with the right password — 429", async () => {
    const missionLocale = await makeMissionLocale();
    const youth = await makeYouth(missionLocale.id);
    const account = await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: missionLocale.id });
    const app = appTrustingForwardedFor();
    await tenFailuresFromElsewhere(app, account.email.toUpperCase());
    const response = await signIn(await client(app, "203.0.113.7"), youth.ref.toLowerCase(), PASSWORD);
    expect(response.status).toBe(429);
    expect(response.text).toContain("Trop de tentatives");
  });

  it("account lockout — 15 wrong passwords sent at once from 15 IPs — at most 10 are checked, the rest 429", async () => {
    const account = await makeUser("ADMIN");
    const app = appTrustingForwardedFor();
    const clients = await Promise.all(Array.from({ length: 15 }, (_, i) => client(app, `198.51.100.${100 + i}`)));
    const responses = await Promise.all(clients.map((from, i) => signIn(from, account.email, `wrong password ${i}`)));
    expect(responses.filter((r) => r.status === 401)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it("account lockout — an unknown identifier typed 10 times in different cases — the 11th is 429", async () => {
    const app = appTrustingForwardedFor();
    await tenFailuresFromElsewhere(app, " Personne@Inconnu.test ");
    const response = await signIn(await client(app, "203.0.113.8"), "personne@inconnu.test", "wrong password");
    expect(response.status).toBe(429);
  });

  it("account lockout — failures from elsewhere, right password from a browser with the account's device cookie — signs in", async () => {
    const account = await makeUser("REFERENT", { missionLocaleId: (await makeMissionLocale()).id });
    const app = appTrustingForwardedFor();
    const browser = await trustedBrowser(app, account.email, "203.0.113.20");
    await tenFailuresFromElsewhere(app, account.email);
    const stranger = await signIn(await client(app, "203.0.113.21"), account.email, PASSWORD);
    const owner = await signIn(browser, account.email, PASSWORD);
    expect(stranger.status).toBe(429);
    expect(owner.status).toBe(303);
  });

  it("IP limit — 10 failures from the IP over other accounts, then a browser with the account's device cookie there — signs in", async () => {
    const account = await makeUser("SCHOOL");
    const app = appTrustingForwardedFor();
    const sharedIp = "203.0.113.30";
    const browser = await trustedBrowser(app, account.email, sharedIp);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await signIn(await client(app, sharedIp), `quelquun${attempt}@test.fr`, "wrong password");
    }
    const untrusted = await signIn(await client(app, sharedIp), account.email, PASSWORD);
    const trusted = await signIn(browser, account.email, PASSWORD);
    expect(untrusted.status).toBe(429);
    expect(trusted.status).toBe(303);
  });

  it("device cookie — 10 failures from the trusted browser itself — its 11th attempt is 429, even with the right password", async () => {
    const account = await makeUser("EVALUATOR");
    const app = appTrustingForwardedFor();
    const browser = await trustedBrowser(app, account.email, "203.0.113.40");
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      // A new IP each time: only the device's own count can stop it.
      const response = await signIn({ ...browser, ip: `192.0.2.${attempt}` }, account.email, `wrong password ${attempt}`);
      expect(response.status).toBe(401);
    }
    const blocked = await signIn({ ...browser, ip: "192.0.2.99" }, account.email, PASSWORD);
    expect(blocked.status).toBe(429);
  });

  it("device cookie — forged for the locked account — no exemption: 429", async () => {
    const account = await makeUser("ADMIN");
    const app = appTrustingForwardedFor();
    await tenFailuresFromElsewhere(app, account.email);
    const forger = await client(app, "203.0.113.50");
    const forged = `spid.device=${account.id}.bm9uY2Vub25jZW5vbmNl.${"A".repeat(43)}; Path=/login`;
    forger.agent.jar.setCookie(forged, "127.0.0.1", "/login");
    const response = await signIn(forger, account.email, PASSWORD);
    expect(response.status).toBe(429);
  });

  it("device cookie — one a browser holds for another account — no exemption for the locked account: 429", async () => {
    const missionLocale = await makeMissionLocale();
    const locked = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const colleague = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const app = appTrustingForwardedFor();
    const browser = await trustedBrowser(app, colleague.email, "203.0.113.60");
    await tenFailuresFromElsewhere(app, locked.email);
    const response = await signIn(browser, locked.email, PASSWORD);
    expect(response.status).toBe(429);
  });

  it("device cookie — after a successful sign-in — signed, HttpOnly, SameSite=Lax, only sent to /login, long-lived", async () => {
    const account = await makeUser("ADMIN");
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent.post("/login").type("form").send({ email: account.email, password: PASSWORD, _csrf: csrf });
    const lines = response.headers["set-cookie"];
    const cookie = (Array.isArray(lines) ? lines.map(String) : []).find((line) => line.startsWith("spid.device=")) ?? "";
    expect(cookie).toMatch(new RegExp(`^spid\\.device=${account.id}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/login/);
    expect(Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? "")).toBeGreaterThan(Date.now() + 90 * 24 * 3600 * 1000);
  });

  it("failed sign-in — wrong password — 401 and no device cookie", async () => {
    const account = await makeUser("ADMIN");
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent.post("/login").type("form").send({ email: account.email, password: "wrong password", _csrf: csrf });
    expect(response.status).toBe(401);
    expect(String(response.headers["set-cookie"] ?? "")).not.toContain("spid.device=");
  });
});
