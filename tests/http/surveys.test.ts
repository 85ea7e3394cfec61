import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeUser, makeWorld, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeDraw } from "../helpers/lottery-factories.ts";
import { dayFromToday } from "../helpers/recommendation-factories.ts";
import { surveyDueOn } from "../../src/domain/survey.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** A survey of a youth, due `days` from today (negative: already due). */
async function makeSurvey(youthId: string, cohortId: string, options: { monthsAfter?: number; days?: number } = {}) {
  return testDb.followUpSurvey.create({
    data: {
      youthId,
      cohortId,
      monthsAfter: options.monthsAfter ?? 12,
      dueOn: new Date(`${dayFromToday(options.days ?? -5)}T00:00:00.000Z`),
    },
  });
}

const answers = (changes: Record<string, string> = {}) => ({
  employmentStatus: "CDD",
  hasLicence: "yes",
  licenceObtainedOn: dayFromToday(-40),
  carAccess: "yes",
  ...changes,
});

const escaped = (text: string) => text.replace(/'/g, "&#39;");

async function post(as: Awaited<ReturnType<typeof signedIn>>, path: string, body: Record<string, string>) {
  return as.agent
    .post(path)
    .type("form")
    .send({ ...body, _csrf: as.csrf });
}

describe("GET/POST /surveys/:id — the counsellor enters the answers by phone", () => {
  it("a 12-month survey — by the counsellor — 303 to the list, ANSWERED with its fields, employed derived, audited", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id);
    const as = await signedIn(world.home.referent.email, PASSWORD);

    const list = await as.agent.get("/surveys");
    expect(list.status).toBe(200);
    expect(list.text).toContain(`data-survey-id="${survey.id}"`);
    const page = await as.agent.get(`/surveys/${survey.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Enquête à 12 mois");
    expect(await testDb.auditEvent.count({ where: { action: "FOLLOW_UP_SURVEY_VIEWED", entityId: survey.id } })).toBe(1);

    const response = await post(as, `/surveys/${survey.id}`, answers());
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/surveys");
    const stored = await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: survey.id } });
    expect(stored).toMatchObject({
      status: "ANSWERED",
      employmentStatus: "CDD",
      employed: true,
      hasLicence: true,
      carAccess: true,
      recordedById: world.home.referent.id,
    });
    expect(stored.licenceObtainedOn?.toISOString().slice(0, 10)).toBe(dayFromToday(-40));
    expect(stored.answeredAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "SURVEY_ANSWERED", entityId: survey.id } })).toBe(1);
    expect((await as.agent.get("/surveys")).text).not.toContain(`data-survey-id="${survey.id}"`);

    // Sent again: the answers are not overwritten.
    const again = await post(as, `/surveys/${survey.id}`, answers({ employmentStatus: "INACTIVE", hasLicence: "no" }));
    expect(again.status).toBe(422);
    expect(again.text).toContain(escaped("Cette enquête a déjà été remplie"));
    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: survey.id } })).employmentStatus).toBe("CDD");
  });

  it("training, no licence — not employed, the typed licence date dropped", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id, { monthsAfter: 6 });
    const as = await signedIn(world.home.referent.email, PASSWORD);
    const response = await post(as, `/surveys/${survey.id}`, answers({ employmentStatus: "TRAINING", hasLicence: "no", carAccess: "no" }));
    expect(response.status).toBe(303);
    expect(await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({
      employed: false,
      hasLicence: false,
      licenceObtainedOn: null,
      carAccess: false,
    });
  });

  it("422 — nothing chosen, a licence without its date, a date to come — French messages, values kept, nothing stored", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id);
    const as = await signedIn(world.home.referent.email, PASSWORD);

    const empty = await post(as, `/surveys/${survey.id}`, { employmentStatus: "", hasLicence: "", licenceObtainedOn: "", carAccess: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(escaped("Choisissez la situation du jeune aujourd'hui."));
    expect(empty.text).toContain("Indiquez si le jeune a le permis B.");
    expect(empty.text).toContain("Indiquez si le jeune peut utiliser une voiture.");

    const unknown = await post(as, `/surveys/${survey.id}`, answers({ employmentStatus: "EMPLOYEE" }));
    expect(unknown.status).toBe(422);

    const noDate = await post(as, `/surveys/${survey.id}`, answers({ employmentStatus: "INTERIM", licenceObtainedOn: "" }));
    expect(noDate.status).toBe(422);
    expect(noDate.text).toContain(escaped("Saisissez la date d'obtention du permis : le jeune l'a"));
    expect(noDate.text).toMatch(/<option value="INTERIM" selected>/);

    const future = await post(as, `/surveys/${survey.id}`, answers({ licenceObtainedOn: dayFromToday(3) }));
    expect(future.status).toBe(422);
    expect(future.text).toContain(escaped("La date d'obtention du permis ne peut pas être dans le futur."));
    expect(future.text).toContain(`value="${dayFromToday(3)}"`);

    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: survey.id } })).status).toBe("PENDING");
    expect(await testDb.auditEvent.count({ where: { action: "SURVEY_ANSWERED", entityId: survey.id } })).toBe(0);
  });

  it("unreachable — after the due day, recorded and audited; before it, refused; answers still taken later", async () => {
    const world = await makeWorld();
    const due = await makeSurvey(world.home.youth.id, world.cohort.id, { monthsAfter: 6, days: -40 });
    const upcoming = await makeSurvey(world.home.youth.id, world.cohort.id, { monthsAfter: 24, days: 30 });
    const as = await signedIn(world.home.referent.email, PASSWORD);

    const list = await as.agent.get("/surveys");
    expect(list.text).toContain("dont 1 en retard");
    expect(list.text).not.toContain(`data-survey-id="${upcoming.id}"`);

    expect((await post(as, `/surveys/${due.id}/unreachable`, {})).status).toBe(303);
    expect(await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({
      status: "UNREACHABLE",
      recordedById: world.home.referent.id,
    });
    expect(await testDb.auditEvent.count({ where: { action: "SURVEY_UNREACHABLE", entityId: due.id } })).toBe(1);

    const early = await post(as, `/surveys/${upcoming.id}/unreachable`, {});
    expect(early.status).toBe(422);
    expect(early.text).toContain(escaped("Cette enquête n'est pas encore due"));
    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: upcoming.id } })).status).toBe("PENDING");

    expect((await post(as, `/surveys/${due.id}`, answers())).status).toBe(303);
    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("ANSWERED");
  });

  it("a survey of another Mission Locale — 404 to the counsellor, nothing changed", async () => {
    const world = await makeWorld();
    const away = await makeSurvey(world.away.youth.id, world.cohort.id);
    const as = await signedIn(world.home.referent.email, PASSWORD);
    expect((await as.agent.get(`/surveys/${away.id}`)).status).toBe(404);
    expect((await post(as, `/surveys/${away.id}`, answers())).status).toBe(404);
    expect((await post(as, `/surveys/${away.id}/unreachable`, {})).status).toBe(404);
    expect((await as.agent.get("/surveys?scope=mission-locale")).text).not.toContain(away.id);
    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: away.id } })).status).toBe("PENDING");
  });

  it("a school, the research team — 403 on the list, the page and the forms", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id);
    for (const user of [world.home.schoolUser, world.evaluator]) {
      const as = await signedIn(user.email, PASSWORD);
      expect((await as.agent.get("/surveys")).status).toBe(403);
      expect((await as.agent.get(`/surveys/${survey.id}`)).status).toBe(403);
      expect((await post(as, `/surveys/${survey.id}`, answers())).status).toBe(403);
      expect((await post(as, `/surveys/${survey.id}/unreachable`, {})).status).toBe(403);
    }
  });
});

describe("GET /surveys — the lists", () => {
  it("a counsellor sees their own youths' surveys, their Mission Locale's on request", async () => {
    const world = await makeWorld();
    const colleague = await makeUser("REFERENT", { missionLocaleId: world.home.missionLocale.id });
    const theirs = await makeYouth(world.home.missionLocale.id, { referentId: colleague.id });
    const mine = await makeSurvey(world.home.youth.id, world.cohort.id);
    const colleagues = await makeSurvey(theirs.id, world.cohort.id);
    const as = await signedIn(world.home.referent.email, PASSWORD);
    const own = await as.agent.get("/surveys");
    expect(own.text).toContain(`data-survey-id="${mine.id}"`);
    expect(own.text).not.toContain(`data-survey-id="${colleagues.id}"`);
    expect(own.text).not.toContain("Taux de réponse");
    const all = await as.agent.get("/surveys?scope=mission-locale");
    expect(all.text).toContain(`data-survey-id="${colleagues.id}"`);
    expect(
      await testDb.auditEvent.count({ where: { action: "LIST_VIEWED", entity: "FollowUpSurvey", actorId: world.home.referent.id } }),
    ).toBe(2);
  });

  it("the coordinator — every Mission Locale or one, and the response rates per wave and group", async () => {
    const world = await makeWorld();
    const drawn = await makeDraw({
      cohortId: world.cohort.id,
      missionLocaleId: world.home.missionLocale.id,
      adminId: world.admin.id,
      applicants: 4,
      seats: 2,
    });
    const entries = await testDb.lotteryEntry.findMany({
      where: { drawId: drawn.drawId },
      select: { outcome: true, application: { select: { youthId: true } } },
    });
    for (const entry of entries) {
      await makeSurvey(entry.application.youthId, world.cohort.id, { monthsAfter: 6, days: -10 });
    }
    const selected = entries.find((entry) => entry.outcome === "SELECTED")!;
    await testDb.followUpSurvey.updateMany({
      where: { youthId: selected.application.youthId },
      data: { status: "ANSWERED", answeredAt: new Date() },
    });
    const away = await makeSurvey(world.away.youth.id, world.cohort.id);

    const as = await signedIn(world.admin.email, PASSWORD);
    const all = await as.agent.get("/surveys");
    expect(all.status).toBe(200);
    expect(all.text).toContain(`data-survey-id="${away.id}"`);
    const one = await as.agent.get(`/surveys?missionLocaleId=${world.home.missionLocale.id}`);
    expect(one.text).not.toContain(`data-survey-id="${away.id}"`);
    expect(one.text).toContain("Taux de réponse");
    // 6 months, selected: 2 due, 1 answered → 50 %; waitlisted: 2 due, none answered → 0 %.
    expect(one.text).toMatch(/data-rate="6-SELECTED">[\s\S]*?<td>2<\/td>\s*<td>1<\/td>\s*<td>0<\/td>\s*<td>50 %<\/td>/);
    expect(one.text).toMatch(/data-rate="6-WAITLISTED">[\s\S]*?<td>2<\/td>\s*<td>0<\/td>\s*<td>0<\/td>\s*<td>0 %<\/td>/);
  });
});

describe("the draw's validation creates the surveys", () => {
  it("validated — 6, 12 and 24 months for every entry of both groups, due on the draw's day that many months later", async () => {
    const world = await makeWorld();
    const drawn = await makeDraw({
      cohortId: world.cohort.id,
      missionLocaleId: world.home.missionLocale.id,
      adminId: world.admin.id,
      applicants: 3,
      seats: 1,
    });
    const as = await signedIn(world.admin.email, PASSWORD);
    expect((await post(as, `/lottery/draws/${drawn.drawId}/validation`, { note: "Comité de pilotage" })).status).toBe(303);
    const draw = await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawn.drawId }, select: { drawnAt: true } });
    const surveys = await testDb.followUpSurvey.findMany({ where: { cohortId: world.cohort.id } });
    expect(surveys).toHaveLength(9);
    expect(surveys.every((survey) => survey.status === "PENDING")).toBe(true);
    for (const months of [6, 12, 24]) {
      const wave = surveys.filter((survey) => survey.monthsAfter === months);
      expect(wave).toHaveLength(3);
      expect(wave.every((survey) => survey.dueOn.getTime() === surveyDueOn(draw.drawnAt, months).getTime())).toBe(true);
    }
  });
});

describe("GET/POST /me/surveys/:id — the youth answers their own", () => {
  it("a notice on /me, the short form, answered: ANSWERED by the youth, audited, the notice gone", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id, { monthsAfter: 6 });
    const as = await signedIn(world.home.youthUser.email, PASSWORD);
    const me = await as.agent.get("/me");
    expect(me.text).toContain("Un questionnaire vous attend");
    expect(me.text).toContain(`href="/me/surveys/${survey.id}"`);
    const page = await as.agent.get(`/me/surveys/${survey.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Que faites-vous en ce moment ?");

    const rejected = await post(as, `/me/surveys/${survey.id}`, answers({ hasLicence: "", carAccess: "no" }));
    expect(rejected.status).toBe(422);
    expect(rejected.text).toContain("Dites-nous si vous avez le permis.");

    const response = await post(as, `/me/surveys/${survey.id}`, answers({ employmentStatus: "APPRENTICESHIP" }));
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/me");
    expect(await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({
      status: "ANSWERED",
      employmentStatus: "APPRENTICESHIP",
      employed: true,
      recordedById: world.home.youthUser.id,
    });
    expect(await testDb.auditEvent.count({ where: { action: "SURVEY_ANSWERED", entityId: survey.id } })).toBe(1);
    expect((await as.agent.get("/me")).text).not.toContain("Un questionnaire vous attend");
    // Answered: no longer theirs to fill in.
    expect((await as.agent.get(`/me/surveys/${survey.id}`)).status).toBe(404);
  });

  it("another youth's survey, one to come — 404; the counsellor's pages — 403", async () => {
    const world: World = await makeWorld();
    const others = await makeSurvey(world.away.youth.id, world.cohort.id);
    const upcoming = await makeSurvey(world.home.youth.id, world.cohort.id, { monthsAfter: 24, days: 20 });
    const as = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await as.agent.get(`/me/surveys/${others.id}`)).status).toBe(404);
    expect((await post(as, `/me/surveys/${others.id}`, answers())).status).toBe(404);
    expect((await as.agent.get(`/me/surveys/${upcoming.id}`)).status).toBe(404);
    expect((await as.agent.get("/me")).text).not.toContain("Un questionnaire vous attend");
    expect((await as.agent.get("/surveys")).status).toBe(403);
    expect((await testDb.followUpSurvey.findUniqueOrThrow({ where: { id: others.id } })).status).toBe("PENDING");
  });
});

describe("consent to the evaluation withdrawn", () => {
  it("a youth who withdrew consent — their due survey leaves the counsellor's list and /me, and cannot be answered", async () => {
    const world = await makeWorld();
    const survey = await makeSurvey(world.home.youth.id, world.cohort.id);
    const counsellor = await signedIn(world.home.referent.email, PASSWORD);
    const withdrawal = await post(counsellor, `/youths/${world.home.youth.id}/evaluation-consent/withdraw`, {});
    expect(withdrawal.status).toBe(303);

    expect((await counsellor.agent.get("/surveys")).text).not.toContain(`data-survey-id="${survey.id}"`);
    const youth = await signedIn(world.home.youthUser.email, PASSWORD);
    expect((await youth.agent.get("/me")).text).not.toContain(`/me/surveys/${survey.id}`);
    expect((await youth.agent.get(`/me/surveys/${survey.id}`)).status).toBe(404);
    const file = await counsellor.agent.get(`/youths/${world.home.youth.id}`);
    expect(file.text).toContain("Évaluation et enquêtes : retiré le ");
    expect(file.text).not.toContain("/evaluation-consent/withdraw");
  });
});
