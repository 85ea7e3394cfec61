import request from "supertest";
import { describe, expect, it } from "vitest";
import { anonymous, csrfFrom, signedIn, testApp } from "../helpers/app.ts";
import { makeCohort, makeMissionLocale, makeSchool, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeApplicant, makeDraw, makeQuota, makeValidatedDraw } from "../helpers/lottery-factories.ts";
import { listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";
import { parseProof, verifyProof } from "../../src/features/lottery/proof.ts";
import { formatMoment, parisDateTime, parisIsoDay } from "../../src/domain/time.ts";
import { onPostgres } from "../helpers/postgres.ts";

async function stratum(seats = 2, applicants = 5) {
  const cohort = await makeCohort();
  const missionLocale = await makeMissionLocale();
  const quota = await makeQuota(cohort.id, missionLocale.id, seats);
  const made = [];
  for (let i = 0; i < applicants; i += 1) made.push(await makeApplicant(missionLocale.id, cohort.id));
  const admin = await makeUser("ADMIN");
  const as = await signedIn(admin.email, PASSWORD);
  return { cohort, missionLocale, quota, applicants: made, admin, as };
}

async function freezeAndDraw(
  as: Awaited<ReturnType<typeof signedIn>>,
  quotaId: string,
  seed = "2026-09-15-EuroMillions-04-11-23-38-47-02-09",
) {
  const frozen = await as.agent.post(`/lottery/strata/${quotaId}/freeze`).type("form").send({ _csrf: as.csrf });
  expect(frozen.status).toBe(303);
  const drawn = await as.agent.post(`/lottery/strata/${quotaId}/draw`).type("form").send({ seed, seedIsPublic: "on", _csrf: as.csrf });
  expect(drawn.status).toBe(303);
  return drawn.headers.location!.split("/").pop()!;
}

async function validate(as: Awaited<ReturnType<typeof signedIn>>, drawId: string) {
  const validated = await as.agent
    .post(`/lottery/draws/${drawId}/validation`)
    .type("form")
    .send({ note: "Comité de pilotage", _csrf: as.csrf });
  expect(validated.status).toBe(303);
}

describe("the draw: freeze, seed, draw", () => {
  it("freeze then draw — by the coordinator — ranks with sha256-rank-v1, sets statuses and audits", async () => {
    const { quota, missionLocale, applicants, as } = await stratum(2, 5);
    const ineligible = await makeApplicant(missionLocale.id, quota.cohortId, { consents: false });
    const seed = "graine publique 2026";

    const drawId = await freezeAndDraw(as, quota.id, seed);

    const refs = applicants.map((a) => a.youth.ref);
    const freeze = await testDb.lotteryFreeze.findFirstOrThrow({
      where: { cohortId: quota.cohortId, missionLocaleId: missionLocale.id },
      include: { applicants: true },
    });
    expect(freeze.listDigest).toBe(listDigest(refs));
    expect(freeze.applicants.map((a) => a.ref).sort()).toEqual([...refs].sort());
    const entries = await testDb.lotteryEntry.findMany({ where: { drawId }, orderBy: { rank: "asc" } });
    expect(entries.map(({ ref, key, rank, outcome }) => ({ ref, key, rank, outcome }))).toEqual(
      rankApplicants(seed, missionLocale.code, refs, 2),
    );
    const statuses = await testDb.application.findMany({ where: { cohortId: quota.cohortId }, select: { id: true, status: true } });
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    for (const entry of entries) expect(statusOf.get(entry.applicationId)).toBe(entry.outcome);
    expect(statusOf.get(ineligible.application.id)).toBe("INELIGIBLE");
    const actions = (await testDb.auditEvent.findMany({ where: { entityId: { in: [freeze.id, drawId] } } })).map((e) => e.action).sort();
    expect(actions).toEqual(["LOTTERY_DRAWN", "LOTTERY_FROZEN"]);
  });

  it("draw page — right after the draw — lists selected and waitlisted by rank and says « vérifié »", async () => {
    const { quota, as } = await stratum(2, 4);
    const drawId = await freezeAndDraw(as, quota.id);
    const page = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("vérifié");
    expect(page.text).not.toContain("non conforme");
    expect(page.text).toContain("Tiré·es au sort (2)");
    expect(page.text).toContain("Liste d&#39;attente (2)");
    expect(page.text).toContain("Pas encore validé");
  });

  it("draw page — a stored entry altered afterwards — says « non conforme » and names the entry", async () => {
    const { quota, as } = await stratum(1, 3);
    const drawId = await freezeAndDraw(as, quota.id);
    const last = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 3 } });
    // Tampering below the application: the database's own guard has to be removed first.
    await testDb.$executeRawUnsafe(`DROP TRIGGER "LotteryEntry_no_update"${onPostgres ? ' ON "LotteryEntry"' : ""}`);
    await testDb.lotteryEntry.update({ where: { id: last.id }, data: { outcome: "SELECTED" } });
    const page = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(page.text).toContain("non conforme");
    expect(page.text).toContain(`Entrée rang 3 (${last.ref})`);
  });

  it("a draw — before the cohort's announced draw day — is refused (422), nothing drawn", async () => {
    const { cohort, quota, as } = await stratum(1, 3);
    await testDb.cohort.update({ where: { id: cohort.id }, data: { drawDate: new Date(Date.now() + 10 * 24 * 3600 * 1000) } });
    expect((await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf })).status).toBe(303);
    const early = await as.agent
      .post(`/lottery/strata/${quota.id}/draw`)
      .type("form")
      .send({ seed: "graine", seedIsPublic: "on", _csrf: as.csrf });
    expect(early.status).toBe(422);
    expect(early.text).toContain("ne peut pas avoir lieu avant");
    expect(await testDb.lotteryDraw.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("a second draw — same cohort and Mission Locale — is refused (422) and changes nothing", async () => {
    const { quota, as } = await stratum(2, 4);
    const drawId = await freezeAndDraw(as, quota.id, "première graine");
    const before = await testDb.lotteryEntry.findMany({ where: { drawId }, orderBy: { rank: "asc" } });

    const again = await as.agent
      .post(`/lottery/strata/${quota.id}/draw`)
      .type("form")
      .send({ seed: "autre graine", seedIsPublic: "on", _csrf: as.csrf });
    const refreeze = await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });

    expect(again.status).toBe(422);
    expect(again.text).toContain("Un tirage ne se refait pas");
    expect(refreeze.status).toBe(422);
    expect(await testDb.lotteryDraw.count({ where: { cohortId: quota.cohortId } })).toBe(1);
    expect((await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } })).seed).toBe("première graine");
    expect(await testDb.lotteryEntry.findMany({ where: { drawId }, orderBy: { rank: "asc" } })).toEqual(before);
  });

  it("the draw — without a freeze, or without a seed — is refused with the reason (422)", async () => {
    const { quota, as } = await stratum(2, 3);
    const notFrozen = await as.agent
      .post(`/lottery/strata/${quota.id}/draw`)
      .type("form")
      .send({ seed: "x", seedIsPublic: "on", _csrf: as.csrf });
    expect(notFrozen.status).toBe(422);
    expect(notFrozen.text).toContain("Figez d&#39;abord la liste");
    await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });
    const noSeed = await as.agent.post(`/lottery/strata/${quota.id}/draw`).type("form").send({ seed: "  ", _csrf: as.csrf });
    expect(noSeed.status).toBe(422);
    expect(noSeed.text).toContain("Saisissez la graine publique");
    expect(noSeed.text).toContain("Confirmez que la graine");
    expect(await testDb.lotteryDraw.count({ where: { cohortId: quota.cohortId } })).toBe(0);
  });

  it("a freeze — with no eligible applicant — is refused (422), nothing frozen", async () => {
    const { quota, as } = await stratum(2, 0);
    const response = await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });
    expect(response.status).toBe(422);
    expect(await testDb.lotteryFreeze.count({ where: { cohortId: quota.cohortId } })).toBe(0);
  });

  it("a new application — after the freeze, in that stratum — is refused (422): the frozen list cannot change", async () => {
    const { quota, missionLocale, as } = await stratum(2, 2);
    await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });
    const response = await as.agent.post("/applications").type("form").send({
      cohortId: quota.cohortId,
      missionLocaleId: missionLocale.id,
      firstName: "Nina",
      lastName: "Tardive",
      birthDate: "2004-01-02",
      gender: "FEMALE",
      employmentStatus: "JOB_SEEKER",
      professionalProject: "Vendeuse",
      lotteryConsent: "on",
      evaluationConsent: "on",
      _csrf: as.csrf,
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("déjà figée");
    expect(await testDb.frozenApplicant.count({ where: { freeze: { cohortId: quota.cohortId } } })).toBe(2);
  });

  it("the stratum page — as a counsellor, a school, a youth, an evaluator — is 403", async () => {
    const { quota, missionLocale } = await stratum(2, 1);
    const school = await makeSchool(missionLocale.id);
    const youth = await makeYouth(missionLocale.id);
    for (const user of [
      await makeUser("REFERENT", { missionLocaleId: missionLocale.id }),
      await makeUser("SCHOOL", { drivingSchoolId: school.id }),
      await makeUser("YOUTH", { youthId: youth.id }),
      await makeUser("EVALUATOR"),
    ]) {
      const { agent, csrf } = await signedIn(user.email, PASSWORD);
      expect((await agent.get(`/lottery/strata/${quota.id}`)).status).toBe(403);
      expect((await agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: csrf })).status).toBe(403);
    }
    expect(await testDb.lotteryFreeze.count({ where: { cohortId: quota.cohortId } })).toBe(0);
  });
});

