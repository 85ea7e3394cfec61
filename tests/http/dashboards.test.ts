import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeEnrolment, makeUser, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeLesson, makeSelectedApplication } from "../helpers/school-factories.ts";
import { monthBounds, shiftMonth, monthHolding } from "../../src/domain/months.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

const LAST_MONTH = shiftMonth(monthHolding(new Date()), -1);
const DAY = 86_400_000;
/** An instant `days` days and 10 hours into last month (Paris). */
const lastMonth = (days: number) => new Date(monthBounds(LAST_MONTH).start.getTime() + days * DAY + 10 * 3_600_000);

/** CSV rows as arrays of cells (BOM and CRLF removed). */
const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));

/**
 * Home side: 2 h present, 1 h 30 late, an unexcused absence (attendance 2/3), two youths; the
 * theory test failed then passed by the first youth, passed at once by the second (first attempt
 * 1/2 = 50 %, any attempt 2/2 = 100 %); the first youth's licence last month, in the month of
 * enrolment. Away side: 5 h present, which no home-side person may count. One selected
 * application on each side.
 */
async function activity(world: World) {
  const { home, away, cohort } = world;
  await makeSelectedApplication(home.youth.id, cohort.id);
  await makeSelectedApplication(away.youth.id, cohort.id);
  const secondYouth = await makeYouth(home.missionLocale.id, { referentId: home.referent.id });
  const second = await makeEnrolment(secondYouth.id, home.school.id, cohort.id);
  await testDb.enrolment.update({ where: { id: home.enrolment.id }, data: { enrolledAt: lastMonth(0), licenceObtainedOn: lastMonth(20) } });
  await makeLesson(home.enrolment.id, { startsAt: lastMonth(2), durationMin: 120, attendance: "PRESENT" });
  await makeLesson(second.id, { startsAt: lastMonth(3), durationMin: 90, attendance: "LATE" });
  await makeLesson(second.id, { startsAt: lastMonth(4), durationMin: 60, attendance: "ABSENT_UNEXCUSED" });
  await makeLesson(home.enrolment.id, { startsAt: lastMonth(5), durationMin: 60, attendance: "CANCELLED" });
  await makeLesson(away.enrolment.id, { startsAt: lastMonth(2), durationMin: 300, attendance: "PRESENT" });
  const exam = (enrolmentId: string, days: number, result: "PASSED" | "FAILED" | "ABSENT") =>
    testDb.exam.create({ data: { enrolmentId, kind: "THEORY", date: lastMonth(days), result } });
  await exam(home.enrolment.id, 5, "ABSENT");
  await exam(home.enrolment.id, 6, "FAILED");
  await exam(home.enrolment.id, 9, "PASSED");
  await exam(second.id, 7, "PASSED");
}

async function csv(email: string, table: string, filters = "") {
  const { agent } = await signedIn(email, PASSWORD);
  return agent.get(`/statistics.csv?table=${table}${filters}`);
}

const monthLine = (body: string) =>
  rowsOf(body).find((row) => row[0]?.toLowerCase().includes(String(new Date(lastMonth(2)).getUTCFullYear())) && row[1] !== "0");

