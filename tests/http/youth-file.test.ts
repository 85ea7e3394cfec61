import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeEnrolment, makeSchool, makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";

describe("GET /youths/:id", () => {
  it("youth file — viewed by the counsellor — 200 and an audit event committed before the response", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent.get(`/youths/${world.home.youth.id}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain(world.home.youth.lastName);
    const events = await testDb.auditEvent.findMany({
      where: { action: "YOUTH_VIEWED", entityId: world.home.youth.id, actorId: world.home.referent.id },
    });
    expect(events).toHaveLength(1);
  });

  it("youth file — a school — sees the training part but not the consents", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent.get(`/youths/${world.home.youth.id}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain("Livret d&#39;apprentissage");
    expect(response.text).not.toContain("Consentements");
  });

  it("youth file — after a transfer — the former school gets 404, the new one 200", async () => {
    const world = await makeWorld();
    const newSchool = await makeSchool(world.home.missionLocale.id);
    const newSchoolUser = await makeUser("SCHOOL", { drivingSchoolId: newSchool.id });
    await testDb.enrolment.update({ where: { id: world.home.enrolment.id }, data: { isCurrent: false, status: "DROPPED" } });
    await makeEnrolment(world.home.youth.id, newSchool.id, world.cohort.id);
    const former = await signedIn(world.home.schoolUser.email, PASSWORD);
    const current = await signedIn(newSchoolUser.email, PASSWORD);
    expect((await former.agent.get(`/youths/${world.home.youth.id}`)).status).toBe(404);
    expect((await current.agent.get(`/youths/${world.home.youth.id}`)).status).toBe(200);
  });

  it("booklet — after a transfer — follows the learner to the new school and on /me", async () => {
    const world = await makeWorld();
    await testDb.skillAssessment.create({ data: { enrolmentId: world.home.enrolment.id, skillCode: "C1.4", level: "ACQUIRED" } });
    const newSchool = await makeSchool(world.home.missionLocale.id);
    const newSchoolUser = await makeUser("SCHOOL", { drivingSchoolId: newSchool.id });
    await testDb.enrolment.update({ where: { id: world.home.enrolment.id }, data: { isCurrent: false, status: "DROPPED" } });
    const moved = await makeEnrolment(world.home.youth.id, newSchool.id, world.cohort.id);

    const school = await signedIn(newSchoolUser.email, PASSWORD);
    expect((await school.agent.get(`/youths/${world.home.youth.id}`)).text).toMatch(/data-skill="C1\.4" data-level="ACQUIRED"/);
    expect((await school.agent.get(`/enrolments/${moved.id}/booklet`)).text).toMatch(/data-skill="C1\.4" data-level="ACQUIRED"/);
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.get("/me")).text).toMatch(/data-skill="C1\.4" data-level="ACQUIRED"/);
  });

  it("youth file — out of scope — 404 and no audit of a view", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await agent.get(`/youths/${world.away.youth.id}`)).status).toBe(404);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: world.away.youth.id } })).toBe(0);
  });

  it("GET /me — a youth — sees the 31 skills with their current level", async () => {
    const world = await makeWorld();
    await testDb.skillAssessment.createMany({
      data: [
        { enrolmentId: world.home.enrolment.id, skillCode: "C1.1", level: "IN_PROGRESS", assessedAt: new Date("2026-09-01T10:00:00Z") },
        { enrolmentId: world.home.enrolment.id, skillCode: "C1.1", level: "ACQUIRED", assessedAt: new Date("2026-09-08T10:00:00Z") },
      ],
    });
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    const response = await agent.get("/me");
    expect(response.status).toBe(200);
    expect(response.text.match(/data-skill="/g)).toHaveLength(31);
    expect(response.text).toMatch(/data-skill="C1\.1" data-level="ACQUIRED"/);
    expect(response.text).toMatch(/data-skill="C1\.2" data-level="NOT_STARTED"/);
  });
});
