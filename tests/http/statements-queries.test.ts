// The statements list and the budget read the whole programme in a fixed number of statements:
// the count is the same for one school and a few youths as for many more of each.
import { describe, expect, it } from "vitest";
import { statementCounter } from "../helpers/statement-counter.ts";
import type { Actor } from "../../src/auth/policy.ts";
import { budget, listStatements } from "../../src/features/statements/service.ts";
import { monthBounds, monthOf } from "../../src/domain/months.ts";
import { makeEnrolment, makeSchool, makeWorld, makeYouth, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";

const LAST_MONTH = monthOf(new Date(), -1);

const statementsRun = statementCounter();

const adminOf = (id: string): Actor => ({ id, role: "ADMIN", missionLocaleId: null, drivingSchoolId: null, youthId: null });

/** A school with `youths` enrolled youths, each with a lesson last month and a payment. */
async function busySchool(missionLocaleId: string, cohortId: string, youths: number) {
  const school = await makeSchool(missionLocaleId);
  for (let index = 0; index < youths; index += 1) {
    const youth = await makeYouth(missionLocaleId);
    const enrolment = await makeEnrolment(youth.id, school.id, cohortId);
    await makeLesson(enrolment.id, { startsAt: new Date(monthBounds(LAST_MONTH).start.getTime() + 36 * 3_600_000), attendance: "PRESENT" });
    await testDb.payment.create({ data: { enrolmentId: enrolment.id, payer: "YOUTH", amountCents: 1_000, paidOn: new Date() } });
  }
}

describe("statements and budget — statements run", () => {
  it("the statements list and the budget — more schools, youths, lessons and payments — the same number of statements", async () => {
    const world = await makeWorld();
    const admin = adminOf(world.admin.id);
    await listStatements(admin, LAST_MONTH);
    await budget(admin);

    const small = [await statementsRun(() => listStatements(admin, LAST_MONTH)), await statementsRun(() => budget(admin))];
    for (let school = 0; school < 4; school += 1) await busySchool(world.home.missionLocale.id, world.cohort.id, 3);
    const large = [await statementsRun(() => listStatements(admin, LAST_MONTH)), await statementsRun(() => budget(admin))];

    expect(large).toEqual(small);
    expect(small[0]).toBeGreaterThanOrEqual(3);
    expect(small[0]).toBeLessThanOrEqual(4);
    expect(small[1]).toBeGreaterThanOrEqual(6);
    expect(small[1]).toBeLessThanOrEqual(7);
  });
});
