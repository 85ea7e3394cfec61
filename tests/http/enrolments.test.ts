import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeSchool, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson, makeSelectedApplication, minuteOf } from "../helpers/school-factories.ts";

describe("POST /youths/:id/enrolments", () => {
  it("enrolment — a selected youth at a school of their area — 303, current, audited", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "AUTOMATIC", _csrf: csrf });
    expect(response.status).toBe(303);
    const enrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId: youth.id } });
    expect(enrolment).toMatchObject({
      isCurrent: true,
      drivingSchoolId: world.home.school.id,
      cohortId: world.cohort.id,
      gearbox: "AUTOMATIC",
      initialAssessmentAt: null,
    });
    expect(await testDb.auditEvent.count({ where: { action: "ENROLMENT_CREATED", entityId: enrolment.id } })).toBe(1);
  });

  it("enrolment — a transfer — the previous enrolment stops being current and the former school loses the file", async () => {
    const world = await makeWorld();
    await makeSelectedApplication(world.home.youth.id, world.cohort.id);
    const otherSchool = await makeSchool(world.home.missionLocale.id);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post(`/youths/${world.home.youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: otherSchool.id, gearbox: "MANUAL", _csrf: csrf });
    expect(response.status).toBe(303);
    const enrolments = await testDb.enrolment.findMany({ where: { youthId: world.home.youth.id }, orderBy: { enrolledAt: "asc" } });
    expect(enrolments.map((e) => e.isCurrent)).toEqual([false, true]);
    expect(enrolments.map((e) => e.status)).toEqual(["DROPPED", "ACTIVE"]);
    const former = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await former.agent.get(`/youths/${world.home.youth.id}`)).status).toBe(404);
  });

  it("enrolment — a transfer — cancels the former school's lessons still to come, keeps its past ones", async () => {
    const world = await makeWorld();
    await makeSelectedApplication(world.home.youth.id, world.cohort.id);
    const past = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - 2 * DAY)), attendance: "PRESENT" });
    const future = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) });
    const otherSchool = await makeSchool(world.home.missionLocale.id);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    await agent
      .post(`/youths/${world.home.youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: otherSchool.id, gearbox: "MANUAL", _csrf: csrf });
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: future.id } })).attendance).toBe("CANCELLED");
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: future.id } })).cancelReason).toContain("Transfert");
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: past.id } })).attendance).toBe("PRESENT");
  });

  it("enrolment — a youth not selected — 422", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("pas été retenu·e");
  });

  it("enrolment — a school of another area — 422", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.away.school.id, gearbox: "MANUAL", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("partenaire du bassin");
  });

  it("enrolment — a youth of another Mission Locale — 404; a school — 403", async () => {
    const world = await makeWorld();
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (
        await referent.agent
          .post(`/youths/${world.away.youth.id}/enrolments`)
          .type("form")
          .send({ drivingSchoolId: world.away.school.id, gearbox: "MANUAL", _csrf: referent.csrf })
      ).status,
    ).toBe(404);
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (
        await school.agent
          .post(`/youths/${world.home.youth.id}/enrolments`)
          .type("form")
          .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", _csrf: school.csrf })
      ).status,
    ).toBe(403);
  });
});

