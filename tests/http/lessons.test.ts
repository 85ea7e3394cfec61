import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeEnrolment, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, enrolledOn, HOUR, makeLesson, minuteOf, parisFields } from "../helpers/school-factories.ts";
import { formatMoment } from "../../src/domain/time.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

function lessonBody(world: World, startsAt: Date, extra: Record<string, string> = {}) {
  return { enrolmentId: world.home.enrolment.id, ...parisFields(startsAt), durationMin: "60", kind: "DRIVING", ...extra };
}

const inThreeDays = () => minuteOf(new Date(Date.now() + 3 * DAY));

describe("POST /lessons", () => {
  it("plan a lesson — valid form as the school — 303, stored with the signed-in instructor, audited", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const startsAt = inThreeDays();
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, startsAt), _csrf: csrf });
    expect(response.status).toBe(303);
    const lessons = await testDb.lesson.findMany({ where: { enrolmentId: world.home.enrolment.id } });
    expect(lessons).toHaveLength(1);
    expect(lessons[0]).toMatchObject({
      startsAt,
      durationMin: 60,
      kind: "DRIVING",
      attendance: "SCHEDULED",
      instructorId: world.home.schoolUser.id,
    });
    expect(await testDb.auditEvent.count({ where: { action: "LESSON_PLANNED", entityId: lessons[0]!.id } })).toBe(1);
  });

  it("plan a lesson — Paris wall-clock time — stored in UTC", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date("2026-01-05T09:00:00Z"));
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date()), date: "2026-01-15", time: "14:30", _csrf: csrf });
    const lesson = await testDb.lesson.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } });
    expect(lesson.startsAt.toISOString()).toBe("2026-01-15T13:30:00.000Z");
  });

  it("plan a lesson — overlapping one of the same youth — 422, message, nothing stored", async () => {
    const world = await makeWorld();
    const startsAt = inThreeDays();
    await makeLesson(world.home.enrolment.id, { startsAt, durationMin: 60 });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date(startsAt.getTime() + 30 * 60_000)), _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("chevauche une autre leçon du ou de la jeune");
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(1);
  });

  it("plan a lesson — overlapping one of the same instructor with another youth — 422, nothing stored", async () => {
    const world = await makeWorld();
    const startsAt = inThreeDays();
    const other = await makeYouth(world.home.missionLocale.id);
    const otherEnrolment = await makeEnrolment(other.id, world.home.school.id, world.cohort.id);
    await makeLesson(otherEnrolment.id, { startsAt, durationMin: 90, instructorId: world.home.schoolUser.id });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date(startsAt.getTime() + HOUR)), _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("moniteur ou de la monitrice");
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("plan a lesson — back-to-back, or over a cancelled one — 303", async () => {
    const world = await makeWorld();
    const startsAt = inThreeDays();
    await makeLesson(world.home.enrolment.id, { startsAt, durationMin: 60, instructorId: world.home.schoolUser.id });
    await makeLesson(world.home.enrolment.id, { startsAt: new Date(startsAt.getTime() + HOUR), durationMin: 60, attendance: "CANCELLED" });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date(startsAt.getTime() + HOUR)), _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(3);
  });

  it("plan a lesson — in the past (logged after the fact) — 303", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date(Date.now() - 30 * DAY));
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, minuteOf(new Date(Date.now() - 10 * DAY))), _csrf: csrf });
    expect(response.status).toBe(303);
  });

  for (const [field, value, message] of [
    ["date", "pas-une-date", "Saisissez une date valide"],
    ["date", "2026-02-30", "Saisissez une date valide"],
    ["time", "25:00", "Saisissez une heure valide"],
    ["durationMin", "0", "La durée est un nombre entier"],
    ["durationMin", "1000", "La durée est un nombre entier"],
    ["durationMin", "abc", "La durée est un nombre entier"],
    ["kind", "KARAOKE", "Choisissez le type de leçon"],
  ] as const) {
    it(`plan a lesson — ${field} = ${value} — 422 with the French message beside the field, input kept`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post("/lessons")
        .type("form")
        .send({ ...lessonBody(world, inThreeDays()), [field]: value, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(response.text).toContain(`id="${field}-error"`);
      expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
    });
  }

  it("plan a lesson — an unknown field — 422 (strict form)", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(422);
  });

  it("plan a lesson — instructor of another school — 422", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), instructorId: world.away.schoolUser.id, _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("moniteur ou une monitrice de l&#39;auto-école du jeune");
  });

  it("plan a lesson — as ADMIN with the school's instructor — 303", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), instructorId: world.home.schoolUser.id, _csrf: csrf });
    expect(response.status).toBe(303);
  });

  it("plan a lesson — another school's enrolment — 404, nothing stored", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), enrolmentId: world.away.enrolment.id, _csrf: csrf });
    expect(response.status).toBe(404);
    expect(await testDb.lesson.count({ where: { enrolmentId: world.away.enrolment.id } })).toBe(0);
  });

  it("plan a lesson — outside the youth's availability and beyond the pace — saved (303), warning on the next page", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date("2026-02-02T09:00:00Z"));
    // Availability: Mondays 18:00–20:00 only; pace overridden to 1 lesson a week.
    await testDb.youth.update({
      where: { id: world.home.youth.id },
      data: { weeklyAvailability: JSON.stringify([{ day: 1, from: "18:00", to: "20:00" }]), maxLessonsPerWeek: 1 },
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const first = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date()), date: "2026-03-04", time: "10:00", _csrf: csrf }); // a Wednesday
    expect(first.status).toBe(303);
    const page = await agent.get(first.headers.location!);
    expect(page.text).toContain("en dehors des disponibilités");
    const second = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, new Date()), date: "2026-03-02", time: "18:00", _csrf: csrf }); // Monday, in the slot
    expect(second.status).toBe(303);
    const next = await agent.get(second.headers.location!);
    expect(next.text).toContain("au-delà du rythme conseillé");
    expect(next.text).not.toContain("en dehors des disponibilités");
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(2);
  });

  for (const role of ["YOUTH", "REFERENT", "EVALUATOR"] as const) {
    it(`plan a lesson — as ${role} — 403`, async () => {
      const world = await makeWorld();
      const email = role === "YOUTH" ? world.home.youthUser.email : role === "REFERENT" ? world.home.referent.email : world.evaluator.email;
      const { agent, csrf } = await signedIn(email, PASSWORD);
      const response = await agent
        .post("/lessons")
        .type("form")
        .send({ ...lessonBody(world, inThreeDays()), _csrf: csrf });
      expect(response.status).toBe(403);
    });
  }
});

