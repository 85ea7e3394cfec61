// The intention-to-treat evaluation over HTTP: who may read it, the pseudonymised export (its
// header, its values, no direct identifier), ?cohort=, the audit trail and the withdrawal of consent.
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn, type Agent } from "../helpers/app.ts";
import { makeCohort, makeWorld, PASSWORD, testDb, type makeUser } from "../helpers/factories.ts";
import { makeDraw } from "../helpers/lottery-factories.ts";
import { config } from "../../src/config.ts";
import { parisIsoDay } from "../../src/domain/time.ts";
import type { IttSummary } from "../../src/domain/itt.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;
type User = Awaited<ReturnType<typeof makeUser>>;

const HEADER = "pid,cohort,stratum,assigned,gender,age_at_draw,employment_status,licence,days_to_licence,employed_m12,employed_m24";
const ROUTES = ["/evaluation", "/evaluation/dictionary", "/evaluation/export.csv", "/evaluation/summary.json"];
const DAY = 24 * 3600 * 1000;

let world: World;
let first: { cohortName: string; drawId: string };
let second: { cohortName: string };
let licensedYouthId: string;

const pid = (youthId: string) => createHmac("sha256", Buffer.from(config().pseudonymKey, "utf8")).update(youthId).digest("hex");

function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i]!, value])));
}

async function as(user: User): Promise<Agent> {
  return (await signedIn(user.email, PASSWORD)).agent;
}

beforeAll(async () => {
  world = await makeWorld();
  const cohortA = await makeCohort();
  const cohortB = await makeCohort();
  const drawA = await makeDraw({
    cohortId: cohortA.id,
    missionLocaleId: world.home.missionLocale.id,
    adminId: world.admin.id,
    applicants: 6,
    seats: 3,
  });
  await makeDraw({ cohortId: cohortB.id, missionLocaleId: world.away.missionLocale.id, adminId: world.admin.id, applicants: 4, seats: 2 });
  first = { cohortName: cohortA.name, drawId: drawA.drawId };
  second = { cohortName: cohortB.name };
  // Identifiers the export must never carry, on every applicant.
  for (const [i, { youth }] of drawA.applicants.entries()) {
    await testDb.youth.update({
      where: { id: youth.id },
      data: { email: `candidat${i}@exemple.test`, phone: `06123456${10 + i}`, address: "12 rue des Lilas" },
    });
  }
  const draw = await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawA.drawId } });
  const drawDay = new Date(`${parisIsoDay(draw.drawnAt)}T00:00:00Z`);
  licensedYouthId = drawA.applicants[0]!.youth.id;
  await testDb.followUpSurvey.createMany({
    data: [
      {
        youthId: licensedYouthId,
        cohortId: cohortA.id,
        monthsAfter: 6,
        dueOn: new Date(Date.now() - DAY),
        status: "ANSWERED",
        answeredAt: new Date(),
        hasLicence: true,
        licenceObtainedOn: new Date(drawDay.getTime() + 100 * DAY),
        employed: false,
      },
      {
        youthId: licensedYouthId,
        cohortId: cohortA.id,
        monthsAfter: 12,
        dueOn: new Date(Date.now() - DAY),
        status: "ANSWERED",
        answeredAt: new Date(),
        hasLicence: true,
        employed: true,
      },
      {
        youthId: drawA.applicants[1]!.youth.id,
        cohortId: cohortA.id,
        monthsAfter: 12,
        dueOn: new Date(Date.now() - DAY),
        status: "PENDING",
      },
    ],
  });
}, 60_000);

describe("evaluation — who may read it", () => {
  it("REFERENT, SCHOOL, YOUTH — every evaluation route — 403", async () => {
    for (const user of [world.home.referent, world.home.schoolUser, world.home.youthUser]) {
      const agent = await as(user);
      for (const route of ROUTES) expect((await agent.get(route)).status, `${user.role} ${route}`).toBe(403);
    }
  });

  it("EVALUATOR and ADMIN — every evaluation route — 200", async () => {
    for (const user of [world.evaluator, world.admin]) {
      const agent = await as(user);
      for (const route of ROUTES) expect((await agent.get(route)).status, `${user.role} ${route}`).toBe(200);
    }
  });
});