describe("dashboards", () => {
  it("GET /statistics — as the coordinator — shows each chart with its data table and CSV link", async () => {
    const world = await makeWorld();
    await activity(world);
    const { agent } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent.get("/statistics");
    expect(response.status).toBe(200);
    for (const name of ["funnel", "months", "licences", "exams", "delays", "schools", "budget"]) {
      expect(response.text).toContain(`<script type="application/json" id="chart-${name}">`);
      expect(response.text).toContain(`table=${name}`);
    }
    expect(response.text).toContain('<canvas data-chart="chart-months"');
    expect(response.text).toMatch(/\/vendor\/chart\/chart\.umd\.min\.js\?v=/);
    expect(response.text).not.toContain("<script>");
    expect(response.headers["content-security-policy"]).not.toContain("unsafe-inline");
    const chartJs = response.text.match(/\/vendor\/chart\/chart\.umd\.min\.js\?v=\w+/)?.[0] ?? "";
    const script = await agent.get(chartJs);
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toContain("javascript");
    expect((await agent.get("/public/js/charts.js")).status).toBe(200);
  });

  it("GET /statistics.csv?table=months — as a counsellor — counts their Mission Locale only", async () => {
    const world = await makeWorld();
    await activity(world);
    const response = await csv(world.home.referent.email, "months");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.text.startsWith("\uFEFFMois;Leçons réalisées;Heures réalisées;Absences;Assiduité (%);Jeunes;Moniteurs")).toBe(true);
    // 2 delivered (120 + 90 min = 3,5 h), 1 absence, attendance 2/3 = 66,7 %, 2 youths; not the away 5 h.
    expect(monthLine(response.text)?.slice(1)).toEqual(["2", "3,5", "1", "66,7", "2", "0"]);
  });

  it("GET /statistics.csv?table=months — as a school — counts its own youths only", async () => {
    const world = await makeWorld();
    await activity(world);
    const home = await csv(world.home.schoolUser.email, "months");
    expect(monthLine(home.text)?.slice(1, 3)).toEqual(["2", "3,5"]);
    const away = await csv(world.away.schoolUser.email, "months");
    expect(monthLine(away.text)?.slice(1, 3)).toEqual(["1", "5"]);
  });

  it("GET /statistics.csv?table=exams — pass rates at the first attempt and at any attempt, absences not counted", async () => {
    const world = await makeWorld();
    await activity(world);
    const response = await csv(world.home.referent.email, "exams");
    expect(rowsOf(response.text)[1]).toEqual(["Code (ETG)", "2", "1", "50", "2", "100"]);
  });

  it("GET /statistics.csv?table=delays — the time to licence in calendar months, the median on the page", async () => {
    const world = await makeWorld();
    await activity(world);
    const response = await csv(world.admin.email, "delays", `&missionLocale=${world.home.missionLocale.id}`);
    expect(rowsOf(response.text)).toEqual([
      ["Délai (mois)", "Permis obtenus"],
      ["0", "1"],
    ]);
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const page = await agent.get("/statistics");
    expect(page.text).toContain("Délai médian : 0 mois");
  });

  it("GET /statistics.csv?table=schools — a formula-looking school name is neutralised; a counsellor sees no other Mission Locale", async () => {
    const world = await makeWorld();
    await activity(world);
    await testDb.drivingSchool.update({ where: { id: world.home.school.id }, data: { name: "=HYPERLIEN(1)" } });
    const admin = await csv(world.admin.email, "schools");
    const line = rowsOf(admin.text).find((row) => row[0] === "'=HYPERLIEN(1)");
    expect(line?.slice(1, 4)).toEqual(["2", "0", "3,5"]);
    const referent = await csv(world.home.referent.email, "schools");
    expect(referent.text).not.toContain(world.away.school.name);
    const funnel = await csv(world.home.referent.email, "funnel");
    expect(funnel.text).toContain(world.home.missionLocale.name);
    expect(funnel.text).not.toContain(world.away.missionLocale.name);
  });

  it("GET /statistics.csv — a counsellor's filter on another Mission Locale is ignored; the caseload filter keeps their youths", async () => {
    const world = await makeWorld();
    await activity(world);
    const other = await csv(world.home.referent.email, "months", `&missionLocale=${world.away.missionLocale.id}`);
    expect(monthLine(other.text)?.slice(1, 3)).toEqual(["2", "3,5"]);
    const colleague = await makeUser("REFERENT", { missionLocaleId: world.home.missionLocale.id });
    const mine = await csv(colleague.email, "months", "&mine=1");
    expect(monthLine(mine.text)).toBeUndefined();
  });

  it("GET /statistics — as a youth — is refused; the research team sees aggregates without the budget", async () => {
    const world = await makeWorld();
    const youth = await signedIn((await testDb.user.findUniqueOrThrow({ where: { id: world.home.youthUser.id } })).email ?? "", PASSWORD);
    expect((await youth.agent.get("/statistics")).status).toBe(403);
    expect((await youth.agent.get("/statistics.csv")).status).toBe(403);
    const evaluator = await signedIn(world.evaluator.email, PASSWORD);
    const page = await evaluator.agent.get("/statistics");
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("chart-budget");
    expect(page.text).not.toContain(world.home.youth.lastName);
  });

  it("GET /statistics.csv — every download is audited", async () => {
    const world = await makeWorld();
    await csv(world.admin.email, "funnel");
    const events = await testDb.auditEvent.findMany({ where: { actorId: world.admin.id, action: "STATISTICS_EXPORTED" } });
    expect(events).toHaveLength(1);
  });
});