describe("enrolment rules: commitments first, one enrolment in progress", () => {
  const NO_COMMITMENT = { attendance: false, contribution: false };

  it("enrolment — commitments not recorded, as the counsellor — 422 with the reason, nothing created, no override field", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id, NO_COMMITMENT);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);

    const form = await agent.get(`/youths/${youth.id}/enrolments/new`);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", overrideReason: "Je passe outre", _csrf: csrf });

    expect(form.text).not.toContain('name="overrideReason"');
    expect(response.status).toBe(422);
    expect(response.text).toContain("ne sont pas encore enregistrés sur sa candidature");
    expect(await testDb.enrolment.count({ where: { youthId: youth.id } })).toBe(0);
  });

  it("enrolment — only the attendance commitment recorded — 422", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id, { attendance: true, contribution: false });
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(await testDb.enrolment.count({ where: { youthId: youth.id } })).toBe(0);
  });

  it("enrolment — commitments not recorded, as the coordinator without a reason — 422 asking for the reason, the field is shown", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id, NO_COMMITMENT);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);

    const form = await agent.get(`/youths/${youth.id}/enrolments/new`);
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", overrideReason: "  ", _csrf: csrf });

    expect(form.text).toContain('name="overrideReason"');
    expect(response.status).toBe(422);
    expect(response.text).toContain("écrivez le motif de la dérogation");
    expect(response.text).toMatch(/id="overrideReason-error"/);
    expect(await testDb.enrolment.count({ where: { youthId: youth.id } })).toBe(0);
  });

  it("enrolment — commitments not recorded, as the coordinator with a reason — 303, the override audited with its reason", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id, NO_COMMITMENT);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);

    const response = await agent.post(`/youths/${youth.id}/enrolments`).type("form").send({
      drivingSchoolId: world.home.school.id,
      gearbox: "MANUAL",
      overrideReason: "Engagements signés sur papier, saisie en retard",
      _csrf: csrf,
    });

    expect(response.status).toBe(303);
    const enrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId: youth.id } });
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "ENROLMENT_COMMITMENTS_OVERRIDDEN", entityId: enrolment.id },
    });
    expect(audit.actorId).toBe(world.admin.id);
    expect(JSON.parse(audit.details!)).toMatchObject({
      reason: "Engagements signés sur papier, saisie en retard",
      missing: ["attendance", "contribution"],
    });
  });

  it("enrolment — with the theory test declared passed — 303 and the date kept; a date to come — 422", async () => {
    const world = await makeWorld();
    const youth = await makeYouth(world.home.missionLocale.id);
    await makeSelectedApplication(youth.id, world.cohort.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);

    const future = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", theoryPassedOn: "2999-01-01", _csrf: csrf });
    const notADate = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", theoryPassedOn: "hier", _csrf: csrf });
    const response = await agent
      .post(`/youths/${youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: world.home.school.id, gearbox: "MANUAL", theoryPassedOn: "2025-06-12", _csrf: csrf });

    expect(future.status).toBe(422);
    expect(future.text).toContain("ne peut pas être dans le futur");
    expect(notADate.status).toBe(422);
    expect(notADate.text).toContain("Saisissez la date de réussite au code");
    expect(notADate.text).toContain('value="hier"');
    expect(response.status).toBe(303);
    const enrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId: youth.id } });
    expect(enrolment.theoryPassedOn?.toISOString().slice(0, 10)).toBe("2025-06-12");
  });

  it("enrolment — a youth with an earlier enrolment still in progress — 422 from the database's one-enrolment rule, nothing created", async () => {
    const world = await makeWorld();
    await makeSelectedApplication(world.home.youth.id, world.cohort.id);
    // An enrolment in progress that is not marked current: the service's transfer does not close
    // it, so only the partial unique index stands in the way.
    await testDb.enrolment.update({ where: { id: world.home.enrolment.id }, data: { isCurrent: false } });
    const otherSchool = await makeSchool(world.home.missionLocale.id);
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);

    const response = await agent
      .post(`/youths/${world.home.youth.id}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: otherSchool.id, gearbox: "MANUAL", _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("déjà une inscription en cours");
    expect(await testDb.enrolment.count({ where: { youthId: world.home.youth.id } })).toBe(1);
  });
});

describe("POST /enrolments/:id/assessment", () => {
  it("initial assessment — 25 h manual — 303, stored and audited", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/assessment`)
      .type("form")
      .send({ assessedOn: "2026-01-05", gearbox: "MANUAL", forecastHours: "25", note: "À l'aise", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } })).toMatchObject({
      forecastHours: 25,
      gearbox: "MANUAL",
    });
    expect(await testDb.auditEvent.count({ where: { entity: "Enrolment", entityId: world.home.enrolment.id } })).toBe(1);
  });

  for (const [label, body, message] of [
    ["19 h manual", { gearbox: "MANUAL", forecastHours: "19" }, "au moins 20 h"],
    ["12 h automatic", { gearbox: "AUTOMATIC", forecastHours: "12" }, "au moins 13 h"],
    ["a date that is not a date", { assessedOn: "hier", gearbox: "MANUAL", forecastHours: "25" }, "Saisissez la date"],
  ] as const) {
    it(`initial assessment — ${label} — 422`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post(`/enrolments/${world.home.enrolment.id}/assessment`)
        .type("form")
        .send({ assessedOn: "2026-01-05", ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
    });
  }

  it("initial assessment — 13 h automatic — 303 (legal minimum)", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/assessment`)
      .type("form")
      .send({ assessedOn: "2026-01-05", gearbox: "AUTOMATIC", forecastHours: "13", _csrf: csrf });
    expect(response.status).toBe(303);
  });

  it("initial assessment — another school's enrolment — 404", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.away.enrolment.id}/assessment`)
      .type("form")
      .send({ assessedOn: "2026-01-05", gearbox: "MANUAL", forecastHours: "25", _csrf: csrf });
    expect(response.status).toBe(404);
  });
});
