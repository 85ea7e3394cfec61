// Only an ACTIVE enrolment takes new training records: a suspended, completed or dropped one is
// read-only (lessons, attendance, skills, exams, initial assessment).
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeLesson, minuteOf, parisFields } from "../helpers/school-factories.ts";
import { parisIsoDay } from "../../src/domain/time.ts";

const REASONS: Record<string, string> = {
  SUSPENDED: "inscription est suspendue",
  COMPLETED: "inscription est terminée",
  DROPPED: "inscription est close",
};

describe("read-only enrolments", () => {
  for (const status of ["SUSPENDED", "COMPLETED", "DROPPED"] as const) {
    it(`an enrolment ${status} — planning, attendance, skill, exam, initial assessment — 422 with the reason, nothing written`, async () => {
      const world = await makeWorld();
      const enrolmentId = world.home.enrolment.id;
      const past = await makeLesson(enrolmentId, { startsAt: minuteOf(new Date(Date.now() - 2 * DAY)) });
      await testDb.enrolment.update({ where: { id: enrolmentId }, data: { status, enrolledAt: new Date(Date.now() - 60 * DAY) } });
      const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
      const before = await Promise.all([
        testDb.lesson.count(),
        testDb.skillAssessment.count(),
        testDb.exam.count(),
        testDb.auditEvent.count({ where: { entity: { not: "Youth" } } }),
      ]);
      const send = (path: string, fields: Record<string, string>) =>
        agent
          .post(path)
          .type("form")
          .send({ ...fields, _csrf: csrf });
      const yesterday = parisIsoDay(new Date(Date.now() - DAY));

      const responses = [
        await send("/lessons", { enrolmentId, ...parisFields(new Date(Date.now() + 3 * DAY)), durationMin: "60", kind: "DRIVING" }),
        await send(`/lessons/${past.id}/attendance`, { attendance: "PRESENT" }),
        await send(`/enrolments/${enrolmentId}/skills`, { skillCode: "C1.1", level: "IN_PROGRESS" }),
        await send(`/enrolments/${enrolmentId}/exams`, { kind: "THEORY", date: yesterday, score: "36", result: "PASSED" }),
        await send(`/enrolments/${enrolmentId}/assessment`, { assessedOn: yesterday, gearbox: "MANUAL", forecastHours: "25" }),
      ];

      for (const response of responses) {
        expect(response.status).toBe(422);
        expect(response.text).toContain(REASONS[status]);
      }
      expect((await testDb.lesson.findUniqueOrThrow({ where: { id: past.id } })).attendance).toBe("SCHEDULED");
      expect(
        await Promise.all([
          testDb.lesson.count(),
          testDb.skillAssessment.count(),
          testDb.exam.count(),
          testDb.auditEvent.count({ where: { entity: { not: "Youth" } } }),
        ]),
      ).toEqual(before);
    });
  }

  it("the planning form — a suspended enrolment — is not offered; an active one is", async () => {
    const world = await makeWorld();
    await testDb.enrolment.update({ where: { id: world.away.enrolment.id }, data: { status: "SUSPENDED" } });
    const { agent } = await signedIn(world.admin.email, PASSWORD);
    const form = await agent.get("/lessons/new");
    expect(form.text).toContain(`value="${world.home.enrolment.id}"`);
    expect(form.text).not.toContain(`value="${world.away.enrolment.id}"`);
  });
});
