// The evaluation on the demo programme, end to end: a counsellor's survey entry moves the response
// rate the evaluation page shows, and the retention run five years ahead anonymises the files past
// their date while the evaluation's summary stays exactly the same.
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { testDb } from "../helpers/factories.ts";
import { seedDemo } from "../../scripts/demo/seed.ts";
import { runRetention } from "../../src/features/operations/service.ts";

const PASSWORD = "Autonomie-2026!";

beforeAll(async () => {
  await seedDemo(testDb, { today: new Date() });
}, 180_000);

/** The 12-month row of the page's response-rate table. */
function twelveMonthRow(html: string): string {
  const table = html.slice(html.indexOf('aria-label="Taux de réponse par groupe"'));
  const row = /<tr[^>]*><th scope="row">12 mois<\/th>(.*?)<\/tr>/s.exec(table);
  if (!row) throw new Error("no 12-month row");
  return row[1]!;
}

describe("evaluation on the demo", () => {
  it("a counsellor enters a 12-month survey — the evaluation page's 12-month response rate changes accordingly", async () => {
    const counsellor = await signedIn("referent.orleans@autonomie.test", PASSWORD);
    const referent = await testDb.user.findUniqueOrThrow({ where: { email: "referent.orleans@autonomie.test" } });
    // One answered 12-month survey of a youth this counsellor follows, reopened as if the call had not been made yet.
    const survey = await testDb.followUpSurvey.findFirstOrThrow({
      where: { monthsAfter: 12, status: "ANSWERED", dueOn: { lte: new Date() }, youth: { referentId: referent.id } },
    });
    await testDb.followUpSurvey.update({
      where: { id: survey.id },
      data: { status: "PENDING", answeredAt: null, employed: null, employmentStatus: null, hasLicence: null, licenceObtainedOn: null },
    });
    const evaluator = await signedIn("evaluation@autonomie.test", PASSWORD);
    const before = twelveMonthRow((await evaluator.agent.get("/evaluation")).text);

    const entry = await counsellor.agent
      .post(`/surveys/${survey.id}`)
      .type("form")
      .send({ employmentStatus: "CDI", hasLicence: "no", carAccess: "yes", _csrf: counsellor.csrf });
    const after = twelveMonthRow((await evaluator.agent.get("/evaluation")).text);

    expect(entry.status).toBe(303);
    expect(after).not.toBe(before);
  });

  it("retention five years ahead — every file past its date anonymised, /evaluation/summary.json unchanged", async () => {
    const evaluator = await signedIn("evaluation@autonomie.test", PASSWORD);
    const before = (await evaluator.agent.get("/evaluation/summary.json")).text;
    const now = new Date(Date.now() + 5 * 365.25 * 86_400_000);

    const summary = await runRetention({ dryRun: false, now, policy: { age: 28, yearsAfterSurvey: 2 } });
    const after = (await evaluator.agent.get("/evaluation/summary.json")).text;

    expect(summary.youthsAnonymised).toBeGreaterThan(0);
    expect(summary.youthsAnonymised).toBe(summary.youthsDue);
    const again = await runRetention({ dryRun: true, now, policy: { age: 28, yearsAfterSurvey: 2 } });
    expect(again.youthsDue).toBe(0);
    expect(after).toBe(before);
  });
});
