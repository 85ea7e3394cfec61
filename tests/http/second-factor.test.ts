// The second factor (TOTP): enrolment, the code after the password, recovery codes, the sign-in
// throttle, and REQUIRE_TOTP forcing the coordinator and the research team to enrol first.
import { describe, expect, it } from "vitest";
import type { Express } from "express";
import { generate } from "otplib";
import { createApp } from "../../src/app.ts";
import { config } from "../../src/config.ts";
import { ROUTES_SETTING, type Route } from "../../src/http/routes.ts";
import type { Role } from "../../src/domain/enums.ts";
import { anonymous, csrfFrom, freshApp, signedIn, testApp, type Agent } from "../helpers/app.ts";
import { makeUser, PASSWORD, testDb } from "../helpers/factories.ts";

/** A code of the step after now: the step of enrolment is spent (no replay), the next is within
 * the accepted window. */
function nextCode(secret: string, steps = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });
}

function secretIn(html: string): string {
  const secret = /data-totp-secret="([A-Z2-7]+)"/.exec(html)?.[1];
  if (!secret) throw new Error("no data-totp-secret in the page");
  return secret;
}

/** Enrols through the pages: the secret read from the page, a code computed from it. */
async function enrol(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
  const page = await agent.get("/account/second-factor");
  expect(page.status).toBe(200);
  const secret = secretIn(page.text);
  const response = await agent
    .post("/account/second-factor")
    .type("form")
    .send({ code: await generate({ secret }), _csrf: csrfFrom(page.text) });
  expect(response.status).toBe(200);
  const recoveryCodes = [...response.text.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((match) => match[1]!);
  return { secret, recoveryCodes };
}

async function enrolledUser(role: Role = "REFERENT") {
  const user = await makeUser(role);
  const { agent } = await signedIn(user.email, PASSWORD);
  const enrolled = await enrol(agent);
  await agent
    .post("/logout")
    .type("form")
    .send({ _csrf: csrfFrom((await agent.get("/")).text) });
  return { user, ...enrolled };
}

/** The password step only: the agent waits for its code. */
async function afterPassword(email: string, app: Express = testApp()) {
  const { agent, csrf } = await anonymous(app);
  const response = await agent.post("/login").type("form").send({ email, password: PASSWORD, _csrf: csrf });
  expect(response.status).toBe(303);
  expect(response.headers.location).toBe("/login/second-factor");
  const page = await agent.get("/login/second-factor");
  expect(page.status).toBe(200);
  return { agent, csrf: csrfFrom(page.text) };
}

function sendCode(client: { agent: Agent; csrf: string }, code: string) {
  return client.agent.post("/login/second-factor").type("form").send({ code, _csrf: client.csrf });
}

describe("enrolment — /account/second-factor", () => {
  it("enrolment — GET — shows the QR code (inline SVG), the secret in data-totp-secret and a one-time-code field", async () => {
    const user = await makeUser("SCHOOL");
    const { agent } = await signedIn(user.email, PASSWORD);
    const page = await agent.get("/account/second-factor");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const secret = secretIn(page.text);
    expect(page.text).toContain(`>${secret}</code>`);
    expect(page.text).toContain('autocomplete="one-time-code"');
    expect(page.text).toContain('inputmode="numeric"');
    // Reloading keeps the secret already scanned; it is stored encrypted, never in clear.
    expect(secretIn((await agent.get("/account/second-factor")).text)).toBe(secret);
    const stored = await testDb.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).toBeTruthy();
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();
  });

  it("enrolment — POST the code computed from the secret — enrols, shows 10 recovery codes once, stores only their hashes, audits", async () => {
    const user = await makeUser("EVALUATOR");
    const { agent } = await signedIn(user.email, PASSWORD);
    const { recoveryCodes } = await enrol(agent);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await testDb.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.recoveryCodes).toHaveLength(10);
    for (const row of stored.recoveryCodes) expect(row.codeHash).toMatch(/^\$argon2id\$/);
    const audit = await testDb.auditEvent.findFirst({ where: { action: "SECOND_FACTOR_ENABLED", actorId: user.id } });
    expect(audit).not.toBeNull();
    const status = await agent.get("/account/second-factor");
    expect(status.text).not.toContain("data-totp-secret");
    expect(status.text).toContain("activée");
  });

  it("enrolment — a wrong code — 422 with a French message, not enrolled", async () => {
    const user = await makeUser("REFERENT");
    const { agent } = await signedIn(user.email, PASSWORD);
    const page = await agent.get("/account/second-factor");
    const response = await agent
      .post("/account/second-factor")
      .type("form")
      .send({ code: "000000", _csrf: csrfFrom(page.text) });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Ce code n&#39;est pas valide");
    expect((await testDb.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
  });

  it("enrolment — as a youth — 403", async () => {
    const youth = await makeUser("YOUTH");
    const { agent, csrf } = await signedIn(youth.email, PASSWORD);
    expect((await agent.get("/account/second-factor")).status).toBe(403);
    expect((await agent.post("/account/second-factor").type("form").send({ code: "123456", _csrf: csrf })).status).toBe(403);
  });

  it("disabling — with a right code (here a recovery code) — turns the factor off; the next sign-in needs the password only", async () => {
    const { user, secret, recoveryCodes } = await enrolledUser("SCHOOL");
    const client = await afterPassword(user.email);
    expect((await sendCode(client, await nextCode(secret))).status).toBe(303);
    const page = await client.agent.get("/account/second-factor");
    const wrong = await client.agent
      .post("/account/second-factor/disable")
      .type("form")
      .send({ code: "000000", _csrf: csrfFrom(page.text) });
    expect(wrong.status).toBe(422);
    const right = await client.agent
      .post("/account/second-factor/disable")
      .type("form")
      // The step after now is spent by the sign-in: a recovery code does as well.
      .send({ code: recoveryCodes[0], _csrf: csrfFrom(page.text) });
    expect(right.status).toBe(303);
    const stored = await testDb.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).toBeNull();
    expect(stored.recoveryCodes).toHaveLength(0);
    await signedIn(user.email, PASSWORD);
  });
});

