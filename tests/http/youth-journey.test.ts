// The youth file read as a journey: the steps, every lesson by page, the early warnings.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { DAY, HOUR, makeLesson, minuteOf } from "../helpers/school-factories.ts";

const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&amp;/g, "&");
const countOf = (html: string, needle: string) => html.split(needle).length - 1;

describe("GET /youths/:id — the journey", () => {
  it("youth file — an enrolled youth — an ordered list of the steps, enrolment done with its date, the current step marked in words", async () => {
    const world = await makeWorld();
    await testDb.enrolment.update({
      where: { id: world.home.enrolment.id },
      data: { enrolledAt: new Date("2026-03-02T09:00:00Z"), initialAssessmentAt: new Date("2026-03-09T09:00:00Z") },
    });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    const page = unescape((await agent.get(`/youths/${world.home.youth.id}`)).text);

    expect(page).toMatch(/<ol class="journey">/);
    expect(page).toMatch(
      /data-step="enrolment"[^>]*>\s*<span class="journey-label">Inscription en auto-école<\/span>\s*<span class="journey-state">Fait le 02\/03\/2026<\/span>/,
    );
    expect(page).toMatch(
      /data-step="assessment"[^>]*>\s*<span class="journey-label">Évaluation de départ<\/span>\s*<span class="journey-state">Fait le 09\/03\/2026/,
    );
    expect(page).toMatch(/class="journey-step journey-current" data-step="lessons" aria-current="step">[\s\S]*?Étape en cours/);
    expect(page).toMatch(/data-step="licence"[\s\S]*?À venir/);
    expect(countOf(page, 'aria-current="step"')).toBe(1);
  });
});

describe("GET /youths/:id/lessons", () => {
  it("lessons of a youth — 25 lessons — the file links to them all, 20 on the first page, 5 on the second, each view audited", async () => {
    const world = await makeWorld();
    for (let index = 0; index < 25; index += 1) {
      await makeLesson(world.home.enrolment.id, { startsAt: minuteOf(new Date(Date.now() - (index + 1) * DAY)), attendance: "PRESENT" });
    }
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);

    expect((await agent.get(`/youths/${world.home.youth.id}`)).text).toContain(
      `href="/youths/${world.home.youth.id}/lessons">Toutes les leçons (25)`,
    );
    const first = await agent.get(`/youths/${world.home.youth.id}/lessons`);
    expect(first.status).toBe(200);
    expect(countOf(first.text, '<li class="lesson">')).toBe(20);
    expect(first.text).toContain("Page 1 sur 2");
    expect(first.text).toContain(`href="/youths/${world.home.youth.id}/lessons?page=2"`);
    const second = await agent.get(`/youths/${world.home.youth.id}/lessons?page=2`);
    expect(countOf(second.text, '<li class="lesson">')).toBe(5);
    const beyond = await agent.get(`/youths/${world.home.youth.id}/lessons?page=9`);
    expect(beyond.text).toContain("Page 2 sur 2");

    const views = await testDb.auditEvent.findMany({
      where: { action: "YOUTH_VIEWED", entityId: world.home.youth.id, actorId: world.home.referent.id, details: { contains: "lessons" } },
    });
    expect(views).toHaveLength(3);
  });

  it("lessons of a youth — out of the caller's scope — 404 and no view recorded", async () => {
    const world = await makeWorld();
    for (const email of [world.home.referent.email, world.home.schoolUser.email, world.home.youthUser.email]) {
      const { agent } = await signedIn(email, PASSWORD);
      expect((await agent.get(`/youths/${world.away.youth.id}/lessons`)).status).toBe(404);
    }
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: world.away.youth.id } })).toBe(0);
  });

  it("youth file — the counsellor — sees the school's planned lessons to come", async () => {
    const world = await makeWorld();
    const planned = minuteOf(new Date(Date.now() + 2 * DAY + 3 * HOUR));
    await makeLesson(world.home.enrolment.id, { startsAt: planned, instructorId: world.home.schoolUser.id });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const page = (await agent.get(`/youths/${world.home.youth.id}`)).text;
    expect(page).toMatch(/<h3>Prochaines leçons<\/h3>\s*<ul class="lesson-list">\s*<li class="lesson">/);
  });
});

describe("GET /youths/:id — early warnings", () => {
  async function unassessedFor20Days() {
    const world = await makeWorld();
    await testDb.enrolment.update({
      where: { id: world.home.enrolment.id },
      data: { enrolledAt: new Date(Date.now() - 20 * DAY), initialAssessmentAt: null },
    });
    return world;
  }

  it("youth file — staff — each warning with its reason and its proposed adjustment", async () => {
    const world = await unassessedFor20Days();
    for (const email of [world.home.referent.email, world.home.schoolUser.email]) {
      const { agent } = await signedIn(email, PASSWORD);
      const page = unescape((await agent.get(`/youths/${world.home.youth.id}`)).text);
      expect(page).toContain("Signaux d'alerte");
      expect(page).toMatch(/data-warning="ASSESSMENT_MISSING"[\s\S]*?Inscrit·e depuis 20 jours sans évaluation de départ/);
      expect(page).toContain("Ajustement proposé : Demander à l'auto-école de planifier l'évaluation de départ");
      // …which becomes a recommendation in one click.
      expect(page).toMatch(
        new RegExp(`action="/youths/${world.home.youth.id}/recommendations/suggested"[\\s\\S]*?name="warning" value="ASSESSMENT_MISSING"`),
      );
    }
  });

  it("youth file — the young person — no warnings shown", async () => {
    const world = await unassessedFor20Days();
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    expect(unescape((await agent.get(`/youths/${world.home.youth.id}`)).text)).not.toContain("Signaux d'alerte");
    expect(unescape((await agent.get("/me")).text)).not.toContain("Signaux d'alerte");
  });
});
