// Two identical submissions at once (a double click, a resent form) write one row, without
// requiring any token beyond _csrf: a unique index for exams, a 10-second window for difficulties.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { parisIsoDay } from "../../src/domain/time.ts";
import { DAY } from "../helpers/school-factories.ts";

describe("double submissions", () => {
  it("exam — the same attempt sent twice at once — one row; the second answer says it is already recorded", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const body = { kind: "THEORY", date: parisIsoDay(new Date()), score: "36", result: "PASSED", _csrf: csrf };
    const post = () => agent.post(`/enrolments/${world.home.enrolment.id}/exams`).type("form").send(body);

    const responses = await Promise.all([post(), post()]);

    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([303, 422]);
    expect(responses.find((r) => r.status === 422)!.text).toContain("déjà enregistré à cette date");
  });

  it("exam — the same kind on another day — a second row", async () => {
    const world = await makeWorld();
    await testDb.enrolment.update({ where: { id: world.home.enrolment.id }, data: { enrolledAt: new Date(Date.now() - 10 * DAY) } });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const post = (date: Date) =>
      agent
        .post(`/enrolments/${world.home.enrolment.id}/exams`)
        .type("form")
        .send({ kind: "THEORY", date: parisIsoDay(date), score: "30", result: "FAILED", _csrf: csrf });
    expect((await post(new Date(Date.now() - 3 * DAY))).status).toBe(303);
    expect((await post(new Date())).status).toBe(303);
    expect(await testDb.exam.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(2);
  });

  it("difficulty — the same report sent twice at once — one row, one notification, both answers 303", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const post = () =>
      agent
        .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
        .type("form")
        .send({ category: "MOBILITY", description: "Plus de bus le samedi matin.", _csrf: csrf });

    const responses = await Promise.all([post(), post()]);

    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await testDb.difficulty.count({ where: { youthId: world.home.youth.id } })).toBe(1);
    expect(await testDb.notification.count({ where: { userId: world.home.referent.id } })).toBe(1);
  });

  it("difficulty — the same text more than 10 seconds later, or another text at once — a second row", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const post = (description: string) =>
      agent
        .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
        .type("form")
        .send({ category: "LEARNING", description, _csrf: csrf });
    await post("Oublie les priorités à droite.");
    await testDb.difficulty.updateMany({ where: { youthId: world.home.youth.id }, data: { reportedAt: new Date(Date.now() - 11_000) } });

    await post("Oublie les priorités à droite.");
    await post("Stress au moment des créneaux.");

    expect(await testDb.difficulty.count({ where: { youthId: world.home.youth.id } })).toBe(3);
  });
});