describe("sign-in of an enrolled account — /login/second-factor", () => {
  it("sign-in — password right — not signed in yet: every page sends to the code's page, POSTs are 401", async () => {
    const { user } = await enrolledUser();
    const client = await afterPassword(user.email);
    for (const path of ["/", "/caseload", "/accounts", "/caseload.csv", "/account/second-factor", "/login", "/notifications"]) {
      const response = await client.agent.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.location, path).toBe("/login/second-factor");
    }
    expect((await client.agent.post("/account/second-factor").type("form").send({ code: "1", _csrf: client.csrf })).status).toBe(401);
  });

  it("sign-in — a wrong code — 401 with a French message; the right code signs in (new session) and audits", async () => {
    const { user, secret } = await enrolledUser();
    const client = await afterPassword(user.email);
    const wrong = await sendCode(client, "000000");
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain("Code incorrect.");
    const sidBefore = (await client.agent.get("/login/second-factor")).headers["set-cookie"];
    const right = await sendCode(client, await nextCode(secret));
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe("/");
    expect(String(right.headers["set-cookie"])).toMatch(/spid\.sid=/);
    expect(String(right.headers["set-cookie"])).not.toBe(String(sidBefore));
    expect((await client.agent.get("/")).status).toBe(200);
    expect(await testDb.auditEvent.count({ where: { action: "SIGN_IN", actorId: user.id } })).toBeGreaterThanOrEqual(2);
  });

  it("sign-in — the same code twice — the second time refused (no replay)", async () => {
    const { user, secret } = await enrolledUser();
    const code = await nextCode(secret);
    expect((await sendCode(await afterPassword(user.email), code)).status).toBe(303);
    expect((await sendCode(await afterPassword(user.email), code)).status).toBe(401);
  });

  it("sign-in — a recovery code — works once, then is refused", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3]!;
    expect((await sendCode(await afterPassword(user.email), code.toLowerCase())).status).toBe(303);
    expect((await sendCode(await afterPassword(user.email), code)).status).toBe(401);
    const used = await testDb.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } });
    expect(used).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "SECOND_FACTOR_RECOVERY_CODE_USED", actorId: user.id } })).toBe(1);
  });

  it("sign-in — wrong codes — count towards the sign-in throttle: 429 after the limit, even with the right code or password", async () => {
    const { user, secret } = await enrolledUser();
    const app = freshApp();
    const client = await afterPassword(user.email, app);
    for (let attempt = 1; attempt <= 10; attempt += 1) expect((await sendCode(client, "000000")).status).toBe(401);
    expect((await sendCode(client, await nextCode(secret))).status).toBe(429);
    // The same counters as the password: the account is locked for the password step too.
    const { agent, csrf } = await anonymous(app);
    expect((await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf })).status).toBe(429);
    const windows = await testDb.throttleWindow.findMany({ where: { key: `login|account:${user.id}` } });
    expect(windows[0]?.attempts).toBeGreaterThan(10);
  });

  it("sign-in — POST /logout while the code is due — ends the pending sign-in", async () => {
    const { user } = await enrolledUser();
    const client = await afterPassword(user.email);
    expect((await client.agent.post("/logout").type("form").send({ _csrf: client.csrf })).status).toBe(303);
    const after = await client.agent.get("/login/second-factor");
    expect(after.status).toBe(302);
    expect(after.headers.location).toBe("/login");
  });
});

