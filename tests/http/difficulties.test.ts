import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";

describe("POST /enrolments/:id/difficulties", () => {
  it("difficulty — reported by the school — 303, stored, the youth's counsellor notified, audited", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
      .type("form")
      .send({ category: "MOBILITY", description: "Ne trouve plus de bus pour venir le samedi.", _csrf: csrf });
    expect(response.status).toBe(303);
    const difficulty = await testDb.difficulty.findFirstOrThrow({ where: { youthId: world.home.youth.id } });
    expect(difficulty).toMatchObject({
      category: "MOBILITY",
      enrolmentId: world.home.enrolment.id,
      reportedById: world.home.schoolUser.id,
    });
    const notifications = await testDb.notification.findMany({ where: { userId: world.home.referent.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.link).toBe(`/youths/${world.home.youth.id}`);
    expect(await testDb.auditEvent.count({ where: { action: "DIFFICULTY_REPORTED", entityId: difficulty.id } })).toBe(1);
  });

  for (const [label, body, message] of [
    ["an unknown category", { category: "WEATHER", description: "Il pleut trop souvent." }, "Choisissez le type de difficulté"],
    ["an empty description", { category: "LEARNING", description: "  " }, "Décrivez la difficulté"],
  ] as const) {
    it(`difficulty — ${label} — 422, nothing stored`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const response = await agent
        .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
        .type("form")
        .send({ ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(await testDb.difficulty.count({ where: { youthId: world.home.youth.id } })).toBe(0);
    });
  }

  it("difficulty — another school's enrolment — 404; a counsellor — 403", async () => {
    const world = await makeWorld();
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (
        await school.agent
          .post(`/enrolments/${world.away.enrolment.id}/difficulties`)
          .type("form")
          .send({ category: "OTHER", description: "Une difficulté.", _csrf: school.csrf })
      ).status,
    ).toBe(404);
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (
        await referent.agent
          .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
          .type("form")
          .send({ category: "OTHER", description: "Une difficulté.", _csrf: referent.csrf })
      ).status,
    ).toBe(403);
  });
});
