import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { ROLES } from "../../src/domain/enums.ts";
import { homeUser } from "./matrix/foundation.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "../../src/features/notifications/service.ts";

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

  it("the header's bell — every role, on every page — says the unread count in words and links to /notifications", async () => {
    const world = await makeWorld();
    for (const role of ROLES) {
      const user = homeUser(world, role);
      await testDb.notification.createMany({
        data: [
          { userId: user.id, title: "Un", body: "B" },
          { userId: user.id, title: "Deux", body: "B" },
          { userId: user.id, title: "Trois", body: "B" },
          { userId: user.id, title: "Lue", body: "B", readAt: new Date() },
        ],
      });
      const { agent } = await signedIn(user.email, PASSWORD);
      const page = await agent.get(role === "YOUTH" ? "/me" : "/");
      expect(page.text, role).toContain('href="/notifications" class="bell" aria-label="Notifications (3 non lues)"');
      const list = await agent.get("/notifications");
      expect(list.status, role).toBe(200);
      expect(list.text).toContain('aria-label="Notifications (3 non lues)" aria-current=page');
    }
  });

  it("the header's bell — nothing unread — says so", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await agent.get("/lessons/week")).text).toContain('aria-label="Notifications (aucune non lue)"');
  });

  it("/notifications — read and unread, newest first, unread ones marked — 'Voir' marks one read and opens its link", async () => {
    const world = await makeWorld();
    const userId = world.home.referent.id;
    await testDb.notification.create({
      data: { userId, title: "Ancienne lue", body: "B", readAt: new Date(), createdAt: new Date(Date.UTC(2026, 9, 1)) },
    });
    const fresh = await testDb.notification.create({
      data: {
        userId,
        title: "Nouvelle",
        body: "Un corps",
        link: `/youths/${world.home.youth.id}`,
        createdAt: new Date(Date.UTC(2026, 10, 1)),
      },
    });
    await testDb.notification.create({ data: { userId: world.away.referent.id, title: "Pas pour moi", body: "B" } });
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);

    const page = (await agent.get("/notifications")).text;

    const titles = [...page.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]).filter((title) => title !== "SPID");
    expect(titles).toEqual(["Nouvelle", "Ancienne lue"]);
    expect(page).toContain("Non lue");
    expect(page).not.toContain("Pas pour moi");
    const seen = await agent.post(`/notifications/${fresh.id}/read`).type("form").send({ _csrf: csrf, returnTo: "/notifications" });
    expect(seen.headers.location).toBe(`/youths/${world.home.youth.id}`);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: fresh.id } })).readAt).not.toBeNull();
  });

  it("a notification without a link marked read from /notifications — back to /notifications", async () => {
    const world = await makeWorld();
    const own = await testDb.notification.create({ data: { userId: world.home.referent.id, title: "T", body: "B" } });
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const marked = await agent.post(`/notifications/${own.id}/read`).type("form").send({ _csrf: csrf, returnTo: "/notifications?page=2" });
    expect(marked.headers.location).toBe("/notifications?page=2");
    const elsewhere = await agent.post(`/notifications/${own.id}/read`).type("form").send({ _csrf: csrf, returnTo: "//evil.example" });
    expect(elsewhere.headers.location).toBe("/");
  });

  it("/notifications — more than a page — paginated, the second page holds the oldest", async () => {
    const world = await makeWorld();
    const userId = world.home.schoolUser.id;
    await testDb.notification.createMany({
      data: Array.from({ length: NOTIFICATIONS_PAGE_SIZE + 2 }, (_, i) => ({
        userId,
        title: `Avis n° ${i + 1}`,
        body: "B",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const first = (await agent.get("/notifications")).text;
    const second = (await agent.get("/notifications?page=2")).text;

    expect(first).toContain(`Page 1 sur 2`);
    expect(first).toContain(`Avis n° ${NOTIFICATIONS_PAGE_SIZE + 2}<`);
    expect(first).not.toContain("Avis n° 1<");
    expect([...second.matchAll(/<strong>(Avis n° \d+)<\/strong>/g)].map((m) => m[1])).toEqual(["Avis n° 2", "Avis n° 1"]);
    expect((await agent.get("/notifications?page=abc")).text).toContain("Page 1 sur 2");
  });

  it("'Tout marquer comme lu' — marks only the person's own, in one audited step", async () => {
    const world = await makeWorld();
    const me = world.home.youthUser.id;
    await testDb.notification.createMany({ data: [1, 2, 3].map((i) => ({ userId: me, title: `T${i}`, body: "B" })) });
    const other = await testDb.notification.create({ data: { userId: world.away.youthUser.id, title: "T", body: "B" } });
    const { agent, csrf } = await signedIn(world.home.youthUser.email, PASSWORD);

    const done = await agent.post("/notifications/read-all").type("form").send({ _csrf: csrf });

    expect(done.status).toBe(303);
    expect(done.headers.location).toBe("/notifications");
    expect(await testDb.notification.count({ where: { userId: me, readAt: null } })).toBe(0);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { actorId: me, action: "NOTIFICATIONS_ALL_READ" } });
    expect(JSON.parse(audit.details!)).toEqual({ count: 3 });
    expect((await agent.get("/notifications")).text).toContain("3 notifications sont marquées comme lues.");
  });

  it("'Tout marquer comme lu' without _csrf — 403, nothing marked", async () => {
    const world = await makeWorld();
    await testDb.notification.create({ data: { userId: world.home.referent.id, title: "T", body: "B" } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    expect((await agent.post("/notifications/read-all").type("form").send({})).status).toBe(403);
    expect(await testDb.notification.count({ where: { userId: world.home.referent.id, readAt: null } })).toBe(1);
  });
});