describe("REQUIRE_TOTP", () => {
  const requiring = () => createApp({ ...config(), requireTotp: true });

  /** Every GET of the route table, with a made-up id for its parameter. */
  function getPaths(app: Express): string[] {
    const table = app.get(ROUTES_SETTING) as readonly Route[];
    return table.filter((route) => route.method === "get").map((route) => route.path.replace(/:(\w+)/g, "x"));
  }
  // Answered before sessions are read, with no personal data: probes, the icon, the draws' proofs.
  const SESSIONLESS = /^\/(livez|health|favicon\.ico|lottery\/(draws|freezes)\/x\/(proof|list)\.json)$/;

  for (const role of ["ADMIN", "EVALUATOR"] as const) {
    it(`REQUIRE_TOTP=true — ${role} not enrolled — every page sends to the enrolment; enrolled, the code after the password`, async () => {
      const app = requiring();
      const user = await makeUser(role);
      const { agent, csrf } = await anonymous(app);
      const login = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf });
      expect(login.status).toBe(303);
      expect(login.headers.location).toBe("/account/second-factor");
      for (const path of getPaths(app).filter((p) => !SESSIONLESS.test(p) && p !== "/account/second-factor")) {
        const response = await agent.get(path);
        expect(response.status, path).toBe(302);
        expect(response.headers.location, path).toBe("/account/second-factor");
      }
      const enrolment = await agent.get("/account/second-factor");
      expect(enrolment.text).toContain("obligatoire");
      const post = await agent
        .post("/caseload/follow")
        .type("form")
        .send({ _csrf: csrfFrom(enrolment.text) });
      expect(post.status).toBe(401);

      const { secret } = await enrol(agent);
      expect((await agent.get("/")).status).toBe(200);
      // Required: it cannot be turned off.
      const status = await agent.get("/account/second-factor");
      const off = await agent
        .post("/account/second-factor/disable")
        .type("form")
        .send({ code: await nextCode(secret), _csrf: csrfFrom(status.text) });
      expect(off.status).toBe(422);

      const client = await afterPassword(user.email, app);
      expect((await client.agent.get("/")).headers.location).toBe("/login/second-factor");
      expect((await sendCode(client, await nextCode(secret))).status).toBe(303);
      expect((await client.agent.get("/")).status).toBe(200);
    });
  }

  it("REQUIRE_TOTP=true — REFERENT, SCHOOL, YOUTH — not forced", async () => {
    const app = requiring();
    for (const role of ["REFERENT", "SCHOOL", "YOUTH"] as const) {
      const user = await makeUser(role);
      const { agent } = await signedIn(user.email, PASSWORD, app);
      const home = await agent.get("/");
      expect([200, 302]).toContain(home.status);
      expect(home.headers.location ?? "").not.toContain("second-factor");
    }
  });

  it("REQUIRE_TOTP=false (the tests' default) — ADMIN and EVALUATOR not forced", async () => {
    for (const role of ["ADMIN", "EVALUATOR"] as const) {
      const user = await makeUser(role);
      const { agent } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/")).status).toBe(200);
    }
  });
});

