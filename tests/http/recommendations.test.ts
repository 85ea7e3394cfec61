import { describe, expect, it } from "vitest";
import { signedIn, withReferencesDecoded, type Agent } from "../helpers/app.ts";
import { makeEnrolment, makeSchool, makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeDifficulty, makeLesson } from "../helpers/school-factories.ts";
import { dayFromToday, makeRecommendation } from "../helpers/recommendation-factories.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

const proposal = (changes: Record<string, string> = {}) => ({
  kind: "PACE_CHANGE",
  text: "Reprendre à deux leçons par semaine, le mardi et le jeudi.",
  dueOn: dayFromToday(14),
  lessonsPerWeek: "2",
  ...changes,
});

/** A text as EJS escapes it into a page. */
const escaped = (text: string) => text.replace(/'/g, "&#39;");

const noticesOf = (userId: string) => testDb.notification.findMany({ where: { userId } });

/** Moves the youth to another school of the same Mission Locale: the former school loses the file. */
async function transfer(world: World) {
  const other = await makeSchool(world.home.missionLocale.id);
  await testDb.enrolment.update({ where: { id: world.home.enrolment.id }, data: { isCurrent: false, status: "DROPPED" } });
  await makeEnrolment(world.home.youth.id, other.id, world.cohort.id);
}

describe("POST /youths/:id/recommendations", () => {
  it("propose — by the counsellor — 303 to the file, PROPOSED with its pace, the school told, audited", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent
      .post(`/youths/${world.home.youth.id}/recommendations`)
      .type("form")
      .send({ ...proposal(), _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/youths/${world.home.youth.id}#recommendations-title`);
    const stored = await testDb.recommendation.findFirstOrThrow({ where: { youthId: world.home.youth.id } });
    expect(stored).toMatchObject({ kind: "PACE_CHANGE", status: "PROPOSED", lessonsPerWeek: 2, authorId: world.home.referent.id });
    expect(stored.dueOn.toISOString().slice(0, 10)).toBe(dayFromToday(14));
    expect(await noticesOf(world.home.schoolUser.id)).toHaveLength(1);
    expect(await noticesOf(world.home.referent.id)).toHaveLength(0);
    expect(await noticesOf(world.home.youthUser.id)).toHaveLength(0);
    expect(await testDb.auditEvent.count({ where: { action: "RECOMMENDATION_PROPOSED", entityId: stored.id } })).toBe(1);

    const file = await agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain("Rythme des leçons</strong> (2 leçons par semaine au plus)");
    expect(file.text).toContain(`action="/recommendations/${stored.id}/decision"`);
  });

  it("propose — by the school — the counsellor told, not the school; another kind drops the pace; sent twice, stored once", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const body = { ...proposal({ kind: "MOCK_EXAM", text: "Un examen blanc avant la présentation." }), _csrf: csrf };
    for (let i = 0; i < 2; i++)
      expect((await agent.post(`/youths/${world.home.youth.id}/recommendations`).type("form").send(body)).status).toBe(303);
    const stored = await testDb.recommendation.findMany({ where: { youthId: world.home.youth.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: "MOCK_EXAM", status: "PROPOSED", lessonsPerWeek: null, authorId: world.home.schoolUser.id });
    expect(await noticesOf(world.home.referent.id)).toHaveLength(1);
    expect(await noticesOf(world.home.schoolUser.id)).toHaveLength(0);

    const file = await agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain("Un examen blanc avant la présentation.");
    expect(file.text).not.toContain("/decision");
  });

  it("propose — by the coordination — the counsellor and the school told", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    expect(
      (
        await agent
          .post(`/youths/${world.home.youth.id}/recommendations`)
          .type("form")
          .send({ ...proposal(), _csrf: csrf })
      ).status,
    ).toBe(303);
    expect(await noticesOf(world.home.referent.id)).toHaveLength(1);
    expect(await noticesOf(world.home.schoolUser.id)).toHaveLength(1);
  });

  for (const [label, changes, field, message] of [
    ["too short a text", { text: "ok" }, "text", "Décrivez l'ajustement en quelques mots"],
    ["a due date in the past", { dueOn: dayFromToday(-1) }, "dueOn", "L'échéance ne peut pas être passée"],
    ["a date that does not exist", { dueOn: "2026-02-30" }, "dueOn", "Saisissez une échéance valide"],
    [
      "a change of pace without a pace",
      { lessonsPerWeek: "" },
      "lessonsPerWeek",
      "Pour un changement de rythme, indiquez le nombre de leçons",
    ],
    ["a pace of 6 lessons", { lessonsPerWeek: "6" }, "lessonsPerWeek", "entre 1 et 5"],
    ["an unknown kind", { kind: "HOLIDAYS" }, "kind", "Choisissez le type d'ajustement"],
  ] as const) {
    it(`propose — ${label} — 422, the message by its field, the input kept, nothing stored`, async () => {
      const world = await makeWorld();
      const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
      const body = proposal(changes);
      const response = await agent
        .post(`/youths/${world.home.youth.id}/recommendations`)
        .type("form")
        .send({ ...body, _csrf: csrf });
      expect(response.status).toBe(422);
      expect(response.text).toContain(`id="${field}-error"`);
      expect(response.text).toContain(escaped(message));
      expect(response.text).toContain(`>${body.text}</textarea>`);
      expect(response.text).toContain(`value="${body.dueOn}"`);
      expect(await testDb.recommendation.count({ where: { youthId: world.home.youth.id } })).toBe(0);
    });
  }

  it("propose — a youth, the research team — 403; another Mission Locale, a school the youth left — 404; nothing stored", async () => {
    const world = await makeWorld();
    for (const email of [world.home.youthUser.email, world.evaluator.email]) {
      const { agent, csrf } = await signedIn(email, PASSWORD);
      expect(
        (
          await agent
            .post(`/youths/${world.home.youth.id}/recommendations`)
            .type("form")
            .send({ ...proposal(), _csrf: csrf })
        ).status,
      ).toBe(403);
    }
    for (const email of [world.home.referent.email, world.home.schoolUser.email]) {
      const { agent, csrf } = await signedIn(email, PASSWORD);
      expect(
        (
          await agent
            .post(`/youths/${world.away.youth.id}/recommendations`)
            .type("form")
            .send({ ...proposal(), _csrf: csrf })
        ).status,
      ).toBe(404);
    }
    await transfer(world);
    const former = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect(
      (
        await former.agent
          .post(`/youths/${world.home.youth.id}/recommendations`)
          .type("form")
          .send({ ...proposal(), _csrf: former.csrf })
      ).status,
    ).toBe(404);
    expect(await testDb.recommendation.count({ where: { youthId: { in: [world.home.youth.id, world.away.youth.id] } } })).toBe(0);
  });
});

describe("POST /recommendations/:id/decision", () => {
  it("decision — the counsellor accepts a change of pace — the pace set, the youth, the school and the proposer told, audited", async () => {
    const world = await makeWorld();
    const proposer = await makeUser("SCHOOL", { drivingSchoolId: world.home.school.id });
    const recommendation = await makeRecommendation(world.home.youth.id, proposer.id, { kind: "PACE_CHANGE", lessonsPerWeek: 2 });
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent
      .post(`/recommendations/${recommendation.id}/decision`)
      .type("form")
      .send({ decision: "ACCEPTED", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/youths/${world.home.youth.id}#recommendations-title`);
    expect(await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).toMatchObject({
      status: "ACCEPTED",
      decidedById: world.home.referent.id,
    });
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: world.home.youth.id } })).maxLessonsPerWeek).toBe(2);
    const [youthNotice] = await noticesOf(world.home.youthUser.id);
    expect(youthNotice).toMatchObject({ link: "/me" });
    expect(await noticesOf(world.home.schoolUser.id)).toHaveLength(1);
    expect(await noticesOf(proposer.id)).toHaveLength(1);
    expect(await testDb.auditEvent.count({ where: { action: "RECOMMENDATION_ACCEPTED", entityId: recommendation.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_PACE_SET", entityId: world.home.youth.id } })).toBe(1);
  });

  it("decision — declined with a note — the pace unchanged, only the proposer told", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id, {
      kind: "PACE_CHANGE",
      lessonsPerWeek: 1,
    });
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post(`/recommendations/${recommendation.id}/decision`)
      .type("form")
      .send({ decision: "DECLINED", note: "Le jeune préfère garder son rythme.", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).toMatchObject({
      status: "DECLINED",
      decisionNote: "Le jeune préfère garder son rythme.",
    });
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: world.home.youth.id } })).maxLessonsPerWeek).toBeNull();
    const notices = await noticesOf(world.home.schoolUser.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain("Le jeune préfère garder son rythme.");
    expect(await noticesOf(world.home.youthUser.id)).toHaveLength(0);
    expect(await noticesOf(world.home.referent.id)).toHaveLength(0);
  });

  it("decision — sent twice — the second 422 with a French message by the recommendation, the first decision kept", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const url = `/recommendations/${recommendation.id}/decision`;
    expect((await agent.post(url).type("form").send({ decision: "ACCEPTED", _csrf: csrf })).status).toBe(303);
    const again = await agent.post(url).type("form").send({ decision: "DECLINED", note: "Finalement non.", _csrf: csrf });
    expect(again.status).toBe(422);
    expect(again.text).toContain("Cette préconisation a déjà été décidée");
    expect((await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).status).toBe("ACCEPTED");
    expect(await testDb.auditEvent.count({ where: { entityId: recommendation.id, action: { startsWith: "RECOMMENDATION_" } } })).toBe(1);
  });

  it("decision — no decision chosen — 422, the note kept", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent.post(`/recommendations/${recommendation.id}/decision`).type("form").send({ note: "À voir.", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain(escaped("Choisissez d'accepter ou de refuser"));
    expect(response.text).toContain(">À voir.</textarea>");
  });

  it("decision — a school, a youth — 403; another Mission Locale — 404; nothing decided", async () => {
    const world = await makeWorld();
    const home = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id);
    const away = await makeRecommendation(world.away.youth.id, world.away.schoolUser.id);
    for (const email of [world.home.schoolUser.email, world.home.youthUser.email, world.evaluator.email]) {
      const { agent, csrf } = await signedIn(email, PASSWORD);
      expect(
        (await agent.post(`/recommendations/${home.id}/decision`).type("form").send({ decision: "ACCEPTED", _csrf: csrf })).status,
      ).toBe(403);
    }
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    expect(
      (await referent.agent.post(`/recommendations/${away.id}/decision`).type("form").send({ decision: "ACCEPTED", _csrf: referent.csrf }))
        .status,
    ).toBe(404);
    expect(await testDb.recommendation.count({ where: { id: { in: [home.id, away.id] }, status: { not: "PROPOSED" } } })).toBe(0);
  });
});

