// After a transfer the former school loses the file: every route that takes the learner's id, an
// enrolment, a lesson or a recommendation id answers 404 to it and writes nothing. The table below
// must cover every route with a record a school reaches (the first tests fail when a new one is
// added without a row).
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn, testApp, type Agent } from "../helpers/app.ts";
import { makeSchool, makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { dayFromToday, makeRecommendation } from "../helpers/recommendation-factories.ts";
import { DAY, makeDifficulty, makeLesson, makeSelectedApplication, minuteOf, parisFields } from "../helpers/school-factories.ts";
import { appRouteTable, registeredRoutes } from "../helpers/routes.ts";
import { GRANTS } from "../../src/auth/policy.ts";
import { parisIsoDay } from "../../src/domain/time.ts";

type Ids = { enrolment: string; lesson: string; youth: string; recommendation: string };
type Route = { method: "GET" | "POST"; path: string; id: keyof Ids; body?: (ids: Ids) => Record<string, string> };

const today = () => parisIsoDay(new Date());

// Valid bodies: were the scope check missing, the write would go through (303) or hit another
// rule (422) — anything but the 404 expected here.
const ROUTES: Route[] = [
  { method: "GET", path: "/enrolments/:id/assessment", id: "enrolment" },
  {
    method: "POST",
    path: "/enrolments/:id/assessment",
    id: "enrolment",
    body: () => ({ assessedOn: today(), gearbox: "MANUAL", forecastHours: "25" }),
  },
  { method: "GET", path: "/enrolments/:id/booklet", id: "enrolment" },
  { method: "POST", path: "/enrolments/:id/skills", id: "enrolment", body: () => ({ skillCode: "C1.1", level: "IN_PROGRESS" }) },
  { method: "GET", path: "/enrolments/:id/exams", id: "enrolment" },
  {
    method: "POST",
    path: "/enrolments/:id/exams",
    id: "enrolment",
    body: () => ({ kind: "THEORY", date: today(), score: "36", result: "PASSED" }),
  },
  { method: "GET", path: "/enrolments/:id/difficulties/new", id: "enrolment" },
  {
    method: "POST",
    path: "/enrolments/:id/difficulties",
    id: "enrolment",
    body: () => ({ category: "MOBILITY", description: "Plus de bus le samedi." }),
  },
  { method: "GET", path: "/lessons/:id", id: "lesson" },
  { method: "POST", path: "/lessons/:id/attendance", id: "lesson", body: () => ({ attendance: "PRESENT" }) },
  { method: "GET", path: "/youths/:id", id: "youth" },
  { method: "GET", path: "/youths/:id/lessons", id: "youth" },
  {
    method: "POST",
    path: "/youths/:id/recommendations",
    id: "youth",
    body: () => ({ kind: "MOCK_EXAM", text: "Un examen blanc avant la présentation.", dueOn: dayFromToday(14) }),
  },
  // The new school reported a difficulty (OPEN_DIFFICULTY): its suggestion is there to propose.
  { method: "POST", path: "/youths/:id/recommendations/suggested", id: "youth", body: () => ({ warning: "OPEN_DIFFICULTY" }) },
  { method: "POST", path: "/recommendations/:id/done", id: "recommendation" },
];

// Records a school reaches that are not a learner's: its own statements, its notifications, the
// resource centre.
const NOT_A_LEARNERS = new Set([
  "GET /statements/:id",
  "GET /statements/:id/releve.csv",
  "POST /notifications/:id/read",
  "GET /resources/:slug",
  "GET /resources/:slug/file",
  "POST /resources/:slug/answers",
]);

const counts = () =>
  Promise.all([
    testDb.lesson.count(),
    testDb.skillAssessment.count(),
    testDb.exam.count(),
    testDb.difficulty.count(),
    testDb.enrolment.count({ where: { initialAssessmentAt: null } }),
    testDb.recommendation.count(),
    testDb.recommendation.count({ where: { status: "DONE" } }),
  ]);

function send(agent: Agent, csrf: string, route: Route, ids: Ids) {
  const path = route.path.replace(":id", ids[route.id]);
  return route.method === "GET"
    ? agent.get(path)
    : agent
        .post(path)
        .type("form")
        .send({ ...route.body?.(ids), _csrf: csrf });
}

describe("after a transfer, the former school", () => {
  let former: { agent: Agent; csrf: string };
  let current: { agent: Agent; csrf: string };
  let old: Ids;
  let moved: Ids;
  let youthId: string;
  let oldWeek: string;

  beforeAll(async () => {
    const world = await makeWorld();
    youthId = world.home.youth.id;
    const oldLesson = await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - 2 * DAY)) });
    oldWeek = parisIsoDay(oldLesson.startsAt);
    await makeSelectedApplication(youthId, world.cohort.id);
    const newSchool = await makeSchool(world.home.missionLocale.id);
    const newSchoolUser = await makeUser("SCHOOL", { drivingSchoolId: newSchool.id });
    const admin = await signedIn(world.admin.email, PASSWORD);
    const transfer = await admin.agent
      .post(`/youths/${youthId}/enrolments`)
      .type("form")
      .send({ drivingSchoolId: newSchool.id, gearbox: "MANUAL", _csrf: admin.csrf });
    expect(transfer.status).toBe(303);
    const newEnrolment = await testDb.enrolment.findFirstOrThrow({ where: { youthId, isCurrent: true } });
    const newLesson = await makeLesson(newEnrolment.id, { startsAt: minuteOf(new Date(Date.now() - 2 * 3_600_000)) });
    await makeDifficulty(newEnrolment, newSchoolUser.id);
    const oldAdvice = await makeRecommendation(youthId, world.home.schoolUser.id, { status: "ACCEPTED" });
    const newAdvice = await makeRecommendation(youthId, newSchoolUser.id, { status: "ACCEPTED" });
    old = { enrolment: world.home.enrolment.id, lesson: oldLesson.id, youth: youthId, recommendation: oldAdvice.id };
    moved = { enrolment: newEnrolment.id, lesson: newLesson.id, youth: youthId, recommendation: newAdvice.id };
    former = await signedIn(world.home.schoolUser.email, PASSWORD);
    current = await signedIn(newSchoolUser.email, PASSWORD);
  });

  it("the table — every route with a record a school reaches — has a row, or its record is not a learner's", () => {
    const reached = appRouteTable()
      .filter((row) => /:(id|slug)\b/.test(row.path) && row.permission !== "public" && GRANTS.SCHOOL.includes(row.permission))
      .map((row) => `${row.method} ${row.path}`)
      .filter((route) => !NOT_A_LEARNERS.has(route));
    expect(reached.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("the table — every route with an enrolment or a lesson id — has a row", () => {
    // Refused to every school by role (the matrix): the young person's own notice of absence, and
    // payments (the coordination's and the counsellors').
    const refusedToSchools = ["POST /lessons/:id/absence-notice", "POST /enrolments/:id/payments"];
    const answered = registeredRoutes(testApp()).filter(
      (route) => /^(GET|POST) \/(enrolments|lessons)\/:id/.test(route) && !refusedToSchools.includes(route),
    );
    const rows = ROUTES.filter((r) => r.id === "enrolment" || r.id === "lesson");
    expect(answered).toEqual(rows.map((r) => `${r.method} ${r.path}`).sort());
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} — the former school, on its old record — 404, nothing written`, async () => {
      const before = await counts();
      const response = await send(former.agent, former.csrf, route, old);
      expect(response.status).toBe(404);
      expect(await counts()).toEqual(before);
    });

    // The same route answers the new school: a 404 above comes from the scope, not a wrong path.
    it(`${route.method} ${route.path} — the new school, on the new record — answers (not 404)`, async () => {
      const response = await send(current.agent, current.csrf, route, moved);
      expect([200, 303]).toContain(response.status);
    });
  }

  it("POST /lessons — the former school planning on its old enrolment — 404, nothing written", async () => {
    const before = await counts();
    const response = await former.agent
      .post("/lessons")
      .type("form")
      .send({
        enrolmentId: old.enrolment,
        ...parisFields(new Date(Date.now() + 3 * DAY)),
        durationMin: "60",
        kind: "DRIVING",
        _csrf: former.csrf,
      });
    expect(response.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("GET /youths/:id and the week view — the former school — 404, and the old lesson is not listed", async () => {
    expect((await former.agent.get(`/youths/${youthId}`)).status).toBe(404);
    const week = await former.agent.get(`/lessons/week?week=${oldWeek}`);
    expect(week.status).toBe(200);
    expect(week.text).not.toContain(old.lesson);
  });
});
