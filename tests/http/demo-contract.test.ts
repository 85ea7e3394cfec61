// The "Done when" of the foundation, on the demo programme itself (seeded once for this file).
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { testDb } from "../helpers/factories.ts";
import { seedDemo } from "../../scripts/demo/seed.ts";
import { parisParts } from "../../src/domain/time.ts";
import { monthOf } from "../../src/domain/months.ts";

const DEMO_PASSWORD = "Autonomie-2026!";
let demoYouthId: string;
let montargisYouthId: string;
let otherOrleansYouthId: string;

beforeAll(async () => {
  await seedDemo(testDb, { today: new Date() });
  const demoUser = await testDb.user.findUniqueOrThrow({ where: { email: "jeune@autonomie.test" } });
  demoYouthId = demoUser.youthId!;
  montargisYouthId = (await testDb.youth.findFirstOrThrow({ where: { missionLocale: { code: "MONTARGIS" } } })).id;
  otherOrleansYouthId = (await testDb.youth.findFirstOrThrow({ where: { missionLocale: { code: "ORLEANS" }, id: { not: demoYouthId } } }))
    .id;
}, 120_000);

describe("demo programme — scopes of the demo accounts", () => {
  it("referent.orleans — a Montargis youth's file — 404; the demo youth's file — 200", async () => {
    const { agent } = await signedIn("referent.orleans@autonomie.test", DEMO_PASSWORD);
    expect((await agent.get(`/youths/${montargisYouthId}`)).status).toBe(404);
    expect((await agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
  });

  it("ecole.montargis — the demo youth's file — 404; ecole.orleans — 200", async () => {
    const montargis = await signedIn("ecole.montargis@autonomie.test", DEMO_PASSWORD);
    const orleans = await signedIn("ecole.orleans@autonomie.test", DEMO_PASSWORD);
    expect((await montargis.agent.get(`/youths/${demoYouthId}`)).status).toBe(404);
    expect((await orleans.agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
  });

  it("jeune — anyone else's file — 404; their own — 200 and audited", async () => {
    const { agent } = await signedIn("jeune@autonomie.test", DEMO_PASSWORD);
    expect((await agent.get(`/youths/${otherOrleansYouthId}`)).status).toBe(404);
    const before = await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: demoYouthId } });
    expect((await agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: demoYouthId } })).toBe(before + 1);
  });

  it("each demo account — signs in — lands on a home that answers 200", async () => {
    for (const email of [
      "coordination@autonomie.test",
      "referent.orleans@autonomie.test",
      "referent.montargis@autonomie.test",
      "ecole.orleans@autonomie.test",
      "ecole.montargis@autonomie.test",
      "jeune@autonomie.test",
      "evaluation@autonomie.test",
    ]) {
      const { agent } = await signedIn(email, DEMO_PASSWORD);
      const home = await agent.get(email.startsWith("jeune") ? "/me" : "/");
      expect(home.status, email).toBe(200);
    }
  });
});

describe("demo programme — the school workspace on the demo youth's enrolment", () => {
  const threeDaysAgo = () => {
    const p = parisParts(new Date(Date.now() - 3 * 24 * 3600 * 1000));
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };

  it("ecole.orleans — plans, marks present, sets a skill, records an exam — 303 each, and /me shows the skill", async () => {
    const enrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId: demoYouthId, isCurrent: true } });
    const school = await signedIn("ecole.orleans@autonomie.test", DEMO_PASSWORD);
    const planned = await school.agent
      .post("/lessons")
      .type("form")
      .send({ enrolmentId: enrolment.id, date: threeDaysAgo(), time: "05:30", durationMin: "60", kind: "DRIVING", _csrf: school.csrf });
    expect(planned.status).toBe(303);
    const lesson = await testDb.lesson.findFirstOrThrow({ where: { enrolmentId: enrolment.id }, orderBy: { createdAt: "desc" } });
    const marked = await school.agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "PRESENT", _csrf: school.csrf });
    expect(marked.status).toBe(303);
    const skill = await school.agent
      .post(`/enrolments/${enrolment.id}/skills`)
      .type("form")
      .send({ skillCode: "C3.2", level: "ACQUIRED", lessonId: lesson.id, _csrf: school.csrf });
    expect(skill.status).toBe(303);
    const exam = await school.agent
      .post(`/enrolments/${enrolment.id}/exams`)
      .type("form")
      .send({ kind: "PRACTICAL", date: threeDaysAgo(), score: "17", result: "FAILED", _csrf: school.csrf });
    expect(exam.status).toBe(303);

    const youth = await signedIn("jeune@autonomie.test", DEMO_PASSWORD);
    const me = await youth.agent.get("/me");
    expect(me.text).toMatch(/data-skill="C3\.2" data-level="ACQUIRED"/);
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("PRESENT");
  });

  it("ecole.montargis — the same four routes on that enrolment — 404 and nothing written", async () => {
    const enrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId: demoYouthId, isCurrent: true } });
    const lesson = await testDb.lesson.findFirstOrThrow({ where: { enrolmentId: enrolment.id, startsAt: { lt: new Date() } } });
    const before = await Promise.all([testDb.lesson.count(), testDb.skillAssessment.count(), testDb.exam.count()]);
    const school = await signedIn("ecole.montargis@autonomie.test", DEMO_PASSWORD);
    const send = (path: string, fields: Record<string, string>) =>
      school.agent
        .post(path)
        .type("form")
        .send({ ...fields, _csrf: school.csrf });
    expect(
      (await send("/lessons", { enrolmentId: enrolment.id, date: threeDaysAgo(), time: "05:30", durationMin: "60", kind: "DRIVING" }))
        .status,
    ).toBe(404);
    expect((await send(`/lessons/${lesson.id}/attendance`, { attendance: "ABSENT_UNEXCUSED" })).status).toBe(404);
    expect((await send(`/enrolments/${enrolment.id}/skills`, { skillCode: "C4.7", level: "ACQUIRED" })).status).toBe(404);
    expect(
      (await send(`/enrolments/${enrolment.id}/exams`, { kind: "THEORY", date: threeDaysAgo(), score: "38", result: "PASSED" })).status,
    ).toBe(404);
    expect(await Promise.all([testDb.lesson.count(), testDb.skillAssessment.count(), testDb.exam.count()])).toEqual(before);
  });

  it("demo — recommendations — every state present; the demo youth has one accepted to read and one to decide", async () => {
    const states = await testDb.recommendation.groupBy({ by: ["status"], _count: true });
    expect(states.map((state) => state.status).sort()).toEqual(["ACCEPTED", "DECLINED", "DONE", "PROPOSED"]);
    const own = await testDb.recommendation.findMany({ where: { youthId: demoYouthId }, select: { status: true, acknowledgedAt: true } });
    expect(own).toContainEqual({ status: "ACCEPTED", acknowledgedAt: null });
    expect(own).toContainEqual({ status: "PROPOSED", acknowledgedAt: null });
  });
});

