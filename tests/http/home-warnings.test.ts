// The counsellor's, the school's and the coordinator's homes count the early warnings of the
// youths they reach, refreshed before they are read, and link each figure to the filtered list.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeEnrolment, makeWorld, makeYouth, PASSWORD } from "../helpers/factories.ts";
import { DAY, makeDifficulty, makeLesson } from "../helpers/school-factories.ts";
import { startOfParisWeek } from "../../src/domain/time.ts";

/** The value a home shows for the figure labelled `label`. */
function figureOf(html: string, label: string): string | undefined {
  return new RegExp(`<span class="figure-value">([^<]*)</span><span class="figure-label">${label}</span>`).exec(html)?.[1];
}

async function aDriftingYouth(world: Awaited<ReturnType<typeof makeWorld>>) {
  const drifting = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
  const enrolment = await makeEnrolment(drifting.id, world.home.school.id, world.cohort.id);
  await makeLesson(enrolment.id, { startsAt: new Date(Date.now() - 30 * DAY), attendance: "PRESENT" });
  return drifting;
}

describe("warnings on the homes", () => {
  it("counsellor's home — the youths with warnings listed first with their reasons, figures linked to the caseload", async () => {
    const world = await makeWorld();
    const drifting = await aDriftingYouth(world);
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const home = await agent.get("/");

    expect(home.status).toBe(200);
    expect(home.text).toContain(`<li data-youth-id="${drifting.id}">`);
    expect(home.text).toContain("Aucune leçon depuis 30 jours");
    expect(home.text).toMatch(
      /<a class="figure" href="\/caseload"><span class="figure-value">1<\/span><span class="figure-label">jeunes à suivre de près/,
    );
    expect(home.text).toContain('href="/caseload?warning=OPEN_DIFFICULTY"');
    expect(home.text).not.toContain(world.away.youth.lastName);
  });

  it("counsellor's home — a summary already computed, then a difficulty reported — refreshed before the figures and the list are read", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    await agent.get("/"); // the summaries of the caseload, computed
    await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);

    const home = await agent.get("/");

    expect(home.text).toContain(`<li data-youth-id="${world.home.youth.id}">`);
    expect(home.text).toContain("1 difficulté signalée non résolue");
    expect(home.text).toMatch(/<span class="figure-value">1<\/span><span class="figure-label">difficultés à traiter/);
  });

  it("school's home — no learner with a warning, then a difficulty reported — the figures and the list refreshed before they are read", async () => {
    const world = await makeWorld();
    const weekStart = startOfParisWeek(new Date());
    await makeLesson(world.home.enrolment.id, { startsAt: weekStart, attendance: "PRESENT" });
    await makeLesson(world.home.enrolment.id, { startsAt: weekStart, attendance: "CANCELLED" });
    await makeLesson(world.home.enrolment.id, { startsAt: new Date(weekStart.getTime() - DAY), attendance: "PRESENT" });
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const calm = (await agent.get("/")).text; // the summaries, computed
    expect(figureOf(calm, "jeunes en formation")).toBe("1");
    expect(figureOf(calm, "leçons cette semaine")).toBe("1");
    expect(figureOf(calm, "jeunes à suivre de près")).toBe("0");
    expect(calm).not.toContain(`/youths/${world.home.youth.id}"`);

    await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    const warned = (await agent.get("/")).text;
    expect(figureOf(warned, "jeunes à suivre de près")).toBe("1");
    expect(warned).toContain(`/youths/${world.home.youth.id}"`);
    expect(warned).toContain("1 difficulté signalée non résolue");
    expect(figureOf(warned, "leçons cette semaine")).toBe("1");
  });

  it("counsellor's home — no warning among their youths — says so", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    expect((await agent.get("/")).text).toContain("Aucun de vos jeunes n'a d'alerte.");
  });

  it("coordinator's home — youths per warning across the programme, each linked to the caseload filtered by it", async () => {
    const world = await makeWorld();
    await aDriftingYouth(world);
    const { agent: counsellor } = await signedIn(world.home.referent.email, PASSWORD);
    await counsellor.get("/caseload"); // computes the summaries, as the periodic sweep would
    const { agent } = await signedIn(world.admin.email, PASSWORD);

    const home = await agent.get("/");

    // The file's database holds the other tests' youths too.
    const count = /<a href="\/caseload\?warning=NO_RECENT_LESSON">Pas de leçon récente<\/a><\/th><td>(\d+)<\/td>/.exec(home.text)?.[1];
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    expect(home.text).toMatch(/<a href="\/caseload\?warning=EXAM_FAILED">Examen échoué<\/a><\/th><td>0<\/td>/);
  });
});
