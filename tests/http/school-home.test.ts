import { describe, expect, it } from "vitest";
import { signedIn, withReferencesDecoded } from "../helpers/app.ts";
import { makeEnrolment, makeUser, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson } from "../helpers/school-factories.ts";
import { startOfParisDay } from "../../src/domain/time.ts";

const MINUTE = 60_000;

/** A minute of today (Paris) already past, so that attendance can be recorded. */
const todayAt = (minutesAfterMidnight: number) => new Date(startOfParisDay(new Date()).getTime() + minutesAfterMidnight * MINUTE);

/** The HTML of one lesson card of a page. */
function cardOf(html: string, lessonId: string): string {
  const start = html.indexOf(`id="lesson-${lessonId}"`);
  if (start < 0) throw new Error(`no card for lesson ${lessonId}`);
  return html.slice(start, html.indexOf("</li>", start));
}

/** A second instructor of the home school with a learner of their own. */
async function colleagueWithLearner(world: Awaited<ReturnType<typeof makeWorld>>) {
  const colleague = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
  const youth = await makeYouth(world.home.missionLocale.id);
  const enrolment = await makeEnrolment(youth.id, world.home.school.id, world.cohort.id);
  return { colleague, enrolment };
}

describe("school home — lessons of the day", () => {
  it("school home — default view — only the signed-in instructor's lessons, the others counted with a link to the whole school", async () => {
    const world = await makeWorld();
    const { colleague, enrolment } = await colleagueWithLearner(world);
    const own = await makeLesson(world.home.enrolment.id, {
      startsAt: todayAt(1),
      durationMin: 30,
      instructorId: world.home.schoolUser.id,
    });
    const theirs = await makeLesson(enrolment.id, { startsAt: todayAt(1), durationMin: 30, instructorId: colleague.id });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/");

    expect(home.status).toBe(200);
    expect(home.text).toContain(`id="lesson-${own.id}"`);
    expect(home.text).not.toContain(`id="lesson-${theirs.id}"`);
    expect(home.text).toContain("1 autre leçon");
    expect(home.text).toContain('href="/?all=1"');
  });

  it("school home — switch to the whole school — every lesson, the instructor's own first even when it starts later", async () => {
    const world = await makeWorld();
    const { colleague, enrolment } = await colleagueWithLearner(world);
    const own = await makeLesson(world.home.enrolment.id, { startsAt: todayAt(2), durationMin: 1, instructorId: world.home.schoolUser.id });
    const theirs = await makeLesson(enrolment.id, { startsAt: todayAt(1), durationMin: 1, instructorId: colleague.id });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/?all=1");

    expect(home.text).toMatch(/<a href="\/\?all=1" aria-current=page>/);
    const ownAt = home.text.indexOf(`id="lesson-${own.id}"`);
    const theirsAt = home.text.indexOf(`id="lesson-${theirs.id}"`);
    expect(ownAt).toBeGreaterThan(-1);
    expect(theirsAt).toBeGreaterThan(ownAt);
  });

  it("school home — lessons today, to record and coming — today's first, then those to record, then the next days", async () => {
    const world = await makeWorld();
    const instructorId = world.home.schoolUser.id;
    const coming = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() + 2 * DAY), instructorId });
    const toRecord = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() - 3 * DAY), instructorId });
    const today = await makeLesson(world.home.enrolment.id, { startsAt: todayAt(1), durationMin: 1, instructorId });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/");

    const positions = [today, toRecord, coming].map((lesson) => home.text.indexOf(`id="lesson-${lesson.id}"`));
    expect(positions.every((position) => position > -1)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("school home — lesson states — aria-pressed on the recorded attendance, buttons named by what they do", async () => {
    const world = await makeWorld();
    const instructorId = world.home.schoolUser.id;
    const present = await makeLesson(world.home.enrolment.id, {
      startsAt: todayAt(1),
      durationMin: 1,
      attendance: "PRESENT",
      instructorId,
    });
    const cancelled = await makeLesson(world.home.enrolment.id, {
      startsAt: todayAt(2),
      durationMin: 1,
      attendance: "CANCELLED",
      instructorId,
    });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/");

    const presentCard = cardOf(home.text, present.id);
    expect(presentCard).toMatch(/value="PRESENT" class="tap tap-present" aria-pressed="true"/);
    expect(presentCard).toContain('value="ABSENT_EXCUSED" class="outline" aria-pressed="false"');
    expect(withReferencesDecoded(presentCard)).toContain("Annuler la leçon…");
    const cancelledCard = cardOf(home.text, cancelled.id);
    expect(cancelledCard).toContain('value="PRESENT" class="tap tap-present outline" aria-pressed="false"');
    expect(cancelledCard).toContain("Rétablir la leçon");
    expect(withReferencesDecoded(cancelledCard)).not.toContain("Annuler la leçon…");
  });
});