describe("POST /lessons/:id/attendance", () => {
  it("attendance — PRESENT on a started lesson — 303, counted in hours, audited", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id);
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(303);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("PRESENT");
    expect(await testDb.auditEvent.count({ where: { action: "LESSON_ATTENDANCE_RECORDED", entityId: lesson.id } })).toBe(1);
  });

  it("attendance — LATE with minutes — 303 and lateMin stored", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id);
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "LATE", lateMin: "10", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({ attendance: "LATE", lateMin: 10 });
  });

  it("attendance — a correction — the new value replaces the old, audited as a correction", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { attendance: "ABSENT_UNEXCUSED" });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(303);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "LESSON_ATTENDANCE_CORRECTED", entityId: lesson.id } });
    expect(JSON.parse(event.details ?? "{}")).toMatchObject({ from: "ABSENT_UNEXCUSED", to: "PRESENT" });
  });

  it("attendance — CANCELLED in advance with a reason — 303", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() + 2 * DAY) });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "CANCELLED", reason: "Véhicule en panne", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      attendance: "CANCELLED",
      cancelReason: "Véhicule en panne",
    });
  });

  for (const [label, body, message] of [
    ["LATE without lateMin", { attendance: "LATE" }, "Indiquez le retard en minutes"],
    ["CANCELLED without reason", { attendance: "CANCELLED" }, "Indiquez le motif de l&#39;annulation"],
    ["an unknown value", { attendance: "MAYBE" }, "Choisissez la présence"],
    ["lateMin not a number", { attendance: "LATE", lateMin: "dix" }, "Le retard est un nombre entier"],
  ] as const) {
    it(`attendance — ${label} — 422 with a French message, lesson unchanged`, async () => {
      const world = await makeWorld();
      const lesson = await makeLesson(world.home.enrolment.id);
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post(`/lessons/${lesson.id}/attendance`)
        .type("form")
        .send({ ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("SCHEDULED");
    });
  }

  it("attendance — PRESENT on a lesson not started yet — 422", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() + 2 * HOUR) });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("pas encore commencé");
  });

  it("attendance — un-cancelling a lesson whose slot was taken since — 422", async () => {
    const world = await makeWorld();
    const startsAt = minuteOf(new Date(Date.now() - 3 * HOUR));
    const cancelled = await makeLesson(world.home.enrolment.id, { startsAt, attendance: "CANCELLED" });
    await makeLesson(world.home.enrolment.id, { startsAt, attendance: "PRESENT" });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.post(`/lessons/${cancelled.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(422);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: cancelled.id } })).attendance).toBe("CANCELLED");
  });

  it("attendance — another school's lesson — 404", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.away.enrolment.id);
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
    expect(response.status).toBe(404);
  });

  it("attendance — as ADMIN — 303", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.away.enrolment.id);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "ABSENT_EXCUSED", _csrf: csrf });
    expect(response.status).toBe(303);
  });

  for (const role of ["YOUTH", "REFERENT", "EVALUATOR"] as const) {
    it(`attendance — as ${role} — 403`, async () => {
      const world = await makeWorld();
      const lesson = await makeLesson(world.home.enrolment.id);
      const email = role === "YOUTH" ? world.home.youthUser.email : role === "REFERENT" ? world.home.referent.email : world.evaluator.email;
      const { agent, csrf } = await signedIn(email, PASSWORD);
      const response = await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "PRESENT", _csrf: csrf });
      expect(response.status).toBe(403);
    });
  }
});

describe("school home and week view", () => {
  it("school home — a lesson today — listed with its attendance taps; a tap marks it present", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, {
      startsAt: minuteOf(new Date(Date.now() - 5 * 60_000)),
      durationMin: 30,
      instructorId: world.home.schoolUser.id,
    });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const home = await agent.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain(`action="/lessons/${lesson.id}/attendance"`);
    expect(home.text).toContain('value="PRESENT"');
    const tap = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "PRESENT", returnTo: "/", _csrf: csrf });
    expect(tap.status).toBe(303);
    expect(tap.headers.location).toBe(`/#lesson-${lesson.id}`);
  });

  it("school home — no initial assessment 20 days after enrolment, two absences in a row — the caseload's warnings", async () => {
    const world = await makeWorld();
    await testDb.enrolment.update({
      where: { id: world.home.enrolment.id },
      data: { initialAssessmentAt: null, enrolledAt: new Date(Date.now() - 20 * DAY) },
    });
    for (let i = 1; i <= 3; i += 1)
      await makeLesson(world.home.enrolment.id, {
        startsAt: new Date(Date.now() - i * DAY),
        attendance: i === 3 ? "PRESENT" : "ABSENT_UNEXCUSED",
      });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const home = await agent.get("/");
    expect(home.text).toContain('data-alerts="ABSENCES ASSESSMENT_MISSING"');
    expect(home.text).toContain("2 absences non excusées de suite");
    expect(home.text).toContain("Inscrit·e depuis 20 jours sans évaluation de départ");
    expect(home.text).toContain("33 %");
    expect(home.text).not.toContain(world.away.youth.lastName);

    const { agent: counsellor } = await signedIn(world.home.referent.email, PASSWORD);
    const caseload = await counsellor.get("/caseload");
    expect(caseload.text).toContain(`data-youth-id="${world.home.youth.id}" data-alerts="ABSENCES ASSESSMENT_MISSING"`);
  });

  it("week view — another school's instructor — 404", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await agent.get(`/lessons/week?instructorId=${world.away.schoolUser.id}`)).status).toBe(404);
  });

  it("week view — the instructor's week — lists their lessons of that week only", async () => {
    const world = await makeWorld();
    await makeLesson(world.home.enrolment.id, { startsAt: new Date("2026-03-04T09:00:00Z"), instructorId: world.home.schoolUser.id });
    await makeLesson(world.home.enrolment.id, {
      startsAt: new Date("2026-03-12T09:00:00Z"),
      instructorId: world.home.schoolUser.id,
      kind: "THEORY",
    });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const page = await agent.get(`/lessons/week?instructorId=${world.home.schoolUser.id}&week=2026-03-05`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Semaine du 02/03/2026");
    expect(page.text).toContain("10:00");
    expect(page.text).not.toContain(">Code ·");
  });
});