describe("the public proof", () => {
  it("proof.json — signed out — has docs/lottery.md's exact shape, entries in rank order, and verifies", async () => {
    const { quota, missionLocale, cohort, as } = await stratum(2, 5);
    const drawId = await freezeAndDraw(as, quota.id, "graine-proof");
    await validate(as, drawId);
    const { agent } = await anonymous();

    const response = await agent.get(`/lottery/draws/${drawId}/proof.json`);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/application\/json/);
    const proof = response.body as Record<string, unknown> & { entries: Record<string, unknown>[] };
    expect(Object.keys(proof)).toEqual(["algorithm", "cohort", "stratum", "seats", "seed", "listDigest", "drawnAt", "entries"]);
    expect(proof).toMatchObject({
      algorithm: "sha256-rank-v1",
      cohort: cohort.name,
      stratum: missionLocale.code,
      seats: 2,
      seed: "graine-proof",
    });
    expect(proof.entries.map((e) => Object.keys(e))).toEqual(proof.entries.map(() => ["ref", "key", "rank", "outcome"]));
    expect(proof.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    const parsed = parseProof(proof);
    expect(parsed.ok && verifyProof(parsed.proof)).toEqual({ ok: true });
  });

  it("proof.json — fetched by anyone — opens no session and writes nothing", async () => {
    const { quota, as } = await stratum(2, 5);
    const drawId = await freezeAndDraw(as, quota.id, "graine-sans-session");
    await validate(as, drawId);
    const sessionsBefore = await testDb.session.count();
    const response = await request(testApp()).get(`/lottery/draws/${drawId}/proof.json`);
    expect(response.status).toBe(200);
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(await testDb.session.count()).toBe(sessionsBefore);
  });

  it("proof.json — of a draw with names, e-mails, phones — holds no personal data", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const people = [];
    for (let i = 0; i < 3; i += 1) {
      people.push(
        await makeApplicant(missionLocale.id, cohort.id, {
          lastName: `Personnelle${i}`,
          email: `perso${i}@exemple.fr`,
          phone: `061234567${i}`,
        }),
      );
    }
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 0,
      seats: 1,
      validated: true,
    });
    const { agent } = await anonymous();
    const text = (await agent.get(`/lottery/draws/${drawId}/proof.json`)).text;
    for (const { youth } of people) {
      expect(text).toContain(youth.ref);
      for (const secret of [
        youth.lastName,
        youth.firstName,
        youth.email!,
        youth.phone!,
        youth.birthDate.toISOString().slice(0, 10),
        youth.id,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it("proof.json — after a replacement — keeps every outcome as drawn", async () => {
    const { drawId, admin } = await makeValidatedDraw({ applicants: 4, seats: 2 });
    const { agent } = await anonymous();
    const first = await agent.get(`/lottery/draws/${drawId}/proof.json`);
    expect(first.status).toBe(200);
    const before = first.body as unknown;
    const as = await signedIn(admin.email, PASSWORD);
    const best = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 } });
    await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: best.applicationId, reason: "Déménagement", _csrf: as.csrf });
    expect((await agent.get(`/lottery/draws/${drawId}/proof.json`)).body).toEqual(before);
  });

  it("proof.json and list.json — an unknown id — are 404", async () => {
    const { agent } = await anonymous();
    expect((await agent.get("/lottery/draws/nope/proof.json")).status).toBe(404);
    expect((await agent.get("/lottery/freezes/nope/list.json")).status).toBe(404);
  });

  it("list.json — the published frozen list — holds the refs in byte order and their digest", async () => {
    const { quota, applicants, as } = await stratum(1, 3);
    await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });
    const freeze = await testDb.lotteryFreeze.findFirstOrThrow({ where: { cohortId: quota.cohortId } });
    const { agent } = await anonymous();
    const body = (await agent.get(`/lottery/freezes/${freeze.id}/list.json`)).body as { refs: string[]; listDigest: string };
    expect(body.refs).toEqual(applicants.map((a) => a.youth.ref).sort());
    expect(body.listDigest).toBe(listDigest(body.refs));
  });

  it("proof.json — before the committee's validation — 404 in JSON with a French reason; after it — 200", async () => {
    const { quota, as } = await stratum(1, 3);
    const drawId = await freezeAndDraw(as, quota.id, "graine-avant-validation");
    const { agent } = await anonymous();

    const early = await agent.get(`/lottery/draws/${drawId}/proof.json`);
    await validate(as, drawId);
    const published = await agent.get(`/lottery/draws/${drawId}/proof.json`);

    expect(early.status).toBe(404);
    expect(early.headers["content-type"]).toMatch(/application\/json/);
    expect(early.body).toEqual({ error: expect.stringContaining("après la validation du comité") as unknown });
    expect(published.status).toBe(200);
  });

  it("proof.json — an unknown id, whatever the client accepts — 404 in JSON with a French reason", async () => {
    const { agent } = await anonymous();
    const response = await agent.get("/lottery/draws/nope/proof.json").set("Accept", "text/html");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: "Aucun tirage ne porte cet identifiant." });
  });

  it("list.json — after the draw, before the validation — publishes the seed and no outcome", async () => {
    const { quota, as } = await stratum(1, 3);
    await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ _csrf: as.csrf });
    const freeze = await testDb.lotteryFreeze.findFirstOrThrow({ where: { cohortId: quota.cohortId } });
    const { agent } = await anonymous();
    const beforeDraw = (await agent.get(`/lottery/freezes/${freeze.id}/list.json`)).body as Record<string, unknown>;

    await as.agent
      .post(`/lottery/strata/${quota.id}/draw`)
      .type("form")
      .send({ seed: "graine-publique-7", seedIsPublic: "on", _csrf: as.csrf });
    const afterDraw = await agent.get(`/lottery/freezes/${freeze.id}/list.json`);

    expect(beforeDraw.seed).toBeNull();
    expect(afterDraw.status).toBe(200);
    expect((afterDraw.body as Record<string, unknown>).seed).toBe("graine-publique-7");
    expect(Object.keys(afterDraw.body as object).sort()).toEqual(["cohort", "frozenAt", "listDigest", "refs", "seed", "stratum"]);
    expect(afterDraw.text).not.toMatch(/SELECTED|WAITLISTED|rank/);
  });

  it("public pages — before the validation — reveal no outcome: the draw page asks for a sign-in, the proof is 404", async () => {
    const { quota, as } = await stratum(1, 3);
    const drawId = await freezeAndDraw(as, quota.id);
    const { agent } = await anonymous();
    const page = await agent.get(`/lottery/draws/${drawId}`);
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe("/login");
    expect((await agent.get(`/lottery/draws/${drawId}/proof.json`)).status).toBe(404);
  });

  it("draw page — before the validation — links the frozen list, not the proof; after it — links the proof", async () => {
    const { quota, as } = await stratum(1, 3);
    const drawId = await freezeAndDraw(as, quota.id);
    const before = await as.agent.get(`/lottery/draws/${drawId}`);
    await validate(as, drawId);
    const after = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(before.text).not.toContain(`/lottery/draws/${drawId}/proof.json`);
    expect(before.text).toContain("sera publiée après la validation du comité");
    expect(before.text).toMatch(/\/lottery\/freezes\/[^/]+\/list\.json/);
    expect(after.text).toContain(`/lottery/draws/${drawId}/proof.json`);
  });
});