describe("evaluation — the export", () => {
  it("export.csv — both draws — the header of the design, comma-separated, one row per ranked applicant, pid the HMAC of the id", async () => {
    const response = await (await as(world.evaluator)).get("/evaluation/export.csv");
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.text.split("\r\n")[0]).toBe(HEADER);
    const rows = csvRows(response.text);
    expect(rows).toHaveLength(10);
    const entries = await testDb.lotteryEntry.findMany({ include: { application: true } });
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    for (const entry of entries) {
      const row = byPid.get(pid(entry.application.youthId));
      expect(row, entry.application.youthId).toBeDefined();
      expect(row!.assigned).toBe(entry.outcome === "SELECTED" ? "1" : "0");
    }
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.pid!))).toBe(true);
  });

  it("export.csv — an applicant with answered surveys — licence, days to licence and employment at 12 months; no answer — empty", async () => {
    const rows = csvRows((await (await as(world.evaluator)).get("/evaluation/export.csv")).text);
    const licensed = rows.find((r) => r.pid === pid(licensedYouthId))!;
    expect(licensed).toMatchObject({
      cohort: first.cohortName,
      stratum: world.home.missionLocale.code,
      licence: "1",
      days_to_licence: "100",
    });
    expect(licensed).toMatchObject({ gender: "MALE", employment_status: "JOB_SEEKER", employed_m12: "1", employed_m24: "" });
    expect(Number(licensed.age_at_draw)).toBeGreaterThanOrEqual(18);
    const others = rows.filter((r) => r.pid !== pid(licensedYouthId));
    expect(others.every((r) => r.licence === "" && r.employed_m12 === "" && r.days_to_licence === "")).toBe(true);
  });

  it("export.csv — against every name, e-mail, phone, ref and id of the database — none appears", async () => {
    const text = (await (await as(world.admin)).get("/evaluation/export.csv")).text;
    const [youths, users, applications, entries, draws, cohorts, missionLocales] = await Promise.all([
      testDb.youth.findMany(),
      testDb.user.findMany(),
      testDb.application.findMany({ select: { id: true } }),
      testDb.lotteryEntry.findMany({ select: { id: true, key: true } }),
      testDb.lotteryDraw.findMany({ select: { id: true, seed: true } }),
      testDb.cohort.findMany({ select: { id: true } }),
      testDb.missionLocale.findMany({ select: { id: true, name: true } }),
    ]);
    const forbidden = [
      ...youths.flatMap((y) => [
        y.id,
        y.ref,
        y.firstName,
        y.lastName,
        y.email,
        y.phone,
        y.address,
        y.professionalProject,
        y.birthDate.toISOString().slice(0, 10),
      ]),
      ...users.flatMap((u) => [u.id, u.email, u.displayName, u.phone]),
      ...applications.map((a) => a.id),
      ...entries.flatMap((e) => [e.id, e.key]),
      ...draws.flatMap((d) => [d.id, d.seed]),
      ...cohorts.map((c) => c.id),
      ...missionLocales.flatMap((m) => [m.id, m.name]),
    ].filter((value): value is string => typeof value === "string" && value.length > 0);
    expect(forbidden.length).toBeGreaterThan(50);
    expect(forbidden.filter((value) => text.includes(value))).toEqual([]);
  });

  it("?cohort= — one cohort's name — the export and the summary hold that cohort only", async () => {
    const agent = await as(world.evaluator);
    const rows = csvRows((await agent.get(`/evaluation/export.csv?cohort=${encodeURIComponent(second.cohortName)}`)).text);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.cohort))).toEqual(new Set([second.cohortName]));
    const summary = (await agent.get(`/evaluation/summary.json?cohort=${encodeURIComponent(second.cohortName)}`)).body as IttSummary;
    expect(Object.keys(summary.outcomes.licence.strata)).toEqual([world.away.missionLocale.code]);
    const page = await agent.get(`/evaluation?cohort=${encodeURIComponent(second.cohortName)}`);
    expect(page.text).toContain("2 tirés au sort, 2 en liste d'attente");
  });

  it("summary.json — its shape — outcomes, overall, strata and stratified, n1 and n0 always", async () => {
    const summary = (await (await as(world.evaluator)).get("/evaluation/summary.json")).body as IttSummary;
    expect(Object.keys(summary.outcomes)).toEqual(["licence", "employed_m12", "employed_m24"]);
    const licence = summary.outcomes.licence.overall;
    expect(Object.keys(licence).sort()).toEqual(["ci95", "itt", "mean0", "mean1", "n0", "n1", "se"]);
    // One answer in all: one group with a mean of 1, the other without, no difference.
    expect(licence.n1 + licence.n0).toBe(1);
    expect([licence.mean1, licence.mean0].sort()).toEqual([1, null]);
    expect([licence.itt, licence.se, licence.ci95]).toEqual([null, null, null]);
    expect(summary.outcomes.employed_m24.stratified).toEqual({ itt: null, se: null, ci95: null });
  });

  it("export.csv and summary.json — downloaded — each written to the audit trail", async () => {
    const agent = await as(world.evaluator);
    const before = await testDb.auditEvent.count({ where: { actorId: world.evaluator.id, action: "EVALUATION_EXPORTED" } });
    await agent.get("/evaluation/export.csv");
    await agent.get("/evaluation/summary.json");
    expect(await testDb.auditEvent.count({ where: { actorId: world.evaluator.id, action: "EVALUATION_EXPORTED" } })).toBe(before + 2);
  });

  it("dictionary — every column of the export — named and explained", async () => {
    const page = await (await as(world.evaluator)).get("/evaluation/dictionary");
    for (const column of HEADER.split(",")) expect(page.text).toContain(`<code>${column}</code>`);
  });
});

