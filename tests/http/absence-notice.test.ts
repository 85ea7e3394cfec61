// "Je ne pourrai pas venir": a young person's notice on one of their planned lessons.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { parisIsoDay } from "../../src/domain/time.ts";
import { DAY, HOUR, makeLesson, minuteOf } from "../helpers/school-factories.ts";

const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&amp;/g, "&");

async function youthWithLesson(startsIn: number, options: { withInstructor?: boolean } = {}) {
  const world = await makeWorld();
  const lesson = await makeLesson(world.home.enrolment.id, {
    startsAt: minuteOf(new Date(Date.now() + startsIn)),
    instructorId: options.withInstructor === false ? null : world.home.schoolUser.id,
  });
  const youth = await signedIn(world.home.youthUser.email, PASSWORD);
  const send = (reason: string | undefined, id = lesson.id) =>
    youth.agent
      .post(`/lessons/${id}/absence-notice`)
      .type("form")
      .send({ ...(reason === undefined ? {} : { reason }), _csrf: youth.csrf });
  return { world, lesson, youth, send };
}

describe("POST /lessons/:id/absence-notice", () => {
  it("absence notice — three days ahead — the lesson becomes an excused absence, the instructor is told, the write audited", async () => {
    const { world, lesson, youth, send } = await youthWithLesson(3 * DAY);
    const colleague = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    expect((await youth.agent.get("/me")).text).toContain("Je ne pourrai pas venir");

    const response = await send("Rendez-vous à Pôle emploi");

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/me");
    const stored = await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(stored).toMatchObject({ attendance: "ABSENT_EXCUSED", absenceNoticeReason: "Rendez-vous à Pôle emploi" });
    expect(stored.absenceNoticeAt).toBeInstanceOf(Date);
    const notices = await testDb.notification.findMany({ where: { link: `/lessons/${lesson.id}` } });
    expect(notices.map((n) => n.userId)).toEqual([world.home.schoolUser.id]);
    expect(notices[0]?.body).toContain("Rendez-vous à Pôle emploi");
    expect(await testDb.notification.count({ where: { userId: colleague.id } })).toBe(0);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "LESSON_ABSENCE_NOTICED", entityId: lesson.id } });
    expect(audit.actorId).toBe(world.home.youthUser.id);
    expect(JSON.parse(audit.details!)).toMatchObject({ excused: true, reason: "Rendez-vous à Pôle emploi" });

    const page = unescape((await youth.agent.get("/me")).text);
    expect(page).toContain("est excusée. L'auto-école est prévenue.");
    expect(page).toMatch(/Absence excusée\. Vous avez prévenu le \d\d\/\d\d\/\d{4}\./);
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const week = unescape((await school.agent.get(`/lessons/week?week=${parisIsoDay(lesson.startsAt)}`)).text);
    expect(week).toMatch(/Absence excusée, prévenue le \d\d\/\d\d\/\d{4} : Rendez-vous à Pôle emploi/);
  });

  it("absence notice — two hours ahead — the lesson stays planned with the notice; the school's staff told; the school's lesson page says so", async () => {
    const { world, lesson, send } = await youthWithLesson(2 * HOUR, { withInstructor: false });

    const response = await send("Je suis malade");

    expect(response.status).toBe(303);
    const stored = await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(stored).toMatchObject({ attendance: "SCHEDULED", absenceNoticeReason: "Je suis malade" });
    expect(stored.absenceNoticeAt).toBeInstanceOf(Date);
    const notices = await testDb.notification.findMany({ where: { link: `/lessons/${lesson.id}` } });
    expect(notices.map((n) => n.userId)).toEqual([world.home.schoolUser.id]);
    expect(notices[0]?.title).toBe("Absence annoncée à moins de 24 h");

    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const page = unescape((await school.agent.get(`/lessons/${lesson.id}`)).text);
    expect(page).toContain("Le jeune a prévenu qu'il ne viendra pas : Je suis malade");
  });

  it("absence notice — a reason too short, missing or too long — 422 with the message, what was typed kept, nothing stored", async () => {
    const { lesson, send } = await youthWithLesson(3 * DAY);

    const short = await send("ok");
    expect(short.status).toBe(422);
    const page = unescape(short.text);
    expect(page).toContain("Écrivez pourquoi vous ne pourrez pas venir (au moins 3 caractères).");
    expect(page).toMatch(/<details class="absence-notice" open>/);
    expect(page).toMatch(/<textarea id="reason-[^"]+" name="reason"[^>]*aria-invalid=true>ok<\/textarea>/);

    expect((await send(undefined)).status).toBe(422);
    const long = await send("x".repeat(301));
    expect(long.status).toBe(422);
    expect(unescape(long.text)).toContain("Votre message est trop long : 300 caractères au plus.");

    const stored = await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(stored).toMatchObject({ attendance: "SCHEDULED", absenceNoticeAt: null });
    expect(await testDb.notification.count({ where: { link: `/lessons/${lesson.id}` } })).toBe(0);
  });

  it("absence notice — a past lesson, a cancelled one, a second notice — 422 with a clear message", async () => {
    const { world, send } = await youthWithLesson(3 * DAY);
    const past = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - 3 * HOUR)) });
    const cancelled = await makeLesson(world.home.enrolment.id, {
      startsAt: minuteOf(new Date(Date.now() + 5 * DAY)),
      attendance: "CANCELLED",
    });

    const onPast = await send("Trop tard", past.id);
    expect(onPast.status).toBe(422);
    expect(unescape(onPast.text)).toContain("Cette leçon a déjà commencé ou est passée. Appelez votre auto-école.");
    const onCancelled = await send("Rien", cancelled.id);
    expect(onCancelled.status).toBe(422);
    expect(unescape(onCancelled.text)).toContain("Cette leçon est annulée.");

    expect((await send("Première fois")).status).toBe(303);
    const again = await send("Deuxième fois");
    expect(again.status).toBe(422);
    expect(unescape(again.text)).toContain("Vous avez déjà prévenu l'auto-école pour cette leçon.");
  });

  it("absence notice — another youth's lesson — 404, nothing stored", async () => {
    const { world, send } = await youthWithLesson(3 * DAY);
    const theirs = await makeLesson(world.away.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 3 * DAY)) });

    expect((await send("Pas la mienne", theirs.id)).status).toBe(404);
    expect(await testDb.lesson.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      attendance: "SCHEDULED",
      absenceNoticeAt: null,
    });
  });

  it("absence notice — the school, the counsellor, the coordinator — 403", async () => {
    const { world, lesson } = await youthWithLesson(3 * DAY);
    const admin = await makeUser("ADMIN");
    for (const email of [world.home.schoolUser.email, world.home.referent.email, admin.email]) {
      const { agent, csrf } = await signedIn(email, PASSWORD);
      const response = await agent.post(`/lessons/${lesson.id}/absence-notice`).type("form").send({ reason: "Pour lui", _csrf: csrf });
      expect(response.status).toBe(403);
    }
  });
});
