import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeDifficulty } from "../helpers/school-factories.ts";

describe("POST /enrolments/:id/difficulties", () => {
  it("difficulty — reported by the school — 303, stored, the youth's counsellor notified, audited", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
      .type("form")
      .send({ category: "MOBILITY", description: "Ne trouve plus de bus pour venir le samedi.", _csrf: csrf });
    expect(response.status).toBe(303);
    const difficulty = await testDb.difficulty.findFirstOrThrow({ where: { youthId: world.home.youth.id } });
    expect(difficulty).toMatchObject({
      category: "MOBILITY",
      enrolmentId: world.home.enrolment.id,
      reportedById: world.home.schoolUser.id,
    });
    const notifications = await testDb.notification.findMany({ where: { userId: world.home.referent.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.link).toBe(`/youths/${world.home.youth.id}`);
    expect(await testDb.auditEvent.count({ where: { action: "DIFFICULTY_REPORTED", entityId: difficulty.id } })).toBe(1);
  });

  for (const [label, body, message] of [
    ["an unknown category", { category: "WEATHER", description: "Il pleut trop souvent." }, "Choisissez le type de difficulté"],
    ["an empty description", { category: "LEARNING", description: "  " }, "Décrivez la difficulté"],
  ] as const) {
    it(`difficulty — ${label} — 422, nothing stored`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
        .type("form")
        .send({ ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(await testDb.difficulty.count({ where: { youthId: world.home.youth.id } })).toBe(0);
    });
  }

  it("difficulty — another school's enrolment — 404; a counsellor — 403", async () => {
    const world = await makeWorld();
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (
        await school.agent
          .post(`/enrolments/${world.away.enrolment.id}/difficulties`)
          .type("form")
          .send({ category: "OTHER", description: "Une difficulté.", _csrf: school.csrf })
      ).status,
    ).toBe(404);
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (
        await referent.agent
          .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
          .type("form")
          .send({ category: "OTHER", description: "Une difficulté.", _csrf: referent.csrf })
      ).status,
    ).toBe(403);
  });
});