describe("school home — past lessons to record (À renseigner)", () => {
  it("pending list — a past lesson without attendance — listed and counted; a recorded one and a colleague's are not", async () => {
    const world = await makeWorld();
    const { colleague, enrolment } = await colleagueWithLearner(world);
    const instructorId = world.home.schoolUser.id;
    const waiting = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() - 3 * DAY), instructorId });
    const recorded = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() - 4 * DAY),
      attendance: "PRESENT",
      instructorId,
    });
    const theirs = await makeLesson(enrolment.id, { startsAt: new Date(Date.now() - 3 * DAY), instructorId: colleague.id });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/");

    const pending = home.text.slice(home.text.indexOf('id="pending-title"'), home.text.indexOf('id="upcoming-title"'));
    expect(pending).toContain('<span class="badge warn">1</span>');
    expect(pending).toContain(`id="lesson-${waiting.id}"`);
    expect(pending).not.toContain(`id="lesson-${recorded.id}"`);
    expect(pending).not.toContain(`id="lesson-${theirs.id}"`);
    const all = await agent.get("/?all=1");
    expect(all.text).toContain(`id="lesson-${theirs.id}"`);
  });

  it("pending list — another school's lesson to record — never listed", async () => {
    const world = await makeWorld();
    const away = await makeLesson(world.away.enrolment.id, {
      startsAt: new Date(Date.now() - 3 * DAY),
      instructorId: world.away.schoolUser.id,
    });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/?all=1");

    expect(home.text).not.toContain(`id="lesson-${away.id}"`);
    expect(home.text).toContain("Toutes les leçons passées ont leur présence.");
  });
});