describe("POST /recommendations/:id/done", () => {
  it("done — the school marks an accepted one carried out — DONE, the counsellor told, audited", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.referent.id, { status: "ACCEPTED" });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);
    const file = await agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain(`action="/recommendations/${recommendation.id}/done"`);
    expect((await agent.post(`/recommendations/${recommendation.id}/done`).type("form").send({ _csrf: csrf })).status).toBe(303);
    expect(await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).toMatchObject({
      status: "DONE",
      doneById: world.home.schoolUser.id,
    });
    expect(await noticesOf(world.home.referent.id)).toHaveLength(1);
    expect(await testDb.auditEvent.count({ where: { action: "RECOMMENDATION_DONE", entityId: recommendation.id } })).toBe(1);
  });

  it("done — a proposal not yet accepted — 422 with a French message, unchanged", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await agent.post(`/recommendations/${recommendation.id}/done`).type("form").send({ _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Seule une préconisation acceptée");
    expect((await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).status).toBe("PROPOSED");
  });

  it("done — a youth — 403; the school the youth left, another Mission Locale — 404", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.referent.id, { status: "ACCEPTED" });
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.post(`/recommendations/${recommendation.id}/done`).type("form").send({ _csrf: youth.csrf })).status).toBe(
      403,
    );
    const away = await signedIn(world.away.referent.email, PASSWORD);
    expect((await away.agent.post(`/recommendations/${recommendation.id}/done`).type("form").send({ _csrf: away.csrf })).status).toBe(404);
    await transfer(world);
    const former = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await former.agent.post(`/recommendations/${recommendation.id}/done`).type("form").send({ _csrf: former.csrf })).status).toBe(
      404,
    );
    expect((await testDb.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).status).toBe("ACCEPTED");
  });
});

