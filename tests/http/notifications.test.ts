import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";

describe("notifications", () => {
  it("a difficulty reported by the school — reaches the counsellor's home, and 'Ouvrir' marks it read", async () => {
    const world = await makeWorld();
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const reported = await school.agent
      .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
      .type("form")
      .send({ category: "MOBILITY", description: "Plus de bus le samedi matin", _csrf: school.csrf });
    expect(reported.status).toBe(303);

    const referent = await signedIn(world.home.referent.email, PASSWORD);
    const home = await referent.agent.get("/");
    expect(home.text).toContain("Plus de bus le samedi matin");
    const notification = await testDb.notification.findFirstOrThrow({ where: { userId: world.home.referent.id } });
    const opened = await referent.agent.post(`/notifications/${notification.id}/read`).type("form").send({ _csrf: referent.csrf });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`/youths/${world.home.youth.id}`);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).not.toBeNull();
    expect((await referent.agent.get("/")).text).not.toContain("Plus de bus le samedi matin");
  });

  it("someone else's notification — 404 and left unread", async () => {
    const world = await makeWorld();
    const other = await testDb.notification.create({ data: { userId: world.away.referent.id, title: "T", body: "B" } });
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    expect((await agent.post(`/notifications/${other.id}/read`).type("form").send({ _csrf: csrf })).status).toBe(404);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
  });

  it("a notification without _csrf — 403", async () => {
    const world = await makeWorld();
    const own = await testDb.notification.create({ data: { userId: world.home.referent.id, title: "T", body: "B" } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    expect((await agent.post(`/notifications/${own.id}/read`).type("form").send({})).status).toBe(403);
  });

  it("seven unread notifications and a read one — the home counts 7 and lists the latest 5, newest first", async () => {
    const world = await makeWorld();
    const userId = world.home.referent.id;
    for (let i = 1; i <= 7; i++) {
      await testDb.notification.create({ data: { userId, title: `Avis ${i}`, body: "B", createdAt: new Date(Date.UTC(2026, 10, i)) } });
    }
    await testDb.notification.create({ data: { userId, title: "Déjà lu", body: "B", readAt: new Date() } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const home = (await agent.get("/")).text;

    expect(home).toContain("7 non lues");
    const shown = [...home.matchAll(/<strong>(Avis \d|Déjà lu)<\/strong>/g)].map((match) => match[1]);
    expect(shown).toEqual(["Avis 7", "Avis 6", "Avis 5", "Avis 4", "Avis 3"]);
  });
});