describe("school home — back on the card after a tap", () => {
  it("attendance tap — from the home — 303 to the same view with the card's fragment; the confirmation and its undo sit in that card", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() - 3 * DAY),
      instructorId: world.home.schoolUser.id,
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const tap = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "PRESENT", returnTo: "/?all=1", _csrf: csrf });

    expect(tap.status).toBe(303);
    expect(tap.headers.location).toBe(`/?all=1#lesson-${lesson.id}`);
    const page = await agent.get("/?all=1");
    const card = cardOf(page.text, lesson.id);
    expect(card).toContain('class="card-flash" role="status"');
    expect(withReferencesDecoded(card)).toContain("Présent·e — ");
    expect(card).toContain('name="attendance" value="SCHEDULED"');
    expect(card).toContain("Annuler ce changement");
    expect(page.text.match(/role="status"/g)).toHaveLength(1);
    const again = await agent.get("/?all=1");
    expect(again.text).not.toContain("Annuler ce changement");
  });

  it("undo — the previous value posted back through the attendance route — restored and audited as a correction", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() - 3 * DAY),
      attendance: "LATE",
      instructorId: world.home.schoolUser.id,
    });
    await testDb.lesson.update({ where: { id: lesson.id }, data: { lateMin: 12 } });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "ABSENT_UNEXCUSED", returnTo: "/", _csrf: csrf });
    const card = cardOf((await agent.get("/")).text, lesson.id);
    expect(card).toContain('name="attendance" value="LATE"');
    expect(card).toContain('name="lateMin" value="12"');

    const undo = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "LATE", lateMin: "12", returnTo: "/", _csrf: csrf });

    expect(undo.status).toBe(303);
    expect(await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({ attendance: "LATE", lateMin: 12 });
    const events = await testDb.auditEvent.findMany({
      where: { action: "LESSON_ATTENDANCE_CORRECTED", entityId: lesson.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => JSON.parse(event.details ?? "{}") as { from: string; to: string })).toMatchObject([
      { from: "LATE", to: "ABSENT_UNEXCUSED" },
      { from: "ABSENT_UNEXCUSED", to: "LATE" },
    ]);
  });

  it("undo of a first tap — SCHEDULED posted back — the lesson is to record again, still on the home with its confirmation", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() - 3 * DAY),
      instructorId: world.home.schoolUser.id,
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", returnTo: "/", _csrf: csrf });

    const undo = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "SCHEDULED", returnTo: "/", _csrf: csrf });

    expect(undo.status).toBe(303);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("SCHEDULED");
    expect(await testDb.auditEvent.count({ where: { action: "LESSON_ATTENDANCE_CORRECTED", entityId: lesson.id } })).toBe(1);
    expect(cardOf((await agent.get("/")).text, lesson.id)).toContain("Présence effacée");
  });

  it("attendance tap — the lesson just recorded leaves the pending count but stays listed with its confirmation", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() - 3 * DAY),
      instructorId: world.home.schoolUser.id,
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "ABSENT_EXCUSED", returnTo: "/", _csrf: csrf });

    const page = await agent.get("/");
    const pending = page.text.slice(page.text.indexOf('id="pending-title"'), page.text.indexOf('id="upcoming-title"'));
    expect(pending).toContain('<span class="badge">0</span>');
    expect(withReferencesDecoded(cardOf(pending, lesson.id))).toContain("Absence excusée — ");
    expect((await agent.get("/")).text).not.toContain(`id="lesson-${lesson.id}"`);
  });

  it("attendance — restoring a cancelled lesson not started yet — 303, planned again", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: new Date(Date.now() + 2 * DAY),
      attendance: "CANCELLED",
      instructorId: world.home.schoolUser.id,
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "SCHEDULED", returnTo: "/", _csrf: csrf });

    expect(response.status).toBe(303);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("SCHEDULED");
  });
});

describe("school home — learners", () => {
  it("school home — a learner with warnings and one without — only the first listed, with a link to all; learners=all lists both", async () => {
    const world = await makeWorld();
    for (const days of [1, 2])
      await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() - days * DAY), attendance: "ABSENT_UNEXCUSED" });
    const { enrolment: calm } = await colleagueWithLearner(world);
    const calmYouth = await testDb.youth.findUniqueOrThrow({ where: { id: calm.youthId } });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const home = await agent.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("À suivre de près (1)");
    expect(home.text).toContain(`/youths/${world.home.youth.id}"`);
    expect(home.text).not.toContain(calmYouth.lastName);
    expect(home.text).toContain('href="/?learners=all#youths-title">Voir les 2 jeunes en formation</a>');

    const all = await agent.get("/?learners=all");
    expect(all.text).toContain(`/youths/${world.home.youth.id}"`);
    expect(all.text).toContain("L&#39;autre jeune, sans alerte");
    expect(all.text).toContain(calmYouth.lastName);
    expect(all.text).not.toContain("Voir les 2 jeunes en formation");
  });
});

describe("school home — learners to watch", () => {
  it("school home — eleven learners with warnings — the ten most serious listed and the eleventh counted; learners=all lists the eleven", async () => {
    const world = await makeWorld();
    const watched = [world.home.enrolment];
    for (let i = 0; i < 10; i++) watched.push((await colleagueWithLearner(world)).enrolment);
    for (const enrolment of watched)
      for (const days of [1, 2])
        await makeLesson(enrolment.id, { startsAt: new Date(Date.now() - days * DAY), attendance: "ABSENT_UNEXCUSED" });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const listed = (html: string) => watched.filter((enrolment) => html.includes(`/youths/${enrolment.youthId}"`)).length;

    const home = await agent.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("À suivre de près (11)");
    expect(home.text).toContain("Les 10 plus urgents sur 11.");
    expect(listed(home.text)).toBe(10);

    const all = await agent.get("/?learners=all");
    expect(listed(all.text)).toBe(11);
  });
});