describe("POST /recommendations/:id/acknowledge", () => {
  it("acknowledge — the youth on /me — « J'ai lu », then « Lu le … »; sent twice, audited once", async () => {
    const world = await makeWorld();
    const accepted = await makeRecommendation(world.home.youth.id, world.home.referent.id, {
      status: "ACCEPTED",
      text: "Deux leçons par semaine.",
    });
    await makeRecommendation(world.home.youth.id, world.home.referent.id, { text: "Une idée encore discutée." });
    await makeRecommendation(world.home.youth.id, world.home.referent.id, { status: "DECLINED", text: "Une idée écartée." });
    const { agent, csrf } = await signedIn(world.home.youthUser.email, PASSWORD);
    const me = await agent.get("/me");
    expect(me.text).toContain("Deux leçons par semaine.");
    expect(me.text).not.toContain("Une idée encore discutée.");
    expect(me.text).not.toContain("Une idée écartée.");
    expect(me.text).toContain(`action="/recommendations/${accepted.id}/acknowledge"`);

    for (let i = 0; i < 2; i++) {
      const response = await agent.post(`/recommendations/${accepted.id}/acknowledge`).type("form").send({ _csrf: csrf });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe("/me#advice-title");
    }
    expect((await testDb.recommendation.findUniqueOrThrow({ where: { id: accepted.id } })).acknowledgedAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "RECOMMENDATION_ACKNOWLEDGED", entityId: accepted.id } })).toBe(1);
    const after = await agent.get("/me");
    expect(after.text).toContain("Lu le ");
    expect(after.text).not.toContain(`action="/recommendations/${accepted.id}/acknowledge"`);
  });

  it("acknowledge — another youth's, or one of their own not accepted — 404; staff — 403", async () => {
    const world = await makeWorld();
    const others = await makeRecommendation(world.away.youth.id, world.away.referent.id, { status: "ACCEPTED" });
    const proposed = await makeRecommendation(world.home.youth.id, world.home.referent.id);
    const own = await makeRecommendation(world.home.youth.id, world.home.referent.id, { status: "ACCEPTED" });
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    for (const id of [others.id, proposed.id])
      expect((await youth.agent.post(`/recommendations/${id}/acknowledge`).type("form").send({ _csrf: youth.csrf })).status).toBe(404);
    for (const email of [world.home.referent.email, world.home.schoolUser.email, world.admin.email]) {
      const { agent, csrf } = await signedIn(email, PASSWORD);
      expect((await agent.post(`/recommendations/${own.id}/acknowledge`).type("form").send({ _csrf: csrf })).status).toBe(403);
    }
    expect(
      await testDb.recommendation.count({ where: { id: { in: [others.id, proposed.id, own.id] }, acknowledgedAt: { not: null } } }),
    ).toBe(0);
  });
});

