import { describe, expect, it } from "vitest";
import { signedIn, withReferencesDecoded } from "../helpers/app.ts";
import { makeSchool, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";
import { monthBounds, monthOf } from "../../src/domain/months.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

const LAST_MONTH = monthOf(new Date(), -1);
const THIS_MONTH = monthOf(new Date());
const DAY = 86_400_000;
/** An instant `days` days and 10 hours into last month (Paris). */
const lastMonth = (days: number) => new Date(monthBounds(LAST_MONTH).start.getTime() + days * DAY + 10 * 3_600_000);

/** The page's text as a person reads it: apostrophes unescaped, French no-break spaces as spaces. */
const readable = (html: string) =>
  withReferencesDecoded(html)
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ");

async function as(email: string) {
  const { agent, csrf } = await signedIn(email, PASSWORD);
  const validate = (schoolId: string, month = LAST_MONTH) =>
    agent.post(`/statements/${schoolId}/validate`).type("form").send({ month, _csrf: csrf });
  const setRate = (schoolId: string, body: Record<string, string>) =>
    agent
      .post(`/territories/schools/${schoolId}/rates`)
      .type("form")
      .send({ ...body, _csrf: csrf });
  return { agent, validate, setRate };
}

/**
 * The home school's month: 45,50 €/h, 90 € an exam, 60 € the assessment in the cohort. Lessons
 * last month: 60 min present, 60 min present, 90 min late (3 h 30 → 159,25 €); an absence, a
 * cancellation, an ASSESSMENT lesson and a lesson this month are not billed by the hour; one
 * practical exam (90 €) and the initial assessment (60 €) last month. Total 309,25 €.
 */
async function billedMonth(world: World) {
  const { enrolment, school } = world.home;
  await testDb.schoolRate.create({
    data: { drivingSchoolId: school.id, cohortId: world.cohort.id, hourlyRateCents: 4_550, examFeeCents: 9_000, assessmentCents: 6_000 },
  });
  await testDb.enrolment.update({ where: { id: enrolment.id }, data: { enrolledAt: lastMonth(0), initialAssessmentAt: lastMonth(1) } });
  await makeLesson(enrolment.id, { startsAt: lastMonth(2), durationMin: 60, attendance: "PRESENT" });
  await makeLesson(enrolment.id, { startsAt: lastMonth(3), durationMin: 60, attendance: "PRESENT" });
  await makeLesson(enrolment.id, { startsAt: lastMonth(4), durationMin: 90, attendance: "LATE" });
  await makeLesson(enrolment.id, { startsAt: lastMonth(5), durationMin: 60, attendance: "ABSENT_UNEXCUSED" });
  await makeLesson(enrolment.id, { startsAt: lastMonth(6), durationMin: 60, attendance: "CANCELLED" });
  await makeLesson(enrolment.id, { startsAt: lastMonth(1), durationMin: 60, attendance: "PRESENT", kind: "ASSESSMENT" });
  await makeLesson(enrolment.id, { startsAt: monthBounds(THIS_MONTH).start, durationMin: 60, attendance: "PRESENT" });
  await testDb.exam.create({ data: { enrolmentId: enrolment.id, kind: "PRACTICAL", date: lastMonth(7), result: "FAILED" } });
}

const aidPayments = (enrolmentId: string) =>
  testDb.payment.findMany({ where: { enrolmentId, payer: "PROGRAMME" }, select: { amountCents: true, label: true } });

describe("monthly statements", () => {
  it("statement — the school reads its draft — lessons, exam and assessment at its rates, 309,25 €, audited", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    const school = await as(world.home.schoolUser.email);

    const response = await school.agent.get(`/statements/${world.home.school.id}?month=${LAST_MONTH}`);

    expect(response.status).toBe(200);
    const page = readable(response.text);
    expect(page).toContain(world.home.youth.lastName);
    expect(page).toContain("Brouillon");
    expect(page).toContain("3 h 30");
    expect(page).toContain("159,25 €");
    expect(page).toContain("309,25 €");
    expect(page).not.toContain("Valider le relevé");
    const listed = await testDb.auditEvent.findMany({ where: { actorId: world.home.schoolUser.id, action: "LIST_VIEWED" } });
    expect(listed.map((event) => JSON.parse(event.details!) as { page: string }).map((details) => details.page)).toContain(
      "/statements/:id",
    );
  });

  it("statement — another school's — 404 to a school; every other role but the coordinator 403", async () => {
    const world = await makeWorld();
    const school = await as(world.home.schoolUser.email);
    expect((await school.agent.get(`/statements/${world.away.school.id}`)).status).toBe(404);
    expect((await school.agent.get(`/statements/${world.away.school.id}/releve.csv`)).status).toBe(404);
    for (const email of [world.home.referent.email, world.home.youthUser.email, world.evaluator.email]) {
      const other = await as(email);
      expect((await other.agent.get(`/statements/${world.home.school.id}`)).status).toBe(403);
      expect((await other.agent.get("/statements")).status).toBe(403);
      expect((await other.validate(world.home.school.id)).status).toBe(403);
    }
    expect((await school.validate(world.home.school.id)).status).toBe(403);
    expect(await testDb.schoolStatement.count({ where: { drivingSchoolId: world.home.school.id } })).toBe(0);
  });

  it("statement — the school's list shows its own school only; the coordinator's every school with its draft total", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    const school = await as(world.home.schoolUser.email);
    const mine = readable((await school.agent.get(`/statements?month=${LAST_MONTH}`)).text);
    expect(mine).toContain(world.home.school.name);
    expect(mine).not.toContain(world.away.school.name);
    const admin = await as(world.admin.email);
    const all = readable((await admin.agent.get(`/statements?month=${LAST_MONTH}`)).text);
    expect(all).toContain(world.away.school.name);
    expect(all).toContain("309,25 €");
  });

  it("statement — the coordinator validates — frozen, the covered part recorded once as aid, audited, the school told", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    const admin = await as(world.admin.email);

    const response = await admin.validate(world.home.school.id);

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/statements/${world.home.school.id}?month=${LAST_MONTH}`);
    const statement = await testDb.schoolStatement.findUniqueOrThrow({
      where: { drivingSchoolId_month: { drivingSchoolId: world.home.school.id, month: LAST_MONTH } },
      include: { lines: true },
    });
    expect(statement).toMatchObject({ status: "VALIDATED", totalCents: 30_925, coveredCents: 30_925, validatedById: world.admin.id });
    expect(statement.lines).toHaveLength(1);
    expect(statement.lines[0]).toMatchObject({ lessonMinutes: 210, lessonCents: 15_925, exams: 1, assessments: 1, hourlyRateCents: 4_550 });
    const payments = await aidPayments(world.home.enrolment.id);
    expect(payments.map((p) => p.amountCents)).toEqual([30_925]);
    expect(statement.lines[0]?.paymentId).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "STATEMENT_VALIDATED", entityId: statement.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "PAYMENT_RECORDED", entityId: statement.lines[0]!.paymentId! } })).toBe(1);
    expect(await testDb.notification.count({ where: { userId: world.home.schoolUser.id } })).toBe(1);

    // A lesson recorded afterwards does not change the frozen statement; a second validation records nothing.
    await makeLesson(world.home.enrolment.id, { startsAt: lastMonth(8), durationMin: 60, attendance: "PRESENT" });
    const again = await admin.validate(world.home.school.id);
    expect(again.status).toBe(303);
    expect((await aidPayments(world.home.enrolment.id)).map((p) => p.amountCents)).toEqual([30_925]);
    const page = readable((await admin.agent.get(`/statements/${world.home.school.id}?month=${LAST_MONTH}`)).text);
    expect(page).toContain("Validé le");
    expect(page).toContain("309,25 €");
    expect(page).not.toContain("Valider le relevé de");
  });

  it("statement — two validations sent at once — one statement, the payments recorded once", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    const admin = await as(world.admin.email);

    const responses = await Promise.all([admin.validate(world.home.school.id), admin.validate(world.home.school.id)]);

    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await testDb.schoolStatement.count({ where: { drivingSchoolId: world.home.school.id } })).toBe(1);
    expect((await aidPayments(world.home.enrolment.id)).map((p) => p.amountCents)).toEqual([30_925]);
  });

  it("statement — 900 € of aid already paid — 100 € covered, 209,25 € shown as not covered, only 100 € recorded", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    await testDb.payment.create({
      data: { enrolmentId: world.home.enrolment.id, payer: "PROGRAMME", amountCents: 90_000, paidOn: lastMonth(0) },
    });
    const admin = await as(world.admin.email);

    const page = readable((await admin.agent.get(`/statements/${world.home.school.id}?month=${LAST_MONTH}`)).text);
    expect(page).toContain("209,25 € (non couvert)");

    expect((await admin.validate(world.home.school.id)).status).toBe(303);
    expect((await aidPayments(world.home.enrolment.id)).map((p) => p.amountCents).sort((a, b) => a - b)).toEqual([10_000, 90_000]);
    const line = await testDb.schoolStatementLine.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } });
    expect(line).toMatchObject({ totalCents: 30_925, coveredCents: 10_000 });
  });

  it("statement — validating the month in progress, an empty month, a month that is not one, lessons without a rate — 422 with the reason, nothing written", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const current = await admin.validate(world.home.school.id, THIS_MONTH);
    expect(current.status).toBe(422);
    expect(readable(current.text)).toContain("n'est pas terminé");

    const empty = await admin.validate(world.home.school.id);
    expect(empty.status).toBe(422);
    expect(readable(empty.text)).toContain("il n'y a rien à valider");

    const wrong = await admin.validate(world.home.school.id, "2026-13");
    expect(wrong.status).toBe(422);
    expect(readable(wrong.text)).toContain("Choisissez un mois (exemple : 2026-11).");

    // A school without any rate, and lessons last month.
    const unrated = await makeSchool(world.home.missionLocale.id);
    await testDb.enrolment.update({ where: { id: world.away.enrolment.id }, data: { drivingSchoolId: unrated.id } });
    await makeLesson(world.away.enrolment.id, { startsAt: lastMonth(2), attendance: "PRESENT" });
    const missing = await admin.validate(unrated.id);
    expect(missing.status).toBe(422);
    expect(readable(missing.text)).toContain("Le tarif horaire de l'auto-école n'est pas renseigné pour la promotion");
    expect(await testDb.schoolStatement.count({ where: { drivingSchoolId: { in: [world.home.school.id, unrated.id] } } })).toBe(0);
    expect(await testDb.payment.count({ where: { enrolmentId: { in: [world.home.enrolment.id, world.away.enrolment.id] } } })).toBe(0);
  });

  it("statement — an unknown school — 404 to the coordinator", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    expect((await admin.agent.get("/statements/nope")).status).toBe(404);
    expect((await admin.validate("nope")).status).toBe(404);
  });

  it("statement CSV — BOM, ';' between cells, French decimals, a name that would be a formula neutralised", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    await testDb.youth.update({ where: { id: world.home.youth.id }, data: { lastName: "=HYPERLINK(evil)", firstName: "+Léa" } });
    const school = await as(world.home.schoolUser.email);

    const response = await school.agent.get(`/statements/${world.home.school.id}/releve.csv?month=${LAST_MONTH}`);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain(`releve-${LAST_MONTH}.csv`);
    expect(response.text.startsWith("\uFEFFNom;Prénom;")).toBe(true);
    const [, row] = response.text.slice(1).split("\r\n");
    const cells = row!.split(";");
    expect(cells.slice(0, 2)).toEqual(["'=HYPERLINK(evil)", "'+Léa"]);
    expect(cells).toContain("45,50");
    expect(cells).toContain("159,25");
    expect(cells.slice(-3)).toEqual(["309,25", "309,25", "0,00"]);
  });
});

describe("school rates", () => {
  it("rates — the coordinator sets a school's rates in a cohort, then changes them — one row, audited", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const first = await admin.setRate(world.home.school.id, {
      cohortId: world.cohort.id,
      hourlyRate: "45,50",
      examFee: "90",
      assessmentFee: "",
    });
    expect(first.status).toBe(303);
    const second = await admin.setRate(world.home.school.id, {
      cohortId: world.cohort.id,
      hourlyRate: "48",
      examFee: "95,00",
      assessmentFee: "60",
    });
    expect(second.status).toBe(303);

    const rates = await testDb.schoolRate.findMany({ where: { drivingSchoolId: world.home.school.id } });
    expect(rates).toMatchObject([{ cohortId: world.cohort.id, hourlyRateCents: 4_800, examFeeCents: 9_500, assessmentCents: 6_000 }]);
    expect(await testDb.auditEvent.count({ where: { action: "SCHOOL_RATE_SET", entityId: rates[0]!.id } })).toBe(2);
    const page = readable((await admin.agent.get(`/territories/schools/${world.home.school.id}/rates`)).text);
    expect(page).toContain("48,00 €");
  });

  it("rates — a bad amount, no cohort — 422, French messages by the fields, the typed values kept", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const response = await admin.setRate(world.home.school.id, { cohortId: "", hourlyRate: "45,555", examFee: "abc", assessmentFee: "" });

    expect(response.status).toBe(422);
    const page = readable(response.text);
    expect(page).toContain("Choisissez la promotion.");
    expect(page).toContain("Saisissez le tarif d'une heure en euros (exemple : 45,50).");
    expect(page).toContain("Saisissez un montant en euros (exemple : 90 ou 90,00), ou laissez vide.");
    expect(page).toContain('value="45,555"');
    expect(page).toContain('value="abc"');
    expect(await testDb.schoolRate.count({ where: { drivingSchoolId: world.home.school.id } })).toBe(0);
  });

  it("rates — a school, a counsellor — 403; an unknown school — 404", async () => {
    const world = await makeWorld();
    for (const email of [world.home.schoolUser.email, world.home.referent.email]) {
      const other = await as(email);
      expect((await other.agent.get(`/territories/schools/${world.home.school.id}/rates`)).status).toBe(403);
      expect((await other.setRate(world.home.school.id, { cohortId: world.cohort.id, hourlyRate: "40" })).status).toBe(403);
    }
    const admin = await as(world.admin.email);
    expect((await admin.agent.get("/territories/schools/nope/rates")).status).toBe(404);
  });
});

describe("budget", () => {
  it("budget — the coordinator: every Mission Locale; a counsellor: their own only; others 403", async () => {
    const world = await makeWorld();
    await billedMonth(world);
    const admin = await as(world.admin.email);
    expect((await admin.validate(world.home.school.id)).status).toBe(303);
    await testDb.payment.create({
      data: { enrolmentId: world.away.enrolment.id, payer: "YOUTH", amountCents: 5_000, paidOn: lastMonth(2) },
    });

    const all = readable((await admin.agent.get("/budget")).text);
    expect(all).toContain(world.home.missionLocale.name);
    expect(all).toContain(world.away.missionLocale.name);
    expect(all).toContain("2 000,00 €"); // two youths × 1 000 €
    expect(all).toContain("309,25 €"); // invoiced and paid
    expect(all).toContain("1 690,75 €"); // remaining
    expect(all).toContain("50,00 €"); // contribution received

    const referent = await as(world.home.referent.email);
    const own = readable((await referent.agent.get("/budget")).text);
    expect(own).toContain(world.home.missionLocale.name);
    expect(own).not.toContain(world.away.missionLocale.name);
    expect(own).not.toContain("2 000,00 €");
    expect(own).toContain("690,75 €");

    for (const email of [world.home.schoolUser.email, world.home.youthUser.email, world.evaluator.email]) {
      expect((await (await as(email)).agent.get("/budget")).status).toBe(403);
    }
  });

  it("budget — one cohort asked for — the others left out", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    const other = await testDb.cohort.create({ data: { name: `Autre promotion ${world.cohort.id}`, drawDate: new Date() } });
    const page = readable((await admin.agent.get(`/budget?cohort=${other.id}`)).text);
    expect(page).not.toContain(world.home.missionLocale.name);
    expect(page).toContain("Aucun engagement");
  });
});
