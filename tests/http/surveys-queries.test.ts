// The surveys list reads in a fixed number of statements whatever the number of surveys, and /me's
// notice costs one.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/auth/policy.ts";
import { dueOwnSurvey, listSurveys } from "../../src/features/surveys/service.ts";
import { makeWorld, makeYouth, testDb } from "../helpers/factories.ts";
import { dayFromToday } from "../helpers/recommendation-factories.ts";

// Every statement better-sqlite3 runs, Prisma's and the raw ones alike, goes through these.
const probe = new Database(":memory:");
const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
const originals = new Map<string, (...args: unknown[]) => unknown>();
let ran = 0;

beforeAll(() => {
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = statementPrototype[method]!;
    originals.set(method, original);
    statementPrototype[method] = function (this: unknown, ...args: unknown[]) {
      ran += 1;
      return original.apply(this, args);
    };
  }
});

afterAll(() => {
  for (const [method, original] of originals) statementPrototype[method] = original;
  probe.close();
});

async function statementsRun(work: () => Promise<unknown>): Promise<number> {
  ran = 0;
  await work();
  return ran;
}

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
