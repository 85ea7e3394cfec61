import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeCohort, makeMissionLocale, makeUser, PASSWORD, testDb } from "../helpers/factories.ts";

describe("cohorts and quotas", () => {
  it("a cohort — created by the coordinator with the default amounts — stores cents and the draw day at 10:00 Paris time", async () => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    const form = await as.agent.get("/cohorts/new");
    expect(form.text).toContain('value="1000"');
    expect(form.text).toContain('value="250"');

    const year = new Date().getUTCFullYear() + 1; // a draw date must be ahead, at most three years
    const response = await as.agent
      .post("/cohorts")
      .type("form")
      .send({ name: `AUTOnomie ${year}`, drawDate: `${year}-09-15`, aidCap: "1 000", contribution: "250", _csrf: as.csrf });

    expect(response.status).toBe(303);
    const cohort = await testDb.cohort.findUniqueOrThrow({ where: { name: `AUTOnomie ${year}` } });
    expect(cohort.aidCapCents).toBe(100_000);
    expect(cohort.contributionCents).toBe(25_000);
    expect(cohort.drawDate.toISOString()).toBe(`${year}-09-15T08:00:00.000Z`);
    expect(await testDb.auditEvent.count({ where: { entityId: cohort.id, action: "COHORT_CREATED" } })).toBe(1);
  });

  it("a cohort — with bad input or a taken name — comes back (422) with the messages and the values", async () => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    const bad = await as.agent
      .post("/cohorts")
      .type("form")
      .send({ name: "Promo X", drawDate: "demain", aidCap: "mille", contribution: "250", _csrf: as.csrf });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("Saisissez la date du tirage");
    expect(bad.text).toContain("Saisissez un montant en euros");
    expect(bad.text).toContain('value="Promo X"');
    const existing = await makeCohort();
    const taken = await as.agent
      .post("/cohorts")
      .type("form")
      .send({
        name: existing.name,
        drawDate: `${new Date().getUTCFullYear() + 1}-01-10`,
        aidCap: "1000",
        contribution: "250",
        _csrf: as.csrf,
      });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain("Une promotion porte déjà ce nom.");
  });

  it("seats — set per Mission Locale — are saved, changed, and refused once the list is frozen", async () => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const set = (seats: string) =>
      as.agent.post(`/cohorts/${cohort.id}/quotas`).type("form").send({ missionLocaleId: missionLocale.id, seats, _csrf: as.csrf });

    expect((await set("160")).status).toBe(303);
    expect((await set("150")).status).toBe(303);
    const refused = await set("-3");
    expect(refused.status).toBe(422);
    // The error summary links to the very input of that Mission Locale's row.
    expect(refused.text).toContain(`href="#seats-${missionLocale.code}"`);
    expect(refused.text).toContain(`id="seats-${missionLocale.code}"`);
    const quota = await testDb.cohortQuota.findFirstOrThrow({ where: { cohortId: cohort.id, missionLocaleId: missionLocale.id } });
    expect(quota.seats).toBe(150);
    await testDb.lotteryFreeze.create({ data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, listDigest: "0".repeat(64) } });
    const frozen = await set("10");
    expect(frozen.status).toBe(422);
    expect(frozen.text).toContain("ses places ne changent plus");
    expect((await testDb.cohortQuota.findUniqueOrThrow({ where: { id: quota.id } })).seats).toBe(150);
  });

  it("cohorts — as a counsellor or the research team — are 403; an unknown cohort — 404", async () => {
    const cohort = await makeCohort();
    for (const user of [await makeUser("REFERENT", { missionLocaleId: (await makeMissionLocale()).id }), await makeUser("EVALUATOR")]) {
      const { agent, csrf } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/cohorts")).status).toBe(403);
      expect(
        (await agent.post(`/cohorts/${cohort.id}/quotas`).type("form").send({ missionLocaleId: "x", seats: "3", _csrf: csrf })).status,
      ).toBe(403);
    }
    const admin = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    expect((await admin.agent.get("/cohorts/no-such-cohort")).status).toBe(404);
  });
});