describe("freezing a list asks for confirmation", () => {
  it("freeze confirmation page — as the coordinator — names the cohort, the Mission Locale, the count and what it closes; writes nothing", async () => {
    const { quota, cohort, missionLocale, as } = await stratum(2, 3);
    const stratumPage = await as.agent.get(`/lottery/strata/${quota.id}`);

    const page = await as.agent.get(`/lottery/strata/${quota.id}/freeze`);

    expect(stratumPage.text).toContain(`href="/lottery/strata/${quota.id}/freeze"`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(cohort.name);
    expect(page.text).toContain(missionLocale.name);
    expect(page.text).toContain('data-eligible-count="3"');
    expect(page.text).toContain("ne pourra plus être ajoutée ni modifiée");
    expect(page.text).toContain(`action="/lottery/strata/${quota.id}/freeze"`);
    expect(await testDb.lotteryFreeze.count({ where: { cohortId: quota.cohortId } })).toBe(0);
  });

  it("freeze — confirmed from that page — 303 and the list is frozen; the page then sends back to the stratum", async () => {
    const { quota, as } = await stratum(2, 3);
    const page = await as.agent.get(`/lottery/strata/${quota.id}/freeze`);

    const confirmed = await as.agent
      .post(`/lottery/strata/${quota.id}/freeze`)
      .type("form")
      .send({ _csrf: csrfFrom(page.text) });
    const again = await as.agent.get(`/lottery/strata/${quota.id}/freeze`);

    expect(confirmed.status).toBe(303);
    expect(await testDb.lotteryFreeze.count({ where: { cohortId: quota.cohortId } })).toBe(1);
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(`/lottery/strata/${quota.id}`);
  });

  it("freeze confirmation page — as a counsellor — 403; a made-up stratum, as the coordinator — 404", async () => {
    const { quota, missionLocale, as } = await stratum(2, 1);
    const referent = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    expect((await referent.agent.get(`/lottery/strata/${quota.id}/freeze`)).status).toBe(403);
    expect((await as.agent.get("/lottery/strata/nope/freeze")).status).toBe(404);
  });
});

describe("who sees a draw", () => {
  it("draw page — as a counsellor of that Mission Locale — 200 with names; of another one — 404", async () => {
    const cohort = await makeCohort();
    const home = await makeMissionLocale();
    const away = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId, applicants } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: home.id,
      adminId: admin.id,
      applicants: 2,
      seats: 1,
    });
    const own = await signedIn((await makeUser("REFERENT", { missionLocaleId: home.id })).email, PASSWORD);
    const other = await signedIn((await makeUser("REFERENT", { missionLocaleId: away.id })).email, PASSWORD);
    const page = await own.agent.get(`/lottery/draws/${drawId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(applicants[0]!.youth.lastName);
    expect((await other.agent.get(`/lottery/draws/${drawId}`)).status).toBe(404);
  });

  it("draw page — as the research team — 200 with refs and no names; as a school or a youth — 403", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId, applicants } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 2,
      seats: 1,
    });
    const evaluator = await signedIn((await makeUser("EVALUATOR")).email, PASSWORD);
    const page = await evaluator.agent.get(`/lottery/draws/${drawId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(applicants[0]!.youth.ref);
    expect(page.text).not.toContain(applicants[0]!.youth.lastName);
    const school = await makeSchool(missionLocale.id);
    const schoolUser = await signedIn((await makeUser("SCHOOL", { drivingSchoolId: school.id })).email, PASSWORD);
    const youthUser = await signedIn((await makeUser("YOUTH", { youthId: applicants[0]!.youth.id })).email, PASSWORD);
    expect((await schoolUser.agent.get(`/lottery/draws/${drawId}`)).status).toBe(403);
    expect((await youthUser.agent.get(`/lottery/draws/${drawId}`)).status).toBe(403);
  });

  it("draw page — a made-up id, as the coordinator — 404", async () => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    expect((await as.agent.get("/lottery/draws/does-not-exist")).status).toBe(404);
    expect((await as.agent.get("/lottery/strata/does-not-exist")).status).toBe(404);
  });
});