describe("demo programme — money, the right of access, the resource centre", () => {
  it("coordination — ecole.orleans's statement of last month — validated once: the covered aid recorded in the ledgers, a second validation changes nothing", async () => {
    const school = await testDb.user.findUniqueOrThrow({ where: { email: "ecole.orleans@autonomie.test" } });
    const schoolId = school.drivingSchoolId!;
    const month = monthOf(new Date(), -1);
    const { agent, csrf } = await signedIn("coordination@autonomie.test", DEMO_PASSWORD);
    const aidPaid = async () =>
      (
        await testDb.payment.aggregate({
          where: { payer: "PROGRAMME", enrolment: { drivingSchoolId: schoolId } },
          _sum: { amountCents: true },
        })
      )._sum.amountCents ?? 0;
    const before = await aidPaid();

    expect((await agent.get(`/statements/${schoolId}?month=${month}`)).status).toBe(200);
    const first = await agent.post(`/statements/${schoolId}/validate`).type("form").send({ month, _csrf: csrf });
    const afterFirst = await aidPaid();
    const second = await agent.post(`/statements/${schoolId}/validate`).type("form").send({ month, _csrf: csrf });

    expect(first.status).toBe(303);
    expect(afterFirst).toBeGreaterThan(before);
    expect(second.status).toBeGreaterThanOrEqual(300);
    expect(await aidPaid()).toBe(afterFirst);
  });

  it("jeune — /me/export.json — their lessons and payments, nobody else's", async () => {
    const { agent } = await signedIn("jeune@autonomie.test", DEMO_PASSWORD);
    const response = await agent.get("/me/export.json");
    const exported = JSON.parse(response.text) as { lessons: unknown[]; payments: { amountCents: number }[] };
    const ownLessons = await testDb.lesson.count({ where: { enrolment: { youthId: demoYouthId } } });
    const ownPayments = await testDb.payment.findMany({ where: { enrolment: { youthId: demoYouthId } }, select: { amountCents: true } });
    const otherPayment = await testDb.payment.findFirstOrThrow({ where: { enrolment: { youthId: { not: demoYouthId } } } });
    const other = await testDb.youth.findUniqueOrThrow({ where: { id: otherOrleansYouthId } });

    expect(response.status).toBe(200);
    expect(ownLessons).toBeGreaterThan(0);
    expect(exported.lessons).toHaveLength(ownLessons);
    const amounts = (payments: { amountCents: number }[]) => payments.map((payment) => payment.amountCents).sort((a, b) => a - b);
    expect(amounts(exported.payments)).toEqual(amounts(ownPayments));
    expect(response.text).not.toContain(otherPayment.id);
    expect(response.text).not.toContain(otherOrleansYouthId);
    expect(response.text).not.toContain(other.ref);
  });

  it("jeune — /resources — the demo's items written for youths, a quiz among them", async () => {
    const { agent } = await signedIn("jeune@autonomie.test", DEMO_PASSWORD);
    const page = await agent.get("/resources");
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/resources/quiz-signalisation"');
    expect(page.text).toContain('href="/resources/financer-son-permis"');
    expect(page.text).not.toContain('href="/resources/accompagner-vers-le-permis"');
  });
});