describe("POST /difficulties/:id/take-charge", () => {
  it("take charge — by the counsellor, sent twice — 303 to the file, taken once, audited once", async () => {
    const world = await makeWorld();
    const difficulty = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    for (let i = 0; i < 2; i++) {
      const response = await agent.post(`/difficulties/${difficulty.id}/take-charge`).type("form").send({ _csrf: csrf });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/youths/${world.home.youth.id}`);
    }
    const stored = await testDb.difficulty.findUniqueOrThrow({ where: { id: difficulty.id } });
    expect(stored.takenInChargeById).toBe(world.home.referent.id);
    expect(stored.takenInChargeAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "DIFFICULTY_TAKEN_IN_CHARGE", entityId: difficulty.id } })).toBe(1);

    const file = await agent.get(`/youths/${world.home.youth.id}`);
    const { displayName } = await testDb.user.findUniqueOrThrow({ where: { id: world.home.referent.id } });
    expect(file.text).toContain(`par ${displayName} le`);
    expect(file.text).not.toContain("Prendre en charge</button>");
  });

  it("take charge — another Mission Locale's difficulty — 404; a school — 403", async () => {
    const world = await makeWorld();
    const away = await makeDifficulty(world.away.enrolment, world.away.schoolUser.id);
    const home = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect((await referent.agent.post(`/difficulties/${away.id}/take-charge`).type("form").send({ _csrf: referent.csrf })).status).toBe(
      404,
    );
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await school.agent.post(`/difficulties/${home.id}/take-charge`).type("form").send({ _csrf: school.csrf })).status).toBe(403);
    expect(await testDb.difficulty.count({ where: { id: { in: [away.id, home.id] }, takenInChargeAt: { not: null } } })).toBe(0);
  });
});

describe("POST /difficulties/:id/resolve", () => {
  it("resolve — by the counsellor — 303, stored, the reporting school told, audited; the school sees it resolved", async () => {
    const world = await makeWorld();
    const difficulty = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const file = await agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain("Prendre en charge</button>");
    expect(file.text).toContain(`for="resolution-${difficulty.id}"`);

    const response = await agent
      .post(`/difficulties/${difficulty.id}/resolve`)
      .type("form")
      .send({ resolution: "Covoiturage trouvé avec la Mission Locale.", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/youths/${world.home.youth.id}`);
    const stored = await testDb.difficulty.findUniqueOrThrow({ where: { id: difficulty.id } });
    expect(stored).toMatchObject({ resolvedById: world.home.referent.id, resolution: "Covoiturage trouvé avec la Mission Locale." });
    // Resolving is taking it in charge when nobody had.
    expect(stored.takenInChargeById).toBe(world.home.referent.id);
    const notifications = await testDb.notification.findMany({ where: { userId: world.home.schoolUser.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!).toMatchObject({ link: "/difficulties" });
    expect(notifications[0]!.body).toContain("Covoiturage trouvé");
    expect(await testDb.auditEvent.count({ where: { action: "DIFFICULTY_RESOLVED", entityId: difficulty.id } })).toBe(1);

    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const list = await school.agent.get("/difficulties");
    expect(list.status).toBe(200);
    expect(list.text).toContain(world.home.youth.lastName);
    expect(list.text).toContain("Résolue</span> le");
    expect(list.text).toContain("Covoiturage trouvé avec la Mission Locale.");
  });

  for (const [label, resolution, message] of [
    ["too short a text", "ok", "Dites en quelques mots ce qui a été fait"],
    ["too long a text", "a".repeat(1001), "La résolution fait au plus 1 000 caractères."],
  ] as const) {
    it(`resolve — ${label} — 422, the message by the field, the text kept, nothing stored`, async () => {
      const world = await makeWorld();
      const difficulty = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
      const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
      const response = await agent.post(`/difficulties/${difficulty.id}/resolve`).type("form").send({ resolution, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(`id="resolution-error"`);
      expect(response.text).toContain(message);
      expect(response.text).toContain(`>${resolution}</textarea>`);
      expect((await testDb.difficulty.findUniqueOrThrow({ where: { id: difficulty.id } })).resolvedAt).toBeNull();
    });
  }

  it("resolve — a difficulty already resolved — 422 with the reason, the first resolution kept", async () => {
    const world = await makeWorld();
    const difficulty = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id, {
      resolvedAt: new Date(),
      resolution: "Première résolution.",
    });
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post(`/difficulties/${difficulty.id}/resolve`)
      .type("form")
      .send({ resolution: "Une autre.", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Cette difficulté est déjà résolue");
    expect((await testDb.difficulty.findUniqueOrThrow({ where: { id: difficulty.id } })).resolution).toBe("Première résolution.");
    expect(await testDb.notification.count({ where: { userId: world.home.schoolUser.id } })).toBe(0);
  });

  it("resolve — another Mission Locale's difficulty — 404 (even with a bad text); a school or a youth — 403", async () => {
    const world = await makeWorld();
    const away = await makeDifficulty(world.away.enrolment, world.away.schoolUser.id);
    const home = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    for (const resolution of ["Réglé.", ""]) {
      const response = await referent.agent
        .post(`/difficulties/${away.id}/resolve`)
        .type("form")
        .send({ resolution, _csrf: referent.csrf });
      expect(response.status).toBe(404);
    }
    for (const user of [world.home.schoolUser, world.home.youthUser]) {
      const { agent, csrf } = await signedIn(user.email, PASSWORD);
      expect((await agent.post(`/difficulties/${home.id}/resolve`).type("form").send({ resolution: "Réglé.", _csrf: csrf })).status).toBe(
        403,
      );
    }
    expect(await testDb.difficulty.count({ where: { id: { in: [away.id, home.id] }, resolvedAt: { not: null } } })).toBe(0);
  });
});

describe("GET /difficulties", () => {
  it("difficulties list — a counsellor — their Mission Locale's open ones, the resolved ones on demand; audited as a list", async () => {
    const world = await makeWorld();
    const open = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id, { description: "Difficulté ouverte ici." });
    const resolved = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id, {
      description: "Difficulté réglée ici.",
      resolvedAt: new Date(),
      resolution: "Réglée.",
    });
    const away = await makeDifficulty(world.away.enrolment, world.away.schoolUser.id, { description: "Difficulté d'ailleurs." });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const list = await agent.get("/difficulties");
    expect(list.status).toBe(200);
    expect(list.text).toContain(`data-difficulty-id="${open.id}"`);
    expect(list.text).toContain(`href="/youths/${world.home.youth.id}"`);
    expect(list.text).toContain("Ouverte");
    expect(list.text).not.toContain(`data-difficulty-id="${resolved.id}"`);
    expect(list.text).not.toContain(`data-difficulty-id="${away.id}"`);

    const all = await agent.get("/difficulties?all=1");
    expect(all.text).toContain(`data-difficulty-id="${resolved.id}"`);
    expect(all.text).not.toContain(`data-difficulty-id="${away.id}"`);
    expect(await testDb.auditEvent.count({ where: { actorId: world.home.referent.id, action: "LIST_VIEWED", entity: "Difficulty" } })).toBe(
      2,
    );
  });

  it("difficulties list — the coordinator — every open one; a school — only its own; a youth or the research team — 403", async () => {
    const world = await makeWorld();
    const home = await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const away = await makeDifficulty(world.away.enrolment, world.away.schoolUser.id);
    const admin = await signedIn(world.admin.email, PASSWORD);
    const adminList = (await admin.agent.get("/difficulties")).text;
    expect(adminList).toContain(`data-difficulty-id="${home.id}"`);
    expect(adminList).toContain(`data-difficulty-id="${away.id}"`);

    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const schoolList = await school.agent.get("/difficulties");
    expect(schoolList.text).toContain(`data-difficulty-id="${home.id}"`);
    expect(schoolList.text).not.toContain(`data-difficulty-id="${away.id}"`);

    for (const user of [world.home.youthUser, world.evaluator]) {
      const { agent } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/difficulties")).status).toBe(403);
    }
  });
});
