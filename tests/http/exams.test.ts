import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeEnrolment, makeSchool, makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson, minuteOf } from "../helpers/school-factories.ts";
import { parisDateTime } from "../../src/domain/time.ts";

const post = async (email: string, enrolmentId: string, body: Record<string, string>) => {
  const { agent, csrf } = await signedIn(email, PASSWORD);
  return agent
    .post(`/enrolments/${enrolmentId}/exams`)
    .type("form")
    .send({ ...body, _csrf: csrf });
};

const noon = (day: string) => parisDateTime(day, "12:00");

/** A world whose two enrolments started on 5 January 2026, the theory test declared passed on
 * 1 February 2026 unless told otherwise (null: no theory pass at all). */
async function enrolledWorld(theoryPassedOn: string | null = "2026-02-01") {
  const world = await makeWorld();
  await testDb.enrolment.updateMany({
    where: { id: { in: [world.home.enrolment.id, world.away.enrolment.id] } },
    data: { enrolledAt: new Date("2026-01-05T09:00:00Z"), theoryPassedOn: theoryPassedOn ? noon(theoryPassedOn) : null },
  });
  return world;
}

describe("POST /enrolments/:id/exams", () => {
  it("exam — the exams page — says until when the theory pass is valid", async () => {
    const world = await enrolledWorld("2026-02-01");
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await agent.get(`/enrolments/${world.home.enrolment.id}/exams`)).text).toContain("valable jusqu&#39;au 01/02/2031");
  });

  it("exam — theory passed 36/40 — 303, stored, audited, no licence yet", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "THEORY",
      date: "2026-03-10",
      score: "36",
      result: "PASSED",
    });
    expect(response.status).toBe(303);
    const exam = await testDb.exam.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } });
    expect(exam).toMatchObject({ kind: "THEORY", score: 36, result: "PASSED", eliminatoryFault: false });
    expect(await testDb.auditEvent.count({ where: { action: "EXAM_RECORDED", entityId: exam.id } })).toBe(1);
    expect((await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } })).licenceObtainedOn).toBeNull();
  });

  it("exam — practical passed 24/31 — licence obtained on that date", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "24",
      result: "PASSED",
    });
    expect(response.status).toBe(303);
    const enrolment = await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } });
    expect(enrolment.licenceObtainedOn?.toISOString().slice(0, 10)).toBe("2026-04-02");
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.get("/me")).text).toContain("vous avez le permis depuis le 02/04/2026");
  });

  it("exam — absent without a score — 303", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "",
      result: "ABSENT",
    });
    expect(response.status).toBe(303);
  });

  it("exam — practical failed with an eliminatory fault and 25/31 — 303", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "25",
      result: "FAILED",
      eliminatoryFault: "on",
    });
    expect(response.status).toBe(303);
    expect((await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } })).licenceObtainedOn).toBeNull();
  });

  for (const [label, body, message] of [
    ["theory score 41", { kind: "THEORY", date: "2026-03-10", score: "41", result: "FAILED" }, "entre 0 et 40"],
    ["practical score 32", { kind: "PRACTICAL", date: "2026-03-10", score: "32", result: "PASSED" }, "entre 0 et 31"],
    ["a negative score", { kind: "THEORY", date: "2026-03-10", score: "-1", result: "FAILED" }, "entre 0 et 40"],
    ["theory passed with 30", { kind: "THEORY", date: "2026-03-10", score: "30", result: "PASSED" }, "ne correspond pas"],
    ["theory failed with 38", { kind: "THEORY", date: "2026-03-10", score: "38", result: "FAILED" }, "donne une réussite"],
    ["practical passed with 19", { kind: "PRACTICAL", date: "2026-03-10", score: "19", result: "PASSED" }, "ne correspond pas"],
    [
      "practical passed with an eliminatory fault",
      { kind: "PRACTICAL", date: "2026-03-10", score: "28", result: "PASSED", eliminatoryFault: "on" },
      "ne correspond pas",
    ],
    ["no score and not absent", { kind: "THEORY", date: "2026-03-10", result: "FAILED" }, "Saisissez la note"],
    ["a score while absent", { kind: "THEORY", date: "2026-03-10", score: "20", result: "ABSENT" }, "absent·e n&#39;a ni note"],
    ["a date that is not a date", { kind: "THEORY", date: "mardi", score: "36", result: "PASSED" }, "Saisissez la date de l&#39;examen"],
    ["a future date", { kind: "THEORY", date: "2999-01-01", score: "36", result: "PASSED" }, "examen à venir"],
    ["an unknown kind", { kind: "MOTO", date: "2026-03-10", score: "36", result: "PASSED" }, "Choisissez l&#39;épreuve"],
    ["an unknown result", { kind: "THEORY", date: "2026-03-10", score: "36", result: "BOF" }, "Choisissez le résultat"],
  ] as const) {
    it(`exam — ${label} — 422 with a French message, nothing stored`, async () => {
      const world = await enrolledWorld();
      const response = await post(world.home.schoolUser.email, world.home.enrolment.id, body);
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
    });
  }

  it("exam — another school's enrolment — 404", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.away.enrolment.id, {
      kind: "THEORY",
      date: "2026-03-10",
      score: "36",
      result: "PASSED",
    });
    expect(response.status).toBe(404);
  });

  it("exam — as ADMIN — 303", async () => {
    const world = await enrolledWorld();
    expect(
      (await post(world.admin.email, world.away.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" }))
        .status,
    ).toBe(303);
  });

  for (const role of ["YOUTH", "REFERENT", "EVALUATOR"] as const) {
    it(`exam — as ${role} — 403`, async () => {
      const world = await enrolledWorld();
      const email = role === "YOUTH" ? world.home.youthUser.email : role === "REFERENT" ? world.home.referent.email : world.evaluator.email;
      expect(
        (await post(email, world.home.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" })).status,
      ).toBe(403);
    });
  }
});

describe("exam rules: theory validity, one licence, dates within the enrolment", () => {
  it("practical exam — without any theory pass — 422 with the reason, nothing stored", async () => {
    const world = await enrolledWorld(null);
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "17",
      result: "FAILED",
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Pas de code valable à cette date");
    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("practical exam — after a theory pass recorded in SPID — 303", async () => {
    const world = await enrolledWorld(null);
    const theory = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "THEORY",
      date: "2026-03-10",
      score: "36",
      result: "PASSED",
    });
    const practical = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "17",
      result: "FAILED",
    });
    expect(theory.status).toBe(303);
    expect(practical.status).toBe(303);
  });

  it("practical exam — the theory passed at a former school — counts (303)", async () => {
    const world = await enrolledWorld(null);
    const formerSchool = await makeSchool(world.home.missionLocale.id);
    const former = await makeEnrolment(world.home.youth.id, formerSchool.id, world.cohort.id, false);
    await testDb.exam.create({ data: { enrolmentId: former.id, kind: "THEORY", date: noon("2025-11-20"), score: 37, result: "PASSED" } });
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "17",
      result: "FAILED",
    });
    expect(response.status).toBe(303);
  });

  it("practical exam — a theory pass declared at enrolment exactly five years before — 303", async () => {
    const world = await enrolledWorld("2021-04-02");
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "17",
      result: "FAILED",
    });
    expect(response.status).toBe(303);
  });

  it("practical exam — a theory pass five years and one day before — 422, the code is no longer valid", async () => {
    const world = await enrolledWorld("2021-04-01");
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "17",
      result: "FAILED",
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("n&#39;est plus valable à cette date");
    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("practical exam — a second pass after the licence — 422, one licence only", async () => {
    const world = await enrolledWorld();
    const first = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "24",
      result: "PASSED",
    });
    const second = await post(world.admin.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-05-02",
      score: "26",
      result: "PASSED",
    });
    expect(first.status).toBe(303);
    expect(second.status).toBe(422);
    expect(second.text).toContain("Le permis est déjà obtenu (conduite réussie le 02/04/2026)");
    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(1);
  });

  it("practical exam — passed again at a new school after a licence at a former one — 422", async () => {
    const world = await enrolledWorld();
    const formerSchool = await makeSchool(world.home.missionLocale.id);
    const former = await makeEnrolment(world.home.youth.id, formerSchool.id, world.cohort.id, false);
    await testDb.enrolment.update({ where: { id: former.id }, data: { status: "COMPLETED", licenceObtainedOn: noon("2026-02-20") } });
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "24",
      result: "PASSED",
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Le permis est déjà obtenu");
  });

  it("exam — dated before the enrolment — 422 with the enrolment day", async () => {
    const world = await enrolledWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, {
      kind: "THEORY",
      date: "2026-01-04",
      score: "36",
      result: "PASSED",
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("d&#39;avant l&#39;inscription dans cette auto-école (le 05/01/2026)");
    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("exam — dated on the enrolment day — 303", async () => {
    const world = await enrolledWorld();
    expect(
      (
        await post(world.home.schoolUser.email, world.home.enrolment.id, {
          kind: "THEORY",
          date: "2026-01-05",
          score: "36",
          result: "PASSED",
        })
      ).status,
    ).toBe(303);
  });
});

describe("the licence: lessons to come cancelled, the school told", () => {
  it("licence — recorded by the coordinator — cancels the youth's lessons to come with « Permis obtenu », keeps the past ones, notifies the school's staff", async () => {
    const world = await enrolledWorld();
    const colleague = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    const past = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - 2 * DAY)), attendance: "PRESENT" });
    const coming = [
      await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) }),
      await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 5 * DAY)) }),
    ];
    const otherYouthLesson = await makeLesson(world.away.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) });
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);

    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/exams`)
      .type("form")
      .send({ kind: "PRACTICAL", date: "2026-04-02", score: "24", result: "PASSED", _csrf: csrf });

    expect(response.status).toBe(303);
    const confirmation = await agent.get(response.headers.location!);
    expect(confirmation.text).toContain("2 leçons à venir ont été annulées");
    for (const lesson of coming) {
      expect(await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
        attendance: "CANCELLED",
        cancelReason: "Permis obtenu",
      });
    }
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: past.id } })).attendance).toBe("PRESENT");
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: otherYouthLesson.id } })).attendance).toBe("SCHEDULED");
    for (const userId of [world.home.schoolUser.id, colleague.id]) {
      const notification = await testDb.notification.findFirstOrThrow({ where: { userId } });
      expect(notification.title).toContain("Permis obtenu");
      expect(notification.body).toContain("Ses 2 leçons à venir sont annulées.");
    }
    expect(await testDb.notification.count({ where: { userId: world.away.schoolUser.id } })).toBe(0);
    expect((await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } })).status).toBe("COMPLETED");
  });

  it("licence — recorded by the school with nothing planned — says so, and tells the colleagues, not the one who recorded it", async () => {
    const world = await enrolledWorld();
    const colleague = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/exams`)
      .type("form")
      .send({ kind: "PRACTICAL", date: "2026-04-02", score: "24", result: "PASSED", _csrf: csrf });

    expect((await agent.get(response.headers.location!)).text).toContain("Aucune leçon à venir n&#39;était prévue.");
    expect(await testDb.notification.count({ where: { userId: colleague.id } })).toBe(1);
    expect(await testDb.notification.count({ where: { userId: world.home.schoolUser.id } })).toBe(0);
  });

  it("licence — the youth's counsellor is told, with a link to the file; the other Mission Locale's is not", async () => {
    const world = await enrolledWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    await agent
      .post(`/enrolments/${world.home.enrolment.id}/exams`)
      .type("form")
      .send({ kind: "PRACTICAL", date: "2026-04-02", score: "24", result: "PASSED", _csrf: csrf });

    const notices = await testDb.notification.findMany({ where: { userId: world.home.referent.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: expect.stringContaining("Permis obtenu") as string, link: `/youths/${world.home.youth.id}` });
    expect(notices[0]!.body).toContain("a obtenu le permis le 02/04/2026");
    expect(await testDb.notification.count({ where: { userId: { in: [world.away.referent.id, world.home.youthUser.id] } } })).toBe(0);
  });

  it("licence — a refused practical exam (no theory) — cancels nothing and notifies nobody", async () => {
    const world = await enrolledWorld(null);
    const coming = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) });
    const response = await post(world.admin.email, world.home.enrolment.id, {
      kind: "PRACTICAL",
      date: "2026-04-02",
      score: "24",
      result: "PASSED",
    });
    expect(response.status).toBe(422);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: coming.id } })).attendance).toBe("SCHEDULED");
    expect(await testDb.notification.count({ where: { userId: world.home.schoolUser.id } })).toBe(0);
  });
});
