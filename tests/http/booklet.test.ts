import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";

describe("POST /enrolments/:id/skills", () => {
  it("skill — set acquired by the school — 303, one row appended, shown on the youth's /me", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { attendance: "PRESENT" });
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await school.agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C2.6", level: "ACQUIRED", lessonId: lesson.id, _csrf: school.csrf });
    expect(response.status).toBe(303);
    const rows = await testDb.skillAssessment.findMany({ where: { enrolmentId: world.home.enrolment.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ skillCode: "C2.6", level: "ACQUIRED", assessedById: world.home.schoolUser.id, lessonId: lesson.id });
    expect(await testDb.auditEvent.count({ where: { action: "SKILL_ASSESSED", entityId: rows[0]!.id } })).toBe(1);
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.get("/me")).text).toMatch(/data-skill="C2\.6" data-level="ACQUIRED"/);
  });

  it("skill — in progress then acquired — two rows, history shows who and which lesson", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { attendance: "PRESENT" });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C1.1", level: "IN_PROGRESS", _csrf: csrf });
    await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C1.1", level: "ACQUIRED", lessonId: lesson.id, _csrf: csrf });
    await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C1.1", level: "ACQUIRED", _csrf: csrf });
    expect(await testDb.skillAssessment.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(2);
    const page = await agent.get(`/enrolments/${world.home.enrolment.id}/booklet`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/data-skill="C1\.1" data-level="ACQUIRED"/);
    expect(page.text).toContain("Historique");
    expect(page.text.match(/<td>Acquis<\/td>/g)).toHaveLength(1);
    expect(page.text).toContain('data-action="print"');
  });

  for (const [label, body, message] of [
    ["an unknown skill code", { skillCode: "C9.9", level: "ACQUIRED" }, "Compétence inconnue"],
    ["no skill code", { level: "ACQUIRED" }, "Compétence inconnue"],
    ["an unknown level", { skillCode: "C1.1", level: "EXPERT" }, "Choisissez le niveau"],
  ] as const) {
    it(`skill — ${label} — 422 with a French message, nothing stored`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post(`/enrolments/${world.home.enrolment.id}/skills`)
        .type("form")
        .send({ ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(await testDb.skillAssessment.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
    });
  }

  it("skill — a lesson of another enrolment — 422", async () => {
    const world = await makeWorld();
    const foreign = await makeLesson(world.away.enrolment.id);
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C1.1", level: "ACQUIRED", lessonId: foreign.id, _csrf: csrf });
    expect(response.status).toBe(422);
  });

  it("skill — another school's enrolment — 404, even with a bad form", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const path = `/enrolments/${world.away.enrolment.id}/skills`;
    expect((await agent.post(path).type("form").send({ skillCode: "C1.1", level: "ACQUIRED", _csrf: csrf })).status).toBe(404);
    expect((await agent.post(path).type("form").send({ skillCode: "C9.9", level: "ACQUIRED", _csrf: csrf })).status).toBe(404);
  });

  it("skill — as ADMIN — 303", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    expect(
      (
        await agent
          .post(`/enrolments/${world.away.enrolment.id}/skills`)
          .type("form")
          .send({ skillCode: "C1.1", level: "IN_PROGRESS", _csrf: csrf })
      ).status,
    ).toBe(303);
  });

  for (const role of ["YOUTH", "REFERENT", "EVALUATOR"] as const) {
    it(`skill — as ${role} — 403`, async () => {
      const world = await makeWorld();
      const email = role === "YOUTH" ? world.home.youthUser.email : role === "REFERENT" ? world.home.referent.email : world.evaluator.email;
      const { agent, csrf } = await signedIn(email, PASSWORD);
      const response = await agent
        .post(`/enrolments/${world.home.enrolment.id}/skills`)
        .type("form")
        .send({ skillCode: "C1.1", level: "ACQUIRED", _csrf: csrf });
      expect(response.status).toBe(403);
    });
  }

  it("booklet — the youth — may read and print their own, without the forms", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    const page = await agent.get(`/enrolments/${world.home.enrolment.id}/booklet`);
    expect(page.status).toBe(200);
    expect(page.text.match(/data-skill="/g)).toHaveLength(31);
    expect(page.text).not.toContain('/skills"');
    expect((await agent.get(`/enrolments/${world.away.enrolment.id}/booklet`)).status).toBe(404);
  });

  it("booklet — an acquired skill on a phone — a jump list to the four competences; only the lowering taps ask for a confirmation", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C2.6", level: "ACQUIRED", _csrf: csrf });

    const page = await agent.get(`/enrolments/${world.home.enrolment.id}/booklet`);

    for (const code of ["C1", "C2", "C3", "C4"]) {
      expect(page.text).toContain(`href="#competence-${code}"`);
      expect(page.text).toContain(`id="competence-${code}"`);
    }
    expect(page.text.match(/data-confirm="C2\.6 est acquise/g)).toHaveLength(2);
    expect(page.text.match(/data-confirm="/g)).toHaveLength(2);
    expect(page.text).toMatch(/src="\/public\/js\/booklet\.js\?v=[0-9a-f]{10}"/);
  });

  it("skill — an acquired skill lowered without the script's confirmation — accepted by the server, 303", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C2.6", level: "ACQUIRED", _csrf: csrf });

    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C2.6", level: "NOT_STARTED", _csrf: csrf });

    expect(response.status).toBe(303);
    const rows = await testDb.skillAssessment.findMany({ where: { enrolmentId: world.home.enrolment.id, skillCode: "C2.6" } });
    expect(rows.map((row) => row.level).sort()).toEqual(["ACQUIRED", "NOT_STARTED"]);
  });
});