describe("recommendations sent twice at once", () => {
  it("double submission — the same proposal twice at once — one row", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const post = () =>
      agent
        .post(`/youths/${world.home.youth.id}/recommendations`)
        .type("form")
        .send({ ...proposal(), _csrf: csrf });
    const responses = await Promise.all([post(), post()]);
    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await testDb.recommendation.count({ where: { youthId: world.home.youth.id } })).toBe(1);
  });

  it("double submission — accepted and declined at once — one decision, the other 422", async () => {
    const world = await makeWorld();
    const recommendation = await makeRecommendation(world.home.youth.id, world.home.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const decide = (decision: string) =>
      agent.post(`/recommendations/${recommendation.id}/decision`).type("form").send({ decision, _csrf: csrf });
    const responses = await Promise.all([decide("ACCEPTED"), decide("DECLINED")]);
    expect(responses.map((r) => r.status).sort()).toEqual([303, 422]);
    expect(await testDb.auditEvent.count({ where: { entityId: recommendation.id, action: { startsWith: "RECOMMENDATION_" } } })).toBe(1);
  });
});

describe("the caseload's suggested adjustments", () => {
  const DAY = 24 * 60 * 60 * 1000;

  /** The home youth with an open difficulty (OPEN_DIFFICULTY: support towards mobility) and no
   * lesson for 26 days (NO_RECENT_LESSON: back to one lesson a week). */
  async function flagged() {
    const world = await makeWorld();
    await makeDifficulty(world.home.enrolment, world.home.schoolUser.id);
    await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() - 26 * DAY), attendance: "PRESENT" });
    return world;
  }
  const suggest = (agent: Agent, youthId: string, fields: Record<string, string>) =>
    agent.post(`/youths/${youthId}/recommendations/suggested`).type("form").send(fields);

  it("suggestion — a flagged row — a one-click form that names the warning; the server proposes its adjustment, due in 14 days", async () => {
    const world = await flagged();
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const page = await agent.get("/caseload");
    const form = new RegExp(
      `<form method="post" action="/youths/${world.home.youth.id}/recommendations/suggested" class="inline-form suggest">((?:(?!</form>)[\\s\\S])*?name="warning" value="OPEN_DIFFICULTY"[\\s\\S]*?)</form>`,
    ).exec(page.text);
    expect(form).not.toBeNull();
    const fields = Object.fromEntries([...form![1]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(fields).sort()).toEqual(["_csrf", "warning"]);
    // The button is described by the suggestion's text, shown beside it.
    const describedBy = /aria-describedby="([^"]+)"/.exec(form![1]!)![1]!;
    expect(withReferencesDecoded(page.text)).toMatch(
      new RegExp(`id="${describedBy}">Proposition : Orienter vers une aide à la mobilité pour se rendre aux leçons<`),
    );

    const response = await suggest(agent, world.home.youth.id, fields);
    expect(response.status).toBe(303);
    expect(await testDb.recommendation.findFirstOrThrow({ where: { youthId: world.home.youth.id } })).toMatchObject({
      kind: "SUPPORT_MOBILITY",
      status: "PROPOSED",
      text: "Orienter vers une aide à la mobilité pour se rendre aux leçons",
      dueOn: new Date(`${dayFromToday(14)}T00:00:00.000Z`),
      lessonsPerWeek: null,
    });
  });

  it("suggestion — a change of pace — takes the pace given beside the button; without one, 422 and nothing stored", async () => {
    const world = await flagged();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);

    const missing = await suggest(agent, world.home.youth.id, { warning: "NO_RECENT_LESSON", lessonsPerWeek: "", _csrf: csrf });
    expect(missing.status).toBe(422);
    expect(withReferencesDecoded(missing.text)).toContain("Pour un changement de rythme, indiquez le nombre de leçons par semaine");
    expect(await testDb.recommendation.count({ where: { youthId: world.home.youth.id } })).toBe(0);

    const response = await suggest(agent, world.home.youth.id, { warning: "NO_RECENT_LESSON", lessonsPerWeek: "2", _csrf: csrf });
    expect(response.status).toBe(303);
    expect(await testDb.recommendation.findFirstOrThrow({ where: { youthId: world.home.youth.id } })).toMatchObject({
      kind: "PACE_CHANGE",
      text: "Faire le point avec le jeune et reprendre à une leçon par semaine",
      lessonsPerWeek: 2,
    });
  });

  it("suggestion — a warning that no longer applies, or no warning at all — 422 with the youth file's warnings as they stand, nothing stored", async () => {
    const world = await flagged();
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);

    const gone = await suggest(agent, world.home.youth.id, { warning: "EXAM_FAILED", _csrf: csrf });
    expect(gone.status).toBe(422);
    expect(gone.text).toContain(escaped("Cette alerte ne s'applique plus à ce jeune : rien n'a été proposé."));
    expect(gone.text).toContain('data-warning="OPEN_DIFFICULTY"');

    const unknown = await suggest(agent, world.home.youth.id, { warning: "SOMETHING_ELSE", _csrf: csrf });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain(escaped("Cette alerte n'existe pas"));

    const extra = await suggest(agent, world.home.youth.id, { warning: "OPEN_DIFFICULTY", text: "Autre chose", _csrf: csrf });
    expect(extra.status).toBe(422);
    expect(await testDb.recommendation.count({ where: { youthId: world.home.youth.id } })).toBe(0);
  });

  it("suggestion — a youth out of the counsellor's scope — 404 and nothing stored", async () => {
    const world = await flagged();
    await makeDifficulty(world.away.enrolment, world.away.schoolUser.id);
    const { agent, csrf } = await signedIn(world.home.referent.email, PASSWORD);
    const response = await suggest(agent, world.away.youth.id, { warning: "OPEN_DIFFICULTY", _csrf: csrf });
    expect(response.status).toBe(404);
    expect(await testDb.recommendation.count({ where: { youthId: world.away.youth.id } })).toBe(0);
  });
});

