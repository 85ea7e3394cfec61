import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";

const post = async (email: string, enrolmentId: string, body: Record<string, string>) => {
  const { agent, csrf } = await signedIn(email, PASSWORD);
  return agent.post(`/enrolments/${enrolmentId}/exams`).type("form").send({ ...body, _csrf: csrf });
};

describe("POST /enrolments/:id/exams", () => {
  it("exam — theory passed 36/40 — 303, stored, audited, no licence yet", async () => {
    const world = await makeWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" });
    expect(response.status).toBe(303);
    const exam = await testDb.exam.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } });
    expect(exam).toMatchObject({ kind: "THEORY", score: 36, result: "PASSED", eliminatoryFault: false });
    expect(await testDb.auditEvent.count({ where: { action: "EXAM_RECORDED", entityId: exam.id } })).toBe(1);
    expect((await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } })).licenceObtainedOn).toBeNull();
  });

  it("exam — practical passed 24/31 — licence obtained on that date", async () => {
    const world = await makeWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, { kind: "PRACTICAL", date: "2026-04-02", score: "24", result: "PASSED" });
    expect(response.status).toBe(303);
    const enrolment = await testDb.enrolment.findUniqueOrThrow({ where: { id: world.home.enrolment.id } });
    expect(enrolment.licenceObtainedOn?.toISOString().slice(0, 10)).toBe("2026-04-02");
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.get("/me")).text).toContain("vous avez le permis depuis le 02/04/2026");
  });

  it("exam — absent without a score — 303", async () => {
    const world = await makeWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, { kind: "PRACTICAL", date: "2026-04-02", score: "", result: "ABSENT" });
    expect(response.status).toBe(303);
  });

  it("exam — practical failed with an eliminatory fault and 25/31 — 303", async () => {
    const world = await makeWorld();
    const response = await post(world.home.schoolUser.email, world.home.enrolment.id, { kind: "PRACTICAL", date: "2026-04-02", score: "25", result: "FAILED", eliminatoryFault: "on" });
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
    ["practical passed with an eliminatory fault", { kind: "PRACTICAL", date: "2026-03-10", score: "28", result: "PASSED", eliminatoryFault: "on" }, "ne correspond pas"],
    ["no score and not absent", { kind: "THEORY", date: "2026-03-10", result: "FAILED" }, "Saisissez la note"],
    ["a score while absent", { kind: "THEORY", date: "2026-03-10", score: "20", result: "ABSENT" }, "absent·e n&#39;a ni note"],
    ["a date that is not a date", { kind: "THEORY", date: "mardi", score: "36", result: "PASSED" }, "Saisissez la date de l&#39;examen"],
    ["a future date", { kind: "THEORY", date: "2999-01-01", score: "36", result: "PASSED" }, "examen à venir"],
    ["an unknown kind", { kind: "MOTO", date: "2026-03-10", score: "36", result: "PASSED" }, "Choisissez l&#39;épreuve"],
    ["an unknown result", { kind: "THEORY", date: "2026-03-10", score: "36", result: "BOF" }, "Choisissez le résultat"],
  ] as const) {
    it(`exam — ${label} — 422 with a French message, nothing stored`, async () => {
      const world = await makeWorld();
      const response = await post(world.home.schoolUser.email, world.home.enrolment.id, body);
      expect(response.status).toBe(422);
      expect(response.text).toContain(message);
      expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
    });
  }

  it("exam — another school's enrolment — 404", async () => {
    const world = await makeWorld();
    const response = await post(world.home.schoolUser.email, world.away.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" });
    expect(response.status).toBe(404);
  });

  it("exam — as ADMIN — 303", async () => {
    const world = await makeWorld();
    expect((await post(world.admin.email, world.away.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" })).status).toBe(303);
  });

  for (const role of ["YOUTH", "REFERENT", "EVALUATOR"] as const) {
    it(`exam — as ${role} — 403`, async () => {
      const world = await makeWorld();
      const email = role === "YOUTH" ? world.home.youthUser.email : role === "REFERENT" ? world.home.referent.email : world.evaluator.email;
      expect((await post(email, world.home.enrolment.id, { kind: "THEORY", date: "2026-03-10", score: "36", result: "PASSED" })).status).toBe(403);
    });
  }
});