describe("committee validation", () => {
  it("validation — recorded once with who, when and the note; a second one — 422", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({ cohortId: cohort.id, missionLocaleId: missionLocale.id, adminId: admin.id });
    const as = await signedIn(admin.email, PASSWORD);
    const empty = await as.agent.post(`/lottery/draws/${drawId}/validation`).type("form").send({ note: "", _csrf: as.csrf });
    expect(empty.status).toBe(422);
    const ok = await as.agent
      .post(`/lottery/draws/${drawId}/validation`)
      .type("form")
      .send({ note: "Comité de pilotage du 20 septembre", _csrf: as.csrf });
    expect(ok.status).toBe(303);
    const again = await as.agent.post(`/lottery/draws/${drawId}/validation`).type("form").send({ note: "Autre avis", _csrf: as.csrf });
    expect(again.status).toBe(422);
    const draw = await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } });
    expect(draw.validatedById).toBe(admin.id);
    expect(draw.validationNote).toBe("Comité de pilotage du 20 septembre");
    expect(draw.validatedAt).toBeInstanceOf(Date);
    const page = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(page.text).toContain("Comité de pilotage du 20 septembre");
  });

  it("validation — as a counsellor of that Mission Locale — 403", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({ cohortId: cohort.id, missionLocaleId: missionLocale.id, adminId: admin.id });
    const as = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    expect(
      (await as.agent.post(`/lottery/draws/${drawId}/validation`).type("form").send({ note: "ok pour moi", _csrf: as.csrf })).status,
    ).toBe(403);
  });
});