describe("pace override", () => {
  it("pace — the counsellor sets 2 per week — stored and audited; empty restores the suggested pace", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (await agent.post(`/youths/${world.home.youth.id}/pace`).type("form").send({ maxLessonsPerWeek: "2", _csrf: csrf })).status,
    ).toBe(303);
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: world.home.youth.id } })).maxLessonsPerWeek).toBe(2);
    expect((await agent.post(`/youths/${world.home.youth.id}/pace`).type("form").send({ maxLessonsPerWeek: "", _csrf: csrf })).status).toBe(
      303,
    );
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: world.home.youth.id } })).maxLessonsPerWeek).toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_PACE_SET", entityId: world.home.youth.id } })).toBe(2);
  });

  it("pace — 0 or 50 — 422", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    for (const value of ["0", "50"]) {
      const response = await agent.post(`/youths/${world.home.youth.id}/pace`).type("form").send({ maxLessonsPerWeek: value, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain("Le rythme est un nombre entier");
    }
  });

  it("pace — a youth of another Mission Locale — 404; a school — 403", async () => {
    const world = await makeWorld();
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (await referent.agent.post(`/youths/${world.away.youth.id}/pace`).type("form").send({ maxLessonsPerWeek: "2", _csrf: referent.csrf }))
        .status,
    ).toBe(404);
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (await school.agent.post(`/youths/${world.home.youth.id}/pace`).type("form").send({ maxLessonsPerWeek: "2", _csrf: school.csrf }))
        .status,
    ).toBe(403);
  });
});

