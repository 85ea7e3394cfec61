// The surveys list reads in a fixed number of statements whatever the number of surveys, and /me's
// notice costs one.
import { describe, expect, it } from "vitest";
import { statementCounter } from "../helpers/statement-counter.ts";
import type { Actor } from "../../src/auth/policy.ts";
import { dueOwnSurvey, listSurveys } from "../../src/features/surveys/service.ts";
import { makeWorld, makeYouth, testDb } from "../helpers/factories.ts";
import { dayFromToday } from "../helpers/recommendation-factories.ts";

const statementsRun = statementCounter();

describe("surveys — statements run", () => {
  it("the list — counsellor and coordinator, more youths and surveys — the same number of statements; /me's notice one", async () => {
    const world = await makeWorld();
    const admin: Actor = { id: world.admin.id, role: "ADMIN", missionLocaleId: null, drivingSchoolId: null, youthId: null };
    const referent: Actor = {
      id: world.home.referent.id,
      role: "REFERENT",
      missionLocaleId: world.home.missionLocale.id,
      drivingSchoolId: null,
      youthId: null,
    };
    const youth: Actor = {
      id: world.home.youthUser.id,
      role: "YOUTH",
      missionLocaleId: null,
      drivingSchoolId: null,
      youthId: world.home.youth.id,
    };
    const runs = async () => [
      await statementsRun(() => listSurveys(admin, {})),
      await statementsRun(() => listSurveys(referent, {})),
      await statementsRun(() => dueOwnSurvey(youth)),
    ];
    await runs();
    const small = await runs();
    for (let index = 0; index < 12; index += 1) {
      const other = await makeYouth(world.home.missionLocale.id, { referentId: world.home.referent.id });
      for (const [monthsAfter, days] of [
        [6, -60],
        [12, -5],
      ] as const) {
        await testDb.followUpSurvey.create({
          data: { youthId: other.id, cohortId: world.cohort.id, monthsAfter, dueOn: new Date(`${dayFromToday(days)}T00:00:00.000Z`) },
        });
      }
    }
    const large = await runs();
    expect(large).toEqual(small);
    expect(small[2]).toBe(1);
  });
});