describe("withdrawals and promotion", () => {
  it("withdrawals — of two selected — promote the waitlisted in rank order, skipping those who left; entries keep their outcome", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 6,
      seats: 2,
    });
    const byRank = await testDb.lotteryEntry.findMany({ where: { drawId }, orderBy: { rank: "asc" } });
    const entriesBefore = byRank.map(({ ref, key, rank, outcome }) => ({ ref, key, rank, outcome }));
    // The first waitlisted gave up before any place was free: never promoted.
    await testDb.application.update({ where: { id: byRank[2]!.applicationId }, data: { status: "WITHDRAWN" } });
    const as = await signedIn(admin.email, PASSWORD);

    const first = await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: byRank[1]!.applicationId, reason: "A trouvé un emploi à Tours", _csrf: as.csrf });
    const second = await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: byRank[0]!.applicationId, reason: "Déménagement", _csrf: as.csrf });

    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    const status = async (i: number) => (await testDb.application.findUniqueOrThrow({ where: { id: byRank[i]!.applicationId } })).status;
    expect([await status(0), await status(1), await status(2), await status(3), await status(4), await status(5)]).toEqual([
      "WITHDRAWN",
      "WITHDRAWN",
      "WITHDRAWN",
      "SELECTED",
      "SELECTED",
      "WAITLISTED",
    ]);
    const replacements = await testDb.lotteryReplacement.findMany({ where: { drawId }, orderBy: { at: "asc" } });
    expect(replacements.map((r) => [r.withdrawnApplicationId, r.promotedApplicationId])).toEqual([
      [byRank[1]!.applicationId, byRank[3]!.applicationId],
      [byRank[0]!.applicationId, byRank[4]!.applicationId],
    ]);
    expect(replacements[0]!.byId).toBe(admin.id);
    expect(replacements[0]!.reason).toContain("A trouvé un emploi à Tours");
    const entriesAfter = (await testDb.lotteryEntry.findMany({ where: { drawId }, orderBy: { rank: "asc" } })).map(
      ({ ref, key, rank, outcome }) => ({ ref, key, rank, outcome }),
    );
    expect(entriesAfter).toEqual(entriesBefore);
    const page = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(page.text).toContain(`<strong>${byRank[3]!.ref}</strong> remplace <strong>${byRank[1]!.ref}</strong>`);
    expect(page.text).toContain("vérifié");
    expect(await testDb.auditEvent.count({ where: { action: "LOTTERY_PROMOTED", entityId: { in: replacements.map((r) => r.id) } } })).toBe(
      2,
    );
  });

  it("a withdrawal — of a waitlisted applicant or one outside the draw — is refused (422)", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 3,
      seats: 1,
    });
    const waitlisted = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 2 } });
    const outsider = await makeApplicant(missionLocale.id, cohort.id);
    const as = await signedIn(admin.email, PASSWORD);
    const a = await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: waitlisted.applicationId, reason: "Essai", _csrf: as.csrf });
    const b = await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: outsider.application.id, reason: "Essai", _csrf: as.csrf });
    expect(a.status).toBe(422);
    expect(b.status).toBe(422);
    expect(await testDb.lotteryReplacement.count({ where: { drawId } })).toBe(0);
  });

  it("a withdrawal — as a counsellor or the research team — is 403", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 3,
      seats: 1,
    });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 } });
    for (const user of [await makeUser("REFERENT", { missionLocaleId: missionLocale.id }), await makeUser("EVALUATOR")]) {
      const as = await signedIn(user.email, PASSWORD);
      const response = await as.agent
        .post(`/lottery/draws/${drawId}/withdrawals`)
        .type("form")
        .send({ applicationId: first.applicationId, reason: "Essai", _csrf: as.csrf });
      expect(response.status).toBe(403);
    }
  });
});

