import { describe, expect, it } from "vitest";
import { signedIn, withReferencesDecoded } from "../helpers/app.ts";
import { makeUser, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson, minuteOf } from "../helpers/school-factories.ts";
import { homeUser, type World } from "./matrix/foundation.ts";

/** French amounts hold narrow no-break spaces ("1 000 €"): compared as plain spaces. */
const plain = (text: string) => withReferencesDecoded(text).replace(/[\u00a0\u202f]/g, " ");

/** The home youth with a school to call, a lesson ahead, the ledger of the issue and a notification. */
async function trainingYouth(world: World) {
  await testDb.drivingSchool.update({
    where: { id: world.home.school.id },
    data: { phone: "02 38 53 21 47", address: "12 rue des Lilas", city: "Orléans" },
  });
  await testDb.user.update({ where: { id: world.home.referent.id }, data: { phone: "02 61 91 00 12" } });
  const lesson = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) });
  await testDb.payment.createMany({
    data: [
      { enrolmentId: world.home.enrolment.id, payer: "PROGRAMME", amountCents: 61_000, paidOn: new Date(), label: "Aide maison" },
      { enrolmentId: world.home.enrolment.id, payer: "YOUTH", amountCents: 25_000, paidOn: new Date(), label: "Participation maison" },
    ],
  });
  await testDb.notification.create({ data: { userId: world.home.youthUser.id, title: "Leçon maison", body: "Une leçon est prévue." } });
  return { lesson };
}

/** The away youth with records of their own, none of which may appear in the home youth's export. */
async function otherYouthRecords(world: World) {
  const lesson = await makeLesson(world.away.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 3 * DAY)) });
  await testDb.payment.create({
    data: { enrolmentId: world.away.enrolment.id, payer: "YOUTH", amountCents: 5_000, paidOn: new Date(), label: "Participation ailleurs" },
  });
  await testDb.notification.create({ data: { userId: world.away.youthUser.id, title: "Message ailleurs", body: "Pour l'autre jeune." } });
  return { lesson };
}

describe("/me, the young person's app", () => {
  it("/me — in training — the next lesson as next step, the money sentence, the school's and the counsellor's tel: links, a calendar link, the counsellor's e-mail", async () => {
    const world = await makeWorld();
    const { lesson } = await trainingYouth(world);
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);

    const page = await agent.get("/me");

    expect(page.status).toBe(200);
    const text = plain(page.text);
    expect(text).toContain('data-next-step="NEXT_LESSON"');
    expect(text).toContain("Votre prochaine leçon :");
    expect(text).toContain(
      "Le programme a payé 610 € sur 1 000 €. Votre participation : 250 € payés sur 250 €. Il vous reste 0 € à payer.",
    );
    expect(text).toContain('<a href="tel:+33238532147">02 38 53 21 47</a>');
    expect(text).toContain("12 rue des Lilas, Orléans");
    expect(text).toContain(`href="/me/lessons/${lesson.id}.ics"`);
    const referent = await testDb.user.findUniqueOrThrow({ where: { id: world.home.referent.id } });
    expect(text).toContain(`href="mailto:${referent.email}"`);
    expect(text).toContain('<a href="tel:+33261910012">02 61 91 00 12</a>');
    expect(text).toContain("Leçon maison");
    expect(text).toContain("Je démarre la voiture et je l&#39;arrête.");
    expect(text).toContain('href="/me/export.json"');
  });

  it("/me — code not passed yet — suggests the resource centre's code quiz; never an item for counsellors or a draft", async () => {
    const world = await makeWorld();
    const item = (slug: string, data: { kind: "QUIZ" | "ARTICLE"; audience: "YOUTH" | "REFERENT"; isPublished?: boolean }) =>
      testDb.resource.create({ data: { slug, title: slug, summary: "Résumé.", topic: "Code", ...data } });
    await item("quiz-des-panneaux-me", { kind: "QUIZ", audience: "YOUTH" });
    await item("guide-referents-me", { kind: "ARTICLE", audience: "REFERENT" });
    await item("quiz-brouillon-me", { kind: "QUIZ", audience: "YOUTH", isPublished: false });
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);

    const page = await agent.get("/me");

    expect(page.text).toContain('<h2 id="resources-title">Pour vous aider</h2>');
    expect(page.text).toContain('href="/resources/quiz-des-panneaux-me"');
    expect(page.text).not.toContain("guide-referents-me");
    expect(page.text).not.toContain("quiz-brouillon-me");
  });

  it("/me — not yet applied — the next step says to talk to the counsellor", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
    const user = await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: world.home.missionLocale.id });
    const { agent } = await signedIn(user.email, PASSWORD);

    const page = await agent.get("/me");

    expect(page.status).toBe(200);
    expect(page.text).toContain('data-next-step="APPLY"');
  });
});

