import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeCohort, makeEnrolment, makeSchool, makeUser, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, makeDifficulty, makeLesson } from "../helpers/school-factories.ts";
import { CASELOAD_PAGE_SIZE } from "../../src/features/caseload/service.ts";

/** The caseload's rows, in order: youth id and warning codes. */
function rowsOf(html: string): { id: string; alerts: string[] }[] {
  return [...html.matchAll(/<tr data-youth-id="([^"]+)" data-alerts="([^"]*)">/g)].map((match) => ({
    id: match[1]!,
    alerts: match[2] ? match[2].split(" ") : [],
  }));
}

describe("the caseload", () => {
  it("caseload — a counsellor — the youths they follow, one without a lesson for 26 days first with NO_RECENT_LESSON", async () => {
    const world = await makeWorld();
    const drifting = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
    const enrolment = await makeEnrolment(drifting.id, world.home.school.id, world.cohort.id);
    await makeLesson(enrolment.id, { startsAt: new Date(Date.now() - 26 * DAY), attendance: "PRESENT" });
    const colleague = await makeUser("REFERENT", { missionLocaleId: world.home.missionLocale.id });
    const notMine = await makeYouth(world.home.missionLocale.id, { referentId: colleague.id });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const page = await agent.get("/caseload");

    expect(page.status).toBe(200);
    const rows = rowsOf(page.text);
    expect(rows[0]).toEqual({ id: drifting.id, alerts: ["NO_RECENT_LESSON"] });
    expect(page.text).toContain("Aucune leçon depuis 26 jours");
    expect(rows.map((row) => row.id)).toContain(world.home.youth.id);
    expect(rows.map((row) => row.id)).not.toContain(notMine.id);
    expect(rows.map((row) => row.id)).not.toContain(world.away.youth.id);

    const whole = rowsOf((await agent.get("/caseload?all=1")).text).map((row) => row.id);
    expect(whole).toContain(notMine.id);
    expect(whole).not.toContain(world.away.youth.id);
    const flagged = rowsOf((await agent.get("/caseload?warning=NO_RECENT_LESSON")).text).map((row) => row.id);
    expect(flagged).toEqual([drifting.id]);
  });

  it("caseload — summaries computed, then a difficulty reported — refreshed before the list and its count are read", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const before = await agent.get("/caseload?warning=OPEN_DIFFICULTY"); // the summaries, computed
    expect(rowsOf(before.text)).toEqual([]);
    expect(before.text).toContain("<p>0 jeune");

    await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);

    const after = await agent.get("/caseload?warning=OPEN_DIFFICULTY");
    expect(rowsOf(after.text)).toEqual([{ id: world.home.youth.id, alerts: ["OPEN_DIFFICULTY"] }]);
    expect(after.text).toContain("<p>1 jeune");
  });

  it("caseload — more youths than a page — a full page with the total, filters kept in the page links", async () => {
    const world = await makeWorld();
    const extra = CASELOAD_PAGE_SIZE + 3 - 2; // the world's two followed youths plus these
    for (let i = 0; i < extra; i++) await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
    const total = await testDb.youth.count({ where: { referentId: world.home.referent.id } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const first = await agent.get("/caseload?q=Camille");
    const second = await agent.get("/caseload?q=Camille&page=2");

    expect(rowsOf(first.text)).toHaveLength(CASELOAD_PAGE_SIZE);
    expect(first.text).toContain(`${total} jeunes`);
    expect(first.text).toContain("Page 1 sur 2");
    expect(first.text).toContain('href="/caseload?q=Camille&amp;page=2"');
    expect(rowsOf(second.text)).toHaveLength(total - CASELOAD_PAGE_SIZE);
  });

  it("caseload — the coordinator — one Mission Locale at a time, chosen in the filter", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.admin.email, PASSWORD);

    const away = rowsOf((await agent.get(`/caseload?missionLocaleId=${world.away.missionLocale.id}`)).text).map((row) => row.id);

    expect(away).toContain(world.away.youth.id);
    expect(away).not.toContain(world.home.youth.id);
  });

  it("caseload — filters by school, employment status and cohort, kept in the CSV link", async () => {
    const world = await makeWorld();
    const otherSchool = await makeSchool(world.home.missionLocale.id);
    const elsewhere = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
    await makeEnrolment(elsewhere.id, otherSchool.id, world.cohort.id);
    await testDb.youth.update({ where: { id: elsewhere.id }, data: { employmentStatus: "INTERN" } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const bySchool = await agent.get(`/caseload?schoolId=${otherSchool.id}`);
    expect(rowsOf(bySchool.text).map((row) => row.id)).toEqual([elsewhere.id]);
    expect(bySchool.text).toContain(`href="/caseload.csv?schoolId=${otherSchool.id}"`);
    expect(rowsOf((await agent.get("/caseload?employmentStatus=INTERN")).text).map((row) => row.id)).toEqual([elsewhere.id]);
    const otherCohort = await makeCohort();
    expect(rowsOf((await agent.get(`/caseload?cohortId=${otherCohort.id}`)).text)).toEqual([]);
    // An unknown value is no filter.
    expect(rowsOf((await agent.get("/caseload?employmentStatus=PIRATE")).text).map((row) => row.id)).toContain(elsewhere.id);
  });

  it("caseload — the CSV export: the filtered rows of every page, UTF-8 with BOM, `;`, formulas neutralised, audited", async () => {
    const world = await makeWorld();
    const drifting = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
    await testDb.youth.update({ where: { id: drifting.id }, data: { lastName: "=HYPERLINK(1)" } });
    const enrolment = await makeEnrolment(drifting.id, world.home.school.id, world.cohort.id);
    await makeLesson(enrolment.id, { startsAt: new Date(Date.now() - 26 * DAY), attendance: "PRESENT" });
    const recommendation = { youthId: drifting.id, kind: "PACE_CHANGE", text: "Une leçon par semaine", dueOn: new Date() } as const;
    await testDb.recommendation.createMany({
      data: [
        recommendation,
        { ...recommendation, status: "ACCEPTED" },
        { ...recommendation, status: "DONE" },
        { ...recommendation, status: "DECLINED" },
      ],
    });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const csv = await agent.get("/caseload.csv?warning=NO_RECENT_LESSON");

    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    const lines = csv.text.split("\r\n");
    expect(lines[0]!.startsWith("\uFEFFNom;Prénom;")).toBe(true);
    expect(lines).toHaveLength(3); // header, one youth, the final line end
    expect(lines[1]!.startsWith("'=HYPERLINK(1);Camille;")).toBe(true);
    // No difficulty, two recommendations still open (proposed, accepted), then the warnings.
    expect(lines[1]).toContain(";0;2;NO_RECENT_LESSON;Aucune leçon depuis 26 jours");
    const audit = await testDb.auditEvent.findFirst({
      where: { actorId: world.home.referent.id, action: "LIST_VIEWED", details: { contains: "/caseload.csv" } },
    });
    expect(audit?.details).toContain("NO_RECENT_LESSON");
  });

  it("caseload — a school, a youth, an evaluator — 403", async () => {
    const world = await makeWorld();
    for (const user of [world.home.schoolUser, world.home.youthUser, world.evaluator]) {
      const { agent } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/caseload")).status).toBe(403);
      expect((await agent.get("/caseload.csv")).status).toBe(403);
    }
  });
});