describe("after the draw: information meeting and commitments", () => {
  it("info meeting — before the committee's validation — 422; after — invites every selected youth", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 3,
      seats: 2,
    });
    const referent = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    const day = parisIsoDay(new Date(Date.now() + 10 * 86_400_000)); // after the draw, within six months
    const body = { startsAt: `${day}T14:00`, place: "Salle Jeanne-d'Arc", _csrf: referent.csrf };
    expect((await referent.agent.post(`/lottery/draws/${drawId}/info-meeting`).type("form").send(body)).status).toBe(422);
    await testDb.lotteryDraw.update({ where: { id: drawId }, data: { validatedAt: new Date(), validatedById: admin.id } });

    const response = await referent.agent.post(`/lottery/draws/${drawId}/info-meeting`).type("form").send(body);

    expect(response.status).toBe(303);
    const meeting = await testDb.infoMeeting.findFirstOrThrow({ where: { cohortId: cohort.id, missionLocaleId: missionLocale.id } });
    expect(meeting.startsAt.toISOString()).toBe(parisDateTime(day, "14:00").toISOString());
    expect(await testDb.application.count({ where: { infoMeetingId: meeting.id } })).toBe(2);
    const bad = await referent.agent
      .post(`/lottery/draws/${drawId}/info-meeting`)
      .type("form")
      .send({ startsAt: "demain", place: "", _csrf: referent.csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("Saisissez la date et l&#39;heure");
  });

  it("the selected youth — on their account — sees the invitation and confirms both commitments with one button", async () => {
    const { drawId, cohort, missionLocale } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 }, include: { application: true } });
    const meeting = await testDb.infoMeeting.create({
      data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, startsAt: new Date(Date.now() - 3_600_000), place: "Salle du Loing" },
    });
    await testDb.application.update({ where: { id: first.applicationId }, data: { infoMeetingId: meeting.id } });
    const youth = await signedIn((await makeUser("YOUTH", { youthId: first.application.youthId })).email, PASSWORD);

    const me = await youth.agent.get("/me");
    expect(me.text).toContain("Vous êtes retenu·e.");
    expect(me.text).toContain("Salle du Loing");
    expect(me.text).toContain("Confirmer mes engagements");
    const page = await youth.agent.get("/me/commitments");
    expect(page.text).toContain("vous êtes retenu·e");
    expect(page.text).toContain("Salle du Loing");
    const confirmed = await youth.agent.post("/me/commitments").type("form").send({ _csrf: youth.csrf });

    expect(confirmed.status).toBe(303);
    const application = await testDb.application.findUniqueOrThrow({ where: { id: first.applicationId } });
    expect(application.attendanceCommitmentAt).toBeInstanceOf(Date);
    expect(application.contributionCommitmentAt).toBeInstanceOf(Date);
    const again = await youth.agent.post("/me/commitments").type("form").send({ _csrf: youth.csrf });
    expect(again.status).toBe(422);
  });

  it("the youth's page — before the committee's validation — does not reveal the outcome", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 2,
      seats: 1,
    });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 }, include: { application: true } });
    const youth = await signedIn((await makeUser("YOUTH", { youthId: first.application.youthId })).email, PASSWORD);
    const page = await youth.agent.get("/me/commitments");
    expect(page.text).toContain("après la décision du comité");
    expect(page.text).not.toContain("retenu·e");
    const me = await youth.agent.get("/me");
    expect(me.text).toContain("Le résultat du tirage arrive bientôt.");
    expect(me.text).not.toContain("retenu·e");
    const file = await youth.agent.get(`/youths/${first.application.youthId}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain("Résultat du tirage à venir");
    expect(file.text).not.toContain("Retenu·e");
    expect((await youth.agent.post("/me/commitments").type("form").send({ _csrf: youth.csrf })).status).toBe(422);
  });

  it("commitments — recorded by the counsellor — keep the timestamp and who recorded them", async () => {
    const { drawId, cohort, missionLocale } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 } });
    const second = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 2 } });
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const as = await signedIn(referent.email, PASSWORD);
    const tooEarly = await as.agent
      .post(`/applications/${first.applicationId}/commitments`)
      .type("form")
      .send({ attendance: "on", contribution: "on", _csrf: as.csrf });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.text).toContain("réunion d&#39;information ou après");
    const meeting = await testDb.infoMeeting.create({
      data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, startsAt: new Date(Date.now() - 3_600_000), place: "Salle" },
    });
    await testDb.application.update({ where: { id: first.applicationId }, data: { infoMeetingId: meeting.id } });

    const response = await as.agent
      .post(`/applications/${first.applicationId}/commitments`)
      .type("form")
      .send({ attendance: "on", contribution: "on", _csrf: as.csrf });
    const waitlisted = await as.agent
      .post(`/applications/${second.applicationId}/commitments`)
      .type("form")
      .send({ attendance: "on", _csrf: as.csrf });

    expect(response.status).toBe(303);
    const application = await testDb.application.findUniqueOrThrow({ where: { id: first.applicationId } });
    expect(application.commitmentRecordedById).toBe(referent.id);
    expect(application.attendanceCommitmentAt).toBeInstanceOf(Date);
    expect(waitlisted.status).toBe(422);
    expect(waitlisted.text).toContain("ne concernent que les jeunes retenu");
  });

  it("commitments — no box ticked — 422 with the message by the first box, nothing recorded", async () => {
    const { drawId, missionLocale } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 } });
    const as = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);

    const response = await as.agent.post(`/applications/${first.applicationId}/commitments`).type("form").send({ _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain('href="#attendance">Cochez au moins un engagement à enregistrer.');
    const application = await testDb.application.findUniqueOrThrow({ where: { id: first.applicationId } });
    expect(application.attendanceCommitmentAt).toBeNull();
  });

  it("freeze — an unexpected field — 422 « Demande incorrecte. », nothing frozen", async () => {
    const { quota, cohort, missionLocale, as } = await stratum();

    const response = await as.agent.post(`/lottery/strata/${quota.id}/freeze`).type("form").send({ extra: "1", _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Demande incorrecte.");
    expect(await testDb.lotteryFreeze.count({ where: { cohortId: cohort.id, missionLocaleId: missionLocale.id } })).toBe(0);
  });

  it("the youth's commitments — an unexpected field — 422 « Demande incorrecte. », nothing recorded", async () => {
    const { drawId } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 }, include: { application: true } });
    const youth = await signedIn((await makeUser("YOUTH", { youthId: first.application.youthId })).email, PASSWORD);

    const response = await youth.agent.post("/me/commitments").type("form").send({ extra: "1", _csrf: youth.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Demande incorrecte.");
    const application = await testDb.application.findUniqueOrThrow({ where: { id: first.applicationId } });
    expect(application.attendanceCommitmentAt).toBeNull();
  });

  it("the draw page — after validation — links each selected youth without an account to the account letter", async () => {
    const { drawId, missionLocale } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const first = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank: 1 } });
    const as = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    const page = await as.agent.get(`/lottery/draws/${drawId}`);
    expect(page.text).toContain(`/accounts/new?youthRef=${first.ref}`);
    expect(page.text).toContain("Créer le compte et le courrier");
  });
});

describe("lottery notifications", () => {
  /** An account for the youth behind the entry of that rank. */
  async function accountOf(drawId: string, rank: number) {
    const entry = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId, rank }, include: { application: true } });
    const user = await makeUser("YOUTH", { youthId: entry.application.youthId });
    return { ...user, youthId: entry.application.youthId, applicationId: entry.applicationId };
  }
  const noticesOf = (userId: string) => testDb.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

  it("validation — each youth with an account learns the outcome (selected, waiting); no one else is told", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 3,
      seats: 1,
    });
    const selected = await accountOf(drawId, 1);
    const waiting = await accountOf(drawId, 2);
    const before = await testDb.notification.count();
    expect(await noticesOf(selected.id)).toEqual([]);

    await validate(await signedIn(admin.email, PASSWORD), drawId);

    const [toSelected] = await noticesOf(selected.id);
    expect(toSelected!.body).toContain(`vous êtes retenu·e pour le programme AUTOnomie (${cohort.name})`);
    const [toWaiting] = await noticesOf(waiting.id);
    expect(toWaiting!.body).toContain("liste d'attente");
    expect(await testDb.notification.count()).toBe(before + 2);
  });

  it("info meeting — set, then moved — the selected youths with an account are invited, then told of the move; the waiting ones are not", async () => {
    const { drawId, missionLocale } = await makeValidatedDraw({ applicants: 3, seats: 2 });
    const selected = await accountOf(drawId, 1);
    const waiting = await accountOf(drawId, 3);
    const referent = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    const day = parisIsoDay(new Date(Date.now() + 10 * 86_400_000));
    const send = (time: string) =>
      referent.agent
        .post(`/lottery/draws/${drawId}/info-meeting`)
        .type("form")
        .send({ startsAt: `${day}T${time}`, place: "Salle Jeanne-d'Arc", _csrf: referent.csrf });

    expect((await send("14:00")).status).toBe(303);
    expect((await send("14:00")).status).toBe(303);
    expect((await send("09:30")).status).toBe(303);

    const notices = await noticesOf(selected.id);
    expect(notices.map((n) => n.title)).toEqual(["Réunion d'information", "Réunion d'information déplacée"]);
    expect(notices[0]!.body).toContain(`le ${formatMoment(parisDateTime(day, "14:00"))}, Salle Jeanne-d'Arc`);
    expect(notices[1]!.body).toContain(`le ${formatMoment(parisDateTime(day, "09:30"))}`);
    expect(await noticesOf(waiting.id)).toEqual([]);
  });

  it("promotion — after validation — the promoted youth and their counsellor are told; the one who withdrew is not", async () => {
    const { drawId, missionLocale, admin } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const leaving = await accountOf(drawId, 1);
    const promoted = await accountOf(drawId, 2);
    const counsellor = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    await testDb.youth.update({ where: { id: promoted.youthId }, data: { referentId: counsellor.id } });
    const as = await signedIn(admin.email, PASSWORD);

    const response = await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: leaving.applicationId, reason: "Déménagement", _csrf: as.csrf });

    expect(response.status).toBe(303);
    const [toYouth] = await noticesOf(promoted.id);
    expect(toYouth).toMatchObject({ title: "Une place s'est libérée", link: "/me" });
    const [toCounsellor] = await noticesOf(counsellor.id);
    expect(toCounsellor).toMatchObject({ link: `/youths/${promoted.youthId}` });
    expect(toCounsellor!.body).toContain("liste d'attente");
    expect(await noticesOf(leaving.id)).toEqual([]);
  });

  it("promotion — before validation — the counsellor is told, the youth not yet", async () => {
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 2,
      seats: 1,
    });
    const leaving = await accountOf(drawId, 1);
    const promoted = await accountOf(drawId, 2);
    const counsellor = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    await testDb.youth.update({ where: { id: promoted.youthId }, data: { referentId: counsellor.id } });
    const as = await signedIn(admin.email, PASSWORD);

    await as.agent
      .post(`/lottery/draws/${drawId}/withdrawals`)
      .type("form")
      .send({ applicationId: leaving.applicationId, reason: "Déménagement", _csrf: as.csrf });

    expect(await noticesOf(counsellor.id)).toHaveLength(1);
    expect(await noticesOf(promoted.id)).toEqual([]);
  });
});