describe("GET /me/lessons/:id.ics", () => {
  it(".ics — the youth's own lesson — an RFC 5545 event with CRLF lines, UTC times, a UID and the school's address", async () => {
    const world = await makeWorld();
    const { lesson } = await trainingYouth(world);
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);

    const response = await agent
      .get(`/me/lessons/${lesson.id}.ics`)
      .buffer(true)
      .parse((res, done) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => done(null, body));
      });

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    const body = response.body as string;
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(body).toContain(`UID:lesson-${lesson.id}@spid\r\n`);
    expect(body).toContain(`DTSTART:${lesson.startsAt.toISOString().replace(/[-:]/g, "").replace(".000", "")}\r\n`);
    expect(body).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(body).toContain("12 rue des Lilas\\, Orléans");
  });

  it(".ics — another youth's lesson — 404", async () => {
    const world = await makeWorld();
    const { lesson } = await otherYouthRecords(world);
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await agent.get(`/me/lessons/${lesson.id}.ics`)).status).toBe(404);
  });

  it(".ics — the school or the counsellor — 403", async () => {
    const world = await makeWorld();
    const { lesson } = await trainingYouth(world);
    for (const role of ["SCHOOL", "REFERENT", "ADMIN"] as const) {
      const { agent } = await signedIn(homeUser(world, role).email, PASSWORD);
      expect((await agent.get(`/me/lessons/${lesson.id}.ics`)).status, role).toBe(403);
    }
  });
});

describe("right of access — export.json", () => {
  it("export — the youth's own — their lessons, payments, notifications and who viewed the file; nothing of another youth; audited", async () => {
    const world = await makeWorld();
    const { lesson } = await trainingYouth(world);
    const other = await otherYouthRecords(world);
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect((await referent.agent.get(`/youths/${world.home.youth.id}`)).status).toBe(200);
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);

    const response = await agent.get("/me/export.json");

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="mes-donnees-.+\.json"$/);
    const text = response.text;
    const document = JSON.parse(text) as Record<string, unknown> & {
      identity: { lastName: string };
      lessons: { startsAt: string }[];
      payments: { label: string }[];
      notifications: { title: string }[];
      accessLog: { who: { role: string; name: string } | null; what: string }[];
    };
    expect(document.identity.lastName).toBe(world.home.youth.lastName);
    expect(document.lessons.map((l) => l.startsAt)).toEqual([lesson.startsAt.toISOString()]);
    expect(document.payments.map((p) => p.label).sort()).toEqual(["Aide maison", "Participation maison"]);
    expect(document.notifications.map((n) => n.title)).toEqual(["Leçon maison"]);
    const referentUser = await testDb.user.findUniqueOrThrow({ where: { id: world.home.referent.id } });
    expect(document.accessLog).toContainEqual(
      expect.objectContaining({ who: { role: "REFERENT", name: referentUser.displayName }, what: "YOUTH_VIEWED" }),
    );
    for (const key of [
      "applications",
      "drawEntries",
      "enrolments",
      "skills",
      "exams",
      "recommendations",
      "difficulties",
      "surveys",
      "consents",
    ]) {
      expect(document, key).toHaveProperty(key);
    }
    // Nothing of the other youth.
    for (const foreign of [
      world.away.youth.lastName,
      world.away.youth.ref,
      world.away.youth.id,
      other.lesson.id,
      "Participation ailleurs",
      "Message ailleurs",
    ]) {
      expect(text).not.toContain(foreign);
    }
    expect(
      await testDb.auditEvent.count({
        where: { action: "OWN_DATA_EXPORTED", entityId: world.home.youth.id, actorId: world.home.youthUser.id },
      }),
    ).toBe(1);
  });

  it("export — the counsellor, for a youth of their Mission Locale — the same file, audited as theirs", async () => {
    const world = await makeWorld();
    await trainingYouth(world);
    await otherYouthRecords(world);
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const response = await agent.get(`/youths/${world.home.youth.id}/export.json`);

    expect(response.status).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="mes-donnees-/);
    expect(response.text).toContain("Participation maison");
    expect(response.text).not.toContain("Participation ailleurs");
    expect(
      await testDb.auditEvent.count({
        where: { action: "YOUTH_DATA_EXPORTED", entityId: world.home.youth.id, actorId: world.home.referent.id },
      }),
    ).toBe(1);
    const file = await agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain(`href="/youths/${world.home.youth.id}/export.json"`);
  });

  it("export — a youth of another Mission Locale — 404 and nothing recorded", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    expect((await agent.get(`/youths/${world.away.youth.id}/export.json`)).status).toBe(404);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_DATA_EXPORTED", entityId: world.away.youth.id } })).toBe(0);
  });

  it("export — a school, an evaluator, a youth for another file — 403", async () => {
    const world = await makeWorld();
    for (const role of ["SCHOOL", "EVALUATOR", "YOUTH"] as const) {
      const { agent } = await signedIn(homeUser(world, role).email, PASSWORD);
      expect((await agent.get(`/youths/${world.home.youth.id}/export.json`)).status, role).toBe(403);
    }
    for (const role of ["SCHOOL", "EVALUATOR", "REFERENT", "ADMIN"] as const) {
      const { agent } = await signedIn(homeUser(world, role).email, PASSWORD);
      expect((await agent.get("/me/export.json")).status, role).toBe(403);
    }
  });
});
