import { describe, expect, it } from "vitest";
import { anonymous, csrfFrom, freshApp, signedIn } from "../helpers/app.ts";
import { makeMissionLocale, makeSchool, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { hashActivationCode } from "../../src/auth/activation-codes.ts";

const EMAIL_UNAVAILABLE = "Cette adresse e-mail ne peut pas être utilisée pour un nouveau compte.";
const CODE_PATTERN = /([A-Z2-9]{4}(?:-[A-Z2-9]{4}){6})/;

/** The code printed on the letter that the POST creating it answers with. */
function codeFromLetter(letter: { text: string }): string {
  const code = CODE_PATTERN.exec(letter.text)?.[1];
  if (!code) throw new Error("no code on the letter");
  return code;
}

async function activate(code: string, password: string) {
  const { agent, csrf } = await anonymous(freshApp());
  return agent.post("/activate").type("form").send({ code, password, passwordConfirmation: password, _csrf: csrf });
}

describe("accounts and personal access codes", () => {
  it("account list — a youth searched by full name in either order, without accents — is found", async () => {
    const missionLocale = await makeMissionLocale();
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const youth = await testDb.youth.update({
      where: { id: (await makeYouth(missionLocale.id)).id },
      data: { firstName: "Kévin", lastName: "Dubœuf", searchName: "kevin duboeuf" },
    });
    await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: missionLocale.id }, { email: null });
    const { agent } = await signedIn(referent.email, PASSWORD);

    for (const q of ["kevin duboeuf", "Duboeuf Kévin", "KEVIN"]) {
      const response = await agent.get(`/accounts?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.text, q).toContain(youth.ref);
    }
    expect((await agent.get("/accounts?q=%25")).text).not.toContain(youth.ref);
  });

  it("account creation — by the coordinator, for a counsellor — answers with the letter (not cached), the code stored hashed", async () => {
    const admin = await makeUser("ADMIN");
    const missionLocale = await makeMissionLocale();
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const response = await agent.post("/accounts").type("form").send({
      role: "REFERENT",
      displayName: "Stéphanie Weidmann",
      email: "S.Weidmann@ML.test",
      phone: "+33 2 38 00 11 22",
      missionLocaleId: missionLocale.id,
      _csrf: csrf,
    });
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const code = codeFromLetter(response);
    const created = await testDb.user.findUniqueOrThrow({ where: { email: "s.weidmann@ml.test" }, include: { activationCodes: true } });
    expect(created.passwordHash).toBeNull();
    expect(created.phone).toBe("0238001122");
    expect(created.activationCodes).toHaveLength(1);
    expect(created.activationCodes[0]!.codeHash).toBe(hashActivationCode(code));
    expect(created.activationCodes[0]!.codeHash).not.toContain(code.replace(/-/g, ""));
    const audit = await testDb.auditEvent.count({ where: { entityId: created.id, action: "ACCOUNT_CREATED" } });
    expect(audit).toBe(1);
  });

  it("letter page — GET after a code was issued — no code, explains it and offers to issue a new one", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("EVALUATOR", {}, { withPassword: false });
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    await agent.post(`/accounts/${target.id}/codes`).type("form").send({ _csrf: csrf });
    const page = await agent.get(`/accounts/${target.id}/letter`);
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(CODE_PATTERN);
    expect(page.text).toContain("ne peut pas être réimprimé");
    expect(page.text).toContain(`action="/accounts/${target.id}/codes"`);
  });

  it.each([
    ["account creation", "create"],
    ["a new code", "reissue"],
  ])("letter — %s — the code never reaches the session store", async (_label, how) => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("EVALUATOR", {}, { withPassword: false });
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const letter =
      how === "create"
        ? await agent
            .post("/accounts")
            .type("form")
            .send({ role: "EVALUATOR", displayName: "Équipe Éval", email: `eval-${target.id}@test.fr`, _csrf: csrf })
        : await agent.post(`/accounts/${target.id}/codes`).type("form").send({ _csrf: csrf });
    const code = codeFromLetter(letter);
    await agent.get("/");
    const stored = (await testDb.session.findMany({ select: { data: true } })).map((row) => row.data).join("\n");
    expect(stored).not.toBe("");
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace(/-/g, ""));
  });

  it("activation — a valid code and a good password — activates once, then the code is spent", async () => {
    const admin = await makeUser("ADMIN");
    const school = await makeSchool((await makeMissionLocale()).id);
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const created = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "SCHOOL", displayName: "Paul Moniteur", email: "paul@ecole.test", drivingSchoolId: school.id, _csrf: csrf });
    const code = codeFromLetter(created);
    const activated = await activate(code.toLowerCase().replace(/-/g, " "), "une phrase de passe assez longue");
    expect(activated.status).toBe(303);
    expect((await signedIn("paul@ecole.test", "une phrase de passe assez longue", freshApp())).csrf).toBeTruthy();
    const reused = await activate(code, "une autre phrase de passe longue");
    expect(reused.status).toBe(422);
    expect(reused.text).toContain("Ce code n&#39;est pas valide");
  });

  it.each([
    ["too short", "court", "Au moins 12 caractères."],
    ["common", "motdepasse123", "trop facile à deviner"],
    ["repeated", "aaaaaaaaaaab", "trop facile à deviner"],
    ["common with a year", "motdepasse2026", "trop facile à deviner"],
    ["pattern", "abcabcabcabc", "trop facile à deviner"],
    ["too long", "x".repeat(2000), "au plus"],
  ])("activation — a %s password — 422 with the reason beside the field, code kept", async (_label, password, message) => {
    const admin = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const created = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "EVALUATOR", displayName: "Équipe Éval", email: `eval${Math.random()}@test.fr`, _csrf: csrf });
    const code = codeFromLetter(created);
    const response = await activate(code, password);
    expect(response.status).toBe(422);
    expect(response.text).toContain(message);
    expect(response.text).toContain('aria-invalid="true"');
  });

  it.each([
    ["empty", { code: "", password: "" }],
    ["unicode", { code: "ÉÉÉÉ-🚗", password: "une phrase de passe assez longue" }],
    ["very long", { code: "A".repeat(10_000), password: "une phrase de passe assez longue" }],
    ["unknown", { code: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG", password: "une phrase de passe assez longue" }],
  ])("activation — an %s code — 422, nothing activated", async (_label, fields) => {
    const { agent, csrf } = await anonymous(freshApp());
    const response = await agent
      .post("/activate")
      .type("form")
      .send({ ...fields, _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("error-summary");
  });

  it("activation — an expired code — 422", async () => {
    const user = await makeUser("EVALUATOR", {}, { withPassword: false });
    await testDb.activationCode.create({
      data: { userId: user.id, codeHash: hashActivationCode("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"), expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await activate("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", "une phrase de passe assez longue");
    expect(response.status).toBe(422);
  });

  it("activation throttling — 10 refused codes from one IP — the 11th attempt is 429, even with a valid code", async () => {
    const user = await makeUser("EVALUATOR", {}, { withPassword: false });
    const valid = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ2";
    await testDb.activationCode.create({
      data: { userId: user.id, codeHash: hashActivationCode(valid), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const { agent, csrf } = await anonymous(freshApp());
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const refused = await agent
        .post("/activate")
        .type("form")
        .send({ code: `AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG${attempt + 20}`, password: "une phrase de passe assez longue", _csrf: csrf });
      expect(refused.status).toBe(422);
    }
    const blocked = await agent
      .post("/activate")
      .type("form")
      .send({ code: valid, password: "une phrase de passe assez longue", _csrf: csrf });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain("Trop de codes refusés");
    expect((await testDb.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("activation throttling — one code tried 10 times from 10 IPs — the 11th try of that code is 429", async () => {
    const app = freshApp();
    app.set("trust proxy", true);
    const { agent, csrf } = await anonymous(app);
    const tried = { code: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG", password: "une phrase de passe assez longue", _csrf: csrf };
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const refused = await agent.post("/activate").set("X-Forwarded-For", `198.51.100.${attempt}`).type("form").send(tried);
      expect(refused.status).toBe(422);
    }
    const blocked = await agent.post("/activate").set("X-Forwarded-For", "203.0.113.1").type("form").send(tried);
    expect(blocked.status).toBe(429);
  });

  it("activation — a weak password with the right code, 11 times — never 429 (only refused codes count)", async () => {
    const user = await makeUser("EVALUATOR", {}, { withPassword: false });
    const valid = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ3";
    await testDb.activationCode.create({
      data: { userId: user.id, codeHash: hashActivationCode(valid), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const { agent, csrf } = await anonymous(freshApp());
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      const weak = await agent.post("/activate").type("form").send({ code: valid, password: "motdepasse2026", _csrf: csrf });
      expect(weak.status).toBe(422);
    }
  });

  it("activation — of an account signed in elsewhere before — ends that older session", async () => {
    const missionLocale = await makeMissionLocale();
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const youth = await makeYouth(missionLocale.id);
    const youthUser = await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: missionLocale.id });
    const olderSession = await signedIn(youthUser.email, PASSWORD, freshApp());
    expect((await olderSession.agent.get("/me")).status).toBe(200);
    const { agent, csrf } = await signedIn(referent.email, PASSWORD);
    const code = codeFromLetter(await agent.post(`/accounts/${youthUser.id}/codes`).type("form").send({ _csrf: csrf }));
    expect((await activate(code, "ma nouvelle phrase de passe")).status).toBe(303);
    const after = await olderSession.agent.get("/me");
    expect(after.status).toBe(302);
    expect(after.headers.location).toBe("/login");
  });

  it("lost access — a new code used — the old password stops working", async () => {
    const missionLocale = await makeMissionLocale();
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const youth = await makeYouth(missionLocale.id);
    const youthUser = await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: missionLocale.id });
    const { agent, csrf } = await signedIn(referent.email, PASSWORD);
    const issued = await agent.post(`/accounts/${youthUser.id}/codes`).type("form").send({ _csrf: csrf });
    expect(issued.status).toBe(200);
    const code = codeFromLetter(issued);
    expect((await signedIn(youthUser.email, PASSWORD, freshApp())).csrf).toBeTruthy();
    expect((await activate(code, "ma nouvelle phrase de passe")).status).toBe(303);
    const { agent: other, csrf: otherCsrf } = await anonymous(freshApp());
    const old = await other.post("/login").type("form").send({ email: youthUser.email, password: PASSWORD, _csrf: otherCsrf });
    expect(old.status).toBe(401);
  });

  it("account creation — a counsellor, for a youth of their Mission Locale by reference — works; another's youth — 422", async () => {
    const missionLocale = await makeMissionLocale();
    const other = await makeMissionLocale();
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const mine = await makeYouth(missionLocale.id);
    const notMine = await makeYouth(other.id);
    const { agent, csrf } = await signedIn(referent.email, PASSWORD);
    const ok = await agent.post("/accounts").type("form").send({ role: "YOUTH", youthRef: mine.ref, _csrf: csrf });
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(CODE_PATTERN);
    const refused = await agent.post("/accounts").type("form").send({ role: "YOUTH", youthRef: notMine.ref, _csrf: csrf });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(notMine.ref);
    const staff = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "ADMIN", displayName: "Pirate", email: "p@test.fr", _csrf: csrf });
    expect(staff.status).toBe(403);
  });

  it("account creation — missing e-mail and taken e-mail — 422 with messages and input kept", async () => {
    const admin = await makeUser("ADMIN");
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const missing = await agent.post("/accounts").type("form").send({ role: "EVALUATOR", displayName: "Sans Mail", _csrf: csrf });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("L&#39;adresse e-mail est obligatoire");
    expect(missing.text).toContain('value="Sans Mail"');
    const taken = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "EVALUATOR", displayName: "Doublon", email: admin.email, _csrf: csrfFrom(missing.text) });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain(EMAIL_UNAVAILABLE);
    const badPhone = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "EVALUATOR", displayName: "Mauvais Numéro", email: "num@test.fr", phone: "12", _csrf: csrfFrom(taken.text) });
    expect(badPhone.status).toBe(422);
    expect(badPhone.text).toContain("numéro de téléphone français à 10 chiffres");
    expect(badPhone.text).toContain('value="12"');
  });

  it("account creation — by a counsellor, with an e-mail used outside their Mission Locale — the same generic message as inside", async () => {
    const mine = await makeMissionLocale();
    const elsewhere = await makeMissionLocale();
    const referent = await makeUser("REFERENT", { missionLocaleId: mine.id });
    const colleague = await makeUser("REFERENT", { missionLocaleId: mine.id });
    const stranger = await makeUser("REFERENT", { missionLocaleId: elsewhere.id });
    const first = await makeYouth(mine.id);
    const second = await makeYouth(mine.id);
    const { agent, csrf } = await signedIn(referent.email, PASSWORD);
    const outside = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "YOUTH", youthRef: first.ref, email: stranger.email, _csrf: csrf });
    const inside = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "YOUTH", youthRef: second.ref, email: colleague.email, _csrf: csrfFrom(outside.text) });
    expect(outside.status).toBe(422);
    expect(inside.status).toBe(422);
    expect(outside.text).toContain(EMAIL_UNAVAILABLE);
    expect(inside.text).toContain(EMAIL_UNAVAILABLE);
    expect(outside.text).not.toContain(elsewhere.name);
    expect(outside.text).not.toMatch(/existe|déjà/);
  });

  it("deactivation — by the coordinator — ends the account's sessions and is audited", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("EVALUATOR");
    const victim = await signedIn(target.email, PASSWORD);
    const { agent, csrf } = await signedIn(admin.email, PASSWORD);
    const response = await agent.post(`/accounts/${target.id}/deactivate`).type("form").send({ _csrf: csrf });
    expect(response.status).toBe(303);
    expect((await victim.agent.get("/")).status).toBe(302);
    expect(await testDb.auditEvent.count({ where: { entityId: target.id, action: "ACCOUNT_DEACTIVATED" } })).toBe(1);
  });
});