describe("school workspace — scope first, views audited", () => {
  it("plan a lesson — bad form on another school's enrolment — 404, not 422", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), enrolmentId: world.away.enrolment.id, durationMin: "0", _csrf: csrf });
    expect(response.status).toBe(404);
  });

  it("plan a lesson — an unknown extra field — 422 with a French message", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, inThreeDays()), surprise: "1", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).not.toContain("Unrecognized");
    expect(response.text).toContain("surprise");
  });

  it("lesson, booklet and exams pages — viewed by the school — each adds a YOUTH_VIEWED audit event", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - DAY)) });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const before = await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: world.home.youth.id } });
    expect((await agent.get(`/lessons/${lesson.id}`)).status).toBe(200);
    expect((await agent.get(`/enrolments/${world.home.enrolment.id}/booklet`)).status).toBe(200);
    expect((await agent.get(`/enrolments/${world.home.enrolment.id}/exams`)).status).toBe(200);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: world.home.youth.id } })).toBe(before + 3);
  });
});

describe("lesson notifications to the youth", () => {
  /** The notifications of the world's people, by whom they reach. */
  async function noticesOf(world: World) {
    const rows = await testDb.notification.findMany({ select: { userId: true, title: true, body: true, link: true } });
    const of = (id: string) => rows.filter((row) => row.userId === id);
    return { youth: of(world.home.youthUser.id), others: rows.filter((row) => row.userId !== world.home.youthUser.id) };
  }

  it("a lesson planned to come — the youth (with an account) is told when, in Paris time; no one else", async () => {
    await testDb.notification.deleteMany();
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const startsAt = inThreeDays();
    await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, startsAt), _csrf: csrf });

    const notices = await noticesOf(world);
    expect(notices.youth).toEqual([
      {
        userId: world.home.youthUser.id,
        title: "Nouvelle leçon",
        body: `Une leçon de conduite est prévue le ${formatMoment(startsAt)}.`,
        link: "/me",
      },
    ]);
    expect(notices.others).toEqual([]);
  });

  it("a lesson logged after the fact — no notification", async () => {
    await testDb.notification.deleteMany();
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date(Date.now() - 30 * DAY));
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, minuteOf(new Date(Date.now() - 2 * DAY))), _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.notification.count()).toBe(0);
  });

  it("a lesson cancelled in advance, then put back — the youth is told both, with the reason", async () => {
    await testDb.notification.deleteMany();
    const world = await makeWorld();
    const startsAt = minuteOf(new Date(Date.now() + 2 * DAY));
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "CANCELLED", reason: "Véhicule en panne", _csrf: csrf });
    await agent.post(`/lessons/${lesson.id}/attendance`).type("form").send({ attendance: "SCHEDULED", _csrf: csrf });

    const notices = await noticesOf(world);
    expect(notices.youth.map((n) => n.body)).toEqual(
      expect.arrayContaining([
        `Votre leçon du ${formatMoment(startsAt)} est annulée. Motif : Véhicule en panne`,
        `Votre leçon du ${formatMoment(startsAt)} a finalement lieu.`,
      ]),
    );
    expect(notices.youth).toHaveLength(2);
    expect(notices.others).toEqual([]);
  });

  it("a lesson of a youth without an account — cancelled — no notification", async () => {
    await testDb.notification.deleteMany();
    const world = await makeWorld();
    await testDb.user.delete({ where: { id: world.home.youthUser.id } });
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "CANCELLED", reason: "Pluie", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.notification.count()).toBe(0);
  });
});