describe("a recommendation's whole course", () => {
  it("proposed by the school → accepted by the counsellor → read by the youth on /me → done by the school, each step audited", async () => {
    const world = await makeWorld();
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const counsellor = await signedIn(world.home.referent.email, PASSWORD);
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    const text = "Un examen blanc avant la présentation de janvier.";

    const proposed = await school.agent
      .post(`/youths/${world.home.youth.id}/recommendations`)
      .type("form")
      .send({ kind: "MOCK_EXAM", text, dueOn: dayFromToday(14), _csrf: school.csrf });
    expect(proposed.status).toBe(303);
    const { id } = await testDb.recommendation.findFirstOrThrow({ where: { youthId: world.home.youth.id, text } });
    expect(unescapedMe(await youth.agent.get("/me"))).not.toContain(text); // not before the counsellor accepts

    const decided = await counsellor.agent
      .post(`/recommendations/${id}/decision`)
      .type("form")
      .send({ decision: "ACCEPTED", _csrf: counsellor.csrf });
    expect(decided.status).toBe(303);
    expect(unescapedMe(await youth.agent.get("/me"))).toContain(text);
    expect((await youth.agent.post(`/recommendations/${id}/acknowledge`).type("form").send({ _csrf: youth.csrf })).status).toBe(303);
    expect((await school.agent.post(`/recommendations/${id}/done`).type("form").send({ _csrf: school.csrf })).status).toBe(303);

    expect(await testDb.recommendation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DONE",
      authorId: world.home.schoolUser.id,
      decidedById: world.home.referent.id,
      doneById: world.home.schoolUser.id,
    });
    const steps = await testDb.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true },
    });
    expect(steps.map((step) => step.action)).toEqual([
      "RECOMMENDATION_PROPOSED",
      "RECOMMENDATION_ACCEPTED",
      "RECOMMENDATION_ACKNOWLEDGED",
      "RECOMMENDATION_DONE",
    ]);
  });
});

function unescapedMe(response: { text: string }): string {
  return response.text.replace(/&#39;/g, "'");
}