describe("password change — /account/password", () => {
  const NEW_PASSWORD = "Trois tortues bleues dansent sous la pluie";

  it("password change — right current password — this session stays, the other sessions end (their rows deleted), audited", async () => {
    const user = await makeUser("REFERENT");
    const here = await signedIn(user.email, PASSWORD);
    const elsewhere = await signedIn(user.email, PASSWORD);
    expect((await elsewhere.agent.get("/")).status).toBe(200);
    const sessionsBefore = await testDb.session.count({ where: { data: { contains: user.id } } });
    expect(sessionsBefore).toBe(2);

    const page = await here.agent.get("/account/password");
    expect(page.status).toBe(200);
    const response = await here.agent
      .post("/account/password")
      .type("form")
      .send({ currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(response.status).toBe(303);
    const after = await here.agent.get(response.headers.location ?? "/");
    expect(after.status).toBe(200);
    expect(after.text).toContain("Vos autres sessions sont fermées");
    expect((await here.agent.get("/")).status).toBe(200);

    const other = await elsewhere.agent.get("/");
    expect(other.status).toBe(302);
    expect(other.headers.location).toBe("/login");
    expect(await testDb.session.count({ where: { data: { contains: user.id } } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "PASSWORD_CHANGED", actorId: user.id } })).toBe(1);
    await signedIn(user.email, NEW_PASSWORD);
  });

  it("password change — a session waiting for its second factor — ends too", async () => {
    const { user, secret } = await enrolledUser();
    const pending = await afterPassword(user.email);
    const here = await afterPassword(user.email);
    expect((await sendCode(here, await nextCode(secret))).status).toBe(303);
    const page = await here.agent.get("/account/password");
    const response = await here.agent
      .post("/account/password")
      .type("form")
      .send({ currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(response.status).toBe(303);
    const stale = await pending.agent.get("/login/second-factor");
    expect(stale.status).toBe(302);
    expect(stale.headers.location).toBe("/login");
  });

  it("password change — wrong current password, or a guessable new one — 422, nothing changed", async () => {
    const user = await makeUser("SCHOOL");
    const { agent } = await signedIn(user.email, PASSWORD);
    const page = await agent.get("/account/password");
    const wrong = await agent
      .post("/account/password")
      .type("form")
      .send({ currentPassword: "not it", password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, _csrf: csrfFrom(page.text) });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain("Ce mot de passe n&#39;est pas le bon.");
    const weak = await agent
      .post("/account/password")
      .type("form")
      .send({ currentPassword: PASSWORD, password: "motdepasse123", passwordConfirmation: "motdepasse123", _csrf: csrfFrom(page.text) });
    expect(weak.status).toBe(422);
    expect(await testDb.auditEvent.count({ where: { action: "PASSWORD_CHANGED", actorId: user.id } })).toBe(0);
    expect((await agent.get("/")).status).toBe(200);
  });
});