describe("evaluation — withdrawal of consent", () => {
  it("the youth's counsellor — withdraws — 303, audited, and the youth leaves the export and the summary", async () => {
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const file = await agent.get(`/youths/${licensedYouthId}`);
    expect(file.text).toContain(`/youths/${licensedYouthId}/evaluation-consent/withdraw`);
    const response = await agent.post(`/youths/${licensedYouthId}/evaluation-consent/withdraw`).type("form").send({ _csrf: csrf });
    expect(response.status).toBe(303);
    const youth = await testDb.youth.findUniqueOrThrow({ where: { id: licensedYouthId } });
    expect(youth.evaluationConsentWithdrawnAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "EVALUATION_CONSENT_WITHDRAWN", entityId: licensedYouthId } })).toBe(1);

    const evaluator = await as(world.evaluator);
    const text = (await evaluator.get(`/evaluation/export.csv?cohort=${encodeURIComponent(first.cohortName)}`)).text;
    expect(text).not.toContain(pid(licensedYouthId));
    expect(csvRows(text)).toHaveLength(5);
    const summary = (await evaluator.get(`/evaluation/summary.json?cohort=${encodeURIComponent(first.cohortName)}`)).body as IttSummary;
    expect(summary.outcomes.licence.overall).toMatchObject({ n1: 0, n0: 0 });

    const again = await agent.post(`/youths/${licensedYouthId}/evaluation-consent/withdraw`).type("form").send({ _csrf: csrf });
    expect(again.status).toBe(303);
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: licensedYouthId } })).evaluationConsentWithdrawnAt).toEqual(
      youth.evaluationConsentWithdrawnAt,
    );
  });

  it("a counsellor of another Mission Locale — withdraws — 404, nothing written; a school — 403", async () => {
    const youthId = (await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId: first.drawId }, include: { application: true } }))
      .application.youthId;
    const away = await signedIn(world.away.referent.email, PASSWORD);
    expect((await away.agent.post(`/youths/${youthId}/evaluation-consent/withdraw`).type("form").send({ _csrf: away.csrf })).status).toBe(
      404,
    );
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (await school.agent.post(`/youths/${youthId}/evaluation-consent/withdraw`).type("form").send({ _csrf: school.csrf })).status,
    ).toBe(403);
  });
});
