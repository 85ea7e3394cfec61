import { beforeAll, describe, expect, it } from "vitest";
import { compareSchools, SMALL_SCHOOL_THRESHOLD, type SchoolCounts } from "../../src/features/operations/comparison.ts";
import { signedIn, type Agent } from "../helpers/app.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";

const counts = (schoolId: string, youths: number): SchoolCounts => ({
  schoolId,
  name: schoolId,
  missionLocale: "ML",
  youths,
  enrolments: youths,
  dropped: 1,
  theoryPresented: youths,
  theoryPassed: youths - 1,
  practicalPresented: youths,
  practicalPassed: youths - 2,
});

describe("school comparison, computed", () => {
  it("comparison — harder cases, more hours but fewer than forecast — ranked above easy cases over forecast", () => {
    const rows = compareSchools(
      [counts("difficile", 12), counts("facile", 12), counts("petite", 3)],
      [
        { schoolId: "difficile", minutes: 44 * 60, forecastHours: 40 },
        { schoolId: "difficile", minutes: 50 * 60, forecastHours: 50 },
        { schoolId: "facile", minutes: 30 * 60, forecastHours: 20 },
        { schoolId: "petite", minutes: 10 * 60, forecastHours: 30 },
      ],
    );
    expect(rows.map((row) => [row.schoolId, row.rank, row.small])).toEqual([
      ["difficile", 1, false],
      ["facile", 2, false],
      ["petite", null, true],
    ]);
    expect(rows[0]).toMatchObject({ medianHoursToLicence: 47, hoursVsForecast: 1.05, licensed: 2, withForecast: 2 });
    expect(rows[0]!.dropout).toEqual({ count: 1, total: 12, rate: 1 / 12 });
    expect(rows[1]!.medianHoursToLicence).toBeLessThan(rows[0]!.medianHoursToLicence!);
    expect(SMALL_SCHOOL_THRESHOLD).toBe(10);
  });
});

describe("operations pages and exports", () => {
  let admin: Agent;
  let referent: Agent;
  let cohortId: string;
  let schoolName: string;
  const TRAP = '=HYPERLINK("http://x")';

  beforeAll(async () => {
    const missionLocale = await makeMissionLocale();
    const school = await makeSchool(missionLocale.id);
    schoolName = school.name;
    const cohort = await makeCohort();
    cohortId = cohort.id;
    const adminUser = await makeUser("ADMIN");
    const referentUser = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const youth = await makeYouth(missionLocale.id);
    await testDb.youth.update({ where: { id: youth.id }, data: { lastName: TRAP, firstName: "+Camille" } });
    const enrolment = await makeEnrolment(youth.id, school.id, cohort.id);
    await testDb.enrolment.update({ where: { id: enrolment.id }, data: { licenceObtainedOn: new Date("2026-10-01T00:00:00Z") } });
    // More lessons than one page (5 000): the export reads them in several pages.
    await testDb.lesson.createMany({
      data: Array.from({ length: 5003 }, (_, i) => ({
        enrolmentId: enrolment.id,
        drivingSchoolId: school.id,
        startsAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
        durationMin: 60,
        kind: "DRIVING" as const,
        attendance: "PRESENT" as const,
      })),
    });
    await testDb.payment.create({
      data: { enrolmentId: enrolment.id, payer: "YOUTH", amountCents: 2500, paidOn: new Date("2026-09-01T10:00:00Z"), label: "@SUM(A1)" },
    });
    await testDb.application.create({
      data: { youthId: youth.id, cohortId: cohort.id, status: "WITHDRAWN", withdrawalReason: "-2+3" },
    });
    await testDb.followUpSurvey.create({
      data: {
        youthId: youth.id,
        cohortId: cohort.id,
        monthsAfter: 6,
        dueOn: new Date("2027-01-01T00:00:00Z"),
        status: "ANSWERED",
        employed: true,
      },
    });
    admin = (await signedIn(adminUser.email, PASSWORD)).agent;
    referent = (await signedIn(referentUser.email, PASSWORD)).agent;
  });

  it("GET /schools/comparison — the coordinator — the table with counts, the small school flagged", async () => {
    const response = await admin.get(`/schools/comparison?cohort=${cohortId}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('class="table-wrap"');
    expect(response.text).toContain(schoolName);
    expect(response.text).toContain("effectif trop faible");
    expect(response.text).toContain("0 % (0 / 1)");
  });

  it("GET /schools/comparison.csv — the coordinator — a CSV with the school's hours, audited", async () => {
    const response = await admin.get(`/schools/comparison.csv?cohort=${cohortId}`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.text.startsWith("\uFEFFRang;Auto-école;")).toBe(true);
    const line = response.text.split("\r\n").find((row) => row.includes(schoolName))!;
    expect(line).toContain(";oui;");
    expect(line).toContain(";5003;");
    expect(await testDb.auditEvent.count({ where: { action: "SCHOOL_COMPARISON_EXPORTED" } })).toBeGreaterThan(0);
  });

  it("GET /schools/comparison and /exports — a counsellor — refused", async () => {
    expect((await referent.get("/schools/comparison")).status).toBe(403);
    expect((await referent.get("/exports")).status).toBe(403);
    expect((await referent.get("/exports/lessons.csv")).status).toBe(403);
  });

  it("GET /exports — the coordinator — the four exports with their filters", async () => {
    const response = await admin.get("/exports");
    expect(response.status).toBe(200);
    for (const name of ["lessons", "payments", "applications", "surveys"]) expect(response.text).toContain(`/exports/${name}.csv`);
  });

  for (const name of ["lessons", "payments", "applications", "surveys"]) {
    it(`GET /exports/${name}.csv — the coordinator — BOM, semicolons, formulas neutralised, audited`, async () => {
      const before = await testDb.auditEvent.count({ where: { action: "OPERATIONS_EXPORTED" } });
      const response = await admin.get(`/exports/${name}.csv?cohort=${cohortId}`);
      expect(response.status).toBe(200);
      expect(response.headers["content-disposition"]).toContain(`${name}-`);
      expect(response.text.startsWith("\uFEFFRéférence;Nom;Prénom;Promotion")).toBe(true);
      expect(response.text).toContain(`;"'=HYPERLINK(""http://x"")";'+Camille;`);
      expect(response.text).not.toMatch(/;[=+@-]/);
      expect(await testDb.auditEvent.count({ where: { action: "OPERATIONS_EXPORTED" } })).toBe(before + 1);
    });
  }

  it("GET /exports/lessons.csv — more rows than a page — every lesson once; a period keeps its days", async () => {
    const all = (await admin.get(`/exports/lessons.csv?cohort=${cohortId}`)).text.trimEnd().split("\r\n");
    expect(all).toHaveLength(1 + 5003);
    expect(new Set(all).size).toBe(all.length);
    const january = (await admin.get(`/exports/lessons.csv?cohort=${cohortId}&from=2026-01-02&to=2026-01-02`)).text.trimEnd().split("\r\n");
    // 2 January in Paris: from 23:00 UTC on the 1st to 23:00 UTC on the 2nd.
    expect(january).toHaveLength(1 + 24);
  });

  it("GET /exports/payments.csv — a bad period — the page again with the message (422)", async () => {
    const response = await admin.get("/exports/payments.csv?from=2026-02-31");
    expect(response.status).toBe(422);
    expect(response.text).toContain("AAAA-MM-JJ");
  });
});
