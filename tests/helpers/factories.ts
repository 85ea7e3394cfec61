// Test data made inside each test: small, explicit, on the test file's own database.
import { randomUUID } from "node:crypto";
import { createDb } from "../../src/db/client.ts";
import { hashPassword } from "../../src/auth/passwords.ts";
import type { Role } from "../../src/domain/enums.ts";
import { searchNameOf } from "../../src/domain/search.ts";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";

export const PASSWORD = "correct horse battery staple";
export const testDb = createDb(process.env.DATABASE_URL!);

let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));
const unique = () => randomUUID().slice(0, 8);

export async function makeMissionLocale(code = `ML${unique()}`.toUpperCase()) {
  return testDb.missionLocale.create({ data: { code, name: `Mission Locale ${code}` } });
}

export async function makeSchool(missionLocaleId: string) {
  return testDb.drivingSchool.create({ data: { name: `Auto-école ${unique()}`, missionLocaleId } });
}

let refCounter = 0;
export async function makeYouth(missionLocaleId: string, extra: { referentId?: string; email?: string } = {}) {
  refCounter += 1;
  const lastName = `Test${unique()}`;
  const birthDate = new Date("2004-05-06T00:00:00Z");
  return testDb.youth.create({
    data: {
      ref: `AUT-2026-${String(9000 + refCounter).padStart(4, "0")}${unique().slice(0, 2).replace(/\D/g, "1")}`,
      firstName: "Camille",
      lastName,
      searchName: searchNameOf({ firstName: "Camille", lastName }),
      nameKey: nameKeyOf({ lastName, birthDate }),
      birthDate,
      gender: "FEMALE",
      employmentStatus: "JOB_SEEKER",
      professionalProject: "Aide-soignante : se rendre aux gardes de nuit",
      missionLocaleId,
      referentId: extra.referentId ?? null,
      email: extra.email ?? null,
    },
  });
}

export async function makeCohort() {
  return testDb.cohort.create({ data: { name: `Promotion ${unique()}`, drawDate: new Date("2026-07-01T08:00:00Z") } });
}

/** A former enrolment (not current) is closed, as a transfer leaves it: one enrolment in progress per youth. */
export async function makeEnrolment(youthId: string, drivingSchoolId: string, cohortId: string, isCurrent = true) {
  return testDb.enrolment.create({
    data: {
      youthId,
      drivingSchoolId,
      cohortId,
      isCurrent,
      status: isCurrent ? "ACTIVE" : "DROPPED",
      initialAssessmentAt: new Date(),
      forecastHours: 30,
    },
  });
}

export type MadeUser = { id: string; email: string; role: Role };

export async function makeUser(
  role: Role,
  scope: { missionLocaleId?: string; drivingSchoolId?: string; youthId?: string } = {},
  options: { withPassword?: boolean; email?: string | null } = {},
): Promise<MadeUser> {
  const email = options.email === undefined ? `${role.toLowerCase()}-${unique()}@test.fr` : options.email;
  const user = await testDb.user.create({
    data: {
      role,
      email,
      displayName: `${role} ${unique()}`,
      passwordHash: options.withPassword === false ? null : await sharedHash(),
      activatedAt: new Date(),
      missionLocaleId: scope.missionLocaleId ?? null,
      drivingSchoolId: scope.drivingSchoolId ?? null,
      youthId: scope.youthId ?? null,
    },
  });
  return { id: user.id, email: user.email ?? "", role };
}

/** Two Missions Locales, each with a school, a counsellor, a school account, an enrolled youth with
 * an account; plus an admin and an evaluator. "home" is inside the scope of the home-side users. */
export async function makeWorld() {
  const cohort = await makeCohort();
  const side = async () => {
    const missionLocale = await makeMissionLocale();
    const school = await makeSchool(missionLocale.id);
    const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
    const schoolUser = await makeUser("SCHOOL", { drivingSchoolId: school.id });
    const youth = await makeYouth(missionLocale.id, { referentId: referent.id });
    const enrolment = await makeEnrolment(youth.id, school.id, cohort.id);
    const youthUser = await makeUser("YOUTH", { youthId: youth.id, missionLocaleId: missionLocale.id });
    // An account nobody signs in with, for actions that would end a signed-in session.
    const spareYouth = await makeYouth(missionLocale.id, { referentId: referent.id });
    const spareUser = await makeUser("YOUTH", { youthId: spareYouth.id, missionLocaleId: missionLocale.id });
    return { missionLocale, school, referent, schoolUser, youth, enrolment, youthUser, spareUser };
  };
  const home = await side();
  const away = await side();
  const admin = await makeUser("ADMIN");
  const evaluator = await makeUser("EVALUATOR");
  return { cohort, home, away, admin, evaluator };
}
