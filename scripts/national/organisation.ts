// The demo's organisation as found in the database, the Missions Locales and schools added around
// it, and the two demo scopes the benchmark measures (referent.orleans's caseload, ecole.orleans's
// learners) brought to their national size.
import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { Database } from "better-sqlite3";
import { DEMO_ACCOUNTS, type DemoAccountKey } from "../demo/catalog.ts";
import { slugify } from "../demo/names.ts";
import type { Rng } from "../demo/random.ts";
import type { Diaries } from "./diary.ts";
import { execute, inserter } from "./sqlite.ts";

type School = { id: string; instructorIds: string[] };

export type Territory = { id: string; code: string; city: string; postalCode: string; counsellorId: string; schools: School[] };

export type DemoOrganisation = {
  adminId: string;
  orleansId: string;
  referentOrleansId: string;
  ecoleOrleansId: string;
  ecoleOrleansSchoolId: string;
  demoYouthId: string;
  missionLocales: number;
  drivingSchools: number;
};

type OrganisationContext = { sqlite: Database; rng: Rng; faker: Faker; now: Date };

function one<T>(sqlite: Database, sql: string, ...values: string[]): T {
  const row = sqlite.prepare(sql).get(...values) as T | undefined;
  if (row === undefined) throw new Error(`La démonstration n'est pas chargée (introuvable : ${sql})`);
  return row;
}

function accountOf(sqlite: Database, key: DemoAccountKey): { id: string; drivingSchoolId: string | null; youthId: string | null } {
  const email = DEMO_ACCOUNTS.find((account) => account.key === key)?.email ?? "";
  return one(sqlite, `SELECT "id", "drivingSchoolId", "youthId" FROM "User" WHERE "email" = ?`, email);
}

export function readDemo(sqlite: Database): DemoOrganisation {
  const school = accountOf(sqlite, "schoolOrleans");
  const youth = accountOf(sqlite, "youth");
  if (!school.drivingSchoolId || !youth.youthId) throw new Error("Comptes de démonstration incomplets");
  const count = (table: string): number => one<{ n: number }>(sqlite, `SELECT COUNT(*) AS "n" FROM "${table}"`).n;
  return {
    adminId: accountOf(sqlite, "admin").id,
    orleansId: one<{ id: string }>(sqlite, `SELECT "id" FROM "MissionLocale" WHERE "code" = ?`, "ORLEANS").id,
    referentOrleansId: accountOf(sqlite, "referentOrleans").id,
    ecoleOrleansId: school.id,
    ecoleOrleansSchoolId: school.drivingSchoolId,
    demoYouthId: youth.youthId,
    missionLocales: count("MissionLocale"),
    drivingSchools: count("DrivingSchool"),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function phone(rng: Rng): string {
  return `0${rng.int(1, 5)} ${pad(rng.int(10, 99), 2)} ${pad(rng.int(10, 99), 2)} ${pad(rng.int(10, 99), 2)} ${pad(rng.int(10, 99), 2)}`;
}

/**
 * Missions Locales ML004, ML005… up to `missionLocales` in all, each with its counsellor, and
 * driving schools spread over them up to `drivingSchools` in all, each with two instructors.
 * Staff accounts have no password (as the demo's instructors): they are there to own rows.
 */
export function addTerritories(
  ctx: OrganisationContext,
  demo: DemoOrganisation,
  target: { missionLocales: number; drivingSchools: number },
): Territory[] {
  const { sqlite, rng, faker, now } = ctx;
  const insertMissionLocale = inserter(sqlite, "MissionLocale", ["id", "code", "name", "createdAt"]);
  const insertSchool = inserter(sqlite, "DrivingSchool", ["id", "name", "missionLocaleId", "address", "city", "phone", "createdAt"]);
  const insertUser = inserter(sqlite, "User", [
    "id",
    "email",
    "role",
    "displayName",
    "missionLocaleId",
    "drivingSchoolId",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const names = new Set(
    (sqlite.prepare(`SELECT "name" FROM "MissionLocale"`).all() as { name: string }[]).map((row) =>
      row.name.replace(/^Mission Locale (de |du |de l')/, ""),
    ),
  );
  const territories: Territory[] = [];
  for (let n = demo.missionLocales + 1; n <= target.missionLocales; n += 1) {
    let city = faker.location.city();
    while (names.has(city)) city = faker.location.city();
    names.add(city);
    const code = `ML${pad(n, 3)}`;
    const id = randomUUID();
    insertMissionLocale([id, code, `Mission Locale de ${city}`, now]);
    const counsellorId = randomUUID();
    insertUser([
      counsellorId,
      `referent.${code.toLowerCase()}@autonomie.test`,
      "REFERENT",
      `${faker.person.firstName()} ${faker.person.lastName()}`,
      id,
      null,
      demo.adminId,
      now,
      now,
    ]);
    territories.push({ id, code, city, postalCode: faker.location.zipCode("#####"), counsellorId, schools: [] });
  }
  const schoolsToAdd = target.drivingSchools - demo.drivingSchools;
  if (schoolsToAdd > 0 && territories.length === 0) throw new Error("Des auto-écoles à ajouter, mais aucune Mission Locale nouvelle");
  for (let n = 0; n < schoolsToAdd; n += 1) {
    const territory = territories[n % territories.length]!;
    const school: School = { id: randomUUID(), instructorIds: [] };
    const name = `Auto-école ${faker.person.lastName()} ${territory.city}`;
    insertSchool([school.id, name, territory.id, faker.location.streetAddress(), territory.city, phone(rng), now]);
    for (let k = 1; k <= 2; k += 1) {
      const instructorId = randomUUID();
      const displayName = `${faker.person.firstName()} ${faker.person.lastName()}`;
      insertUser([
        instructorId,
        `moniteur.${slugify(territory.code)}-${pad(n + 1, 3)}-${k}@autonomie.test`,
        "SCHOOL",
        displayName,
        null,
        school.id,
        demo.adminId,
        now,
        now,
      ]);
      school.instructorIds.push(instructorId);
    }
    territory.schools.push(school);
  }
  return territories;
}

/**
 * referent.orleans follows exactly `youths` young people: the demo youth first, then the most
 * recent applicants; the others of the Orléanais pass to a second counsellor created here.
 */
export function setReferentCaseload(ctx: OrganisationContext, demo: DemoOrganisation, youths: number): void {
  const { sqlite, faker, now } = ctx;
  const followed = sqlite
    .prepare(
      `SELECT "id" FROM "Youth" WHERE "referentId" = ?
       ORDER BY CASE WHEN "id" = ? THEN 0 ELSE 1 END, "createdAt" DESC, "ref"`,
    )
    .all(demo.referentOrleansId, demo.demoYouthId) as { id: string }[];
  if (followed.length < youths) throw new Error(`referent.orleans ne suit que ${followed.length} jeunes (${youths} demandés)`);
  const handedOver = followed.slice(youths);
  if (handedOver.length === 0) return;
  const colleagueId = randomUUID();
  inserter(sqlite, "User", ["id", "email", "role", "displayName", "missionLocaleId", "createdById", "createdAt", "updatedAt"])([
    colleagueId,
    "conseiller.orleans@autonomie.test",
    "REFERENT",
    `${faker.person.firstName()} ${faker.person.lastName()}`,
    demo.orleansId,
    demo.adminId,
    now,
    now,
  ]);
  for (const youth of handedOver) {
    execute(sqlite, `UPDATE "Youth" SET "referentId" = ?, "updatedAt" = ? WHERE "id" = ?`, [colleagueId, now, youth.id]);
  }
}

type Transfer = { id: string; lessons: { id: string; startsAt: string; durationMin: number }[] };

/**
 * ecole.orleans's school holds exactly `active` ACTIVE enrolments: learners of the other schools
 * of the Orléanais move there (a transfer between partner schools). A school that takes on more
 * learners hires: instructors hired for them take their lessons, as many learners each as the
 * school's instructors already had, so that an instructor's week (ecole.orleans's among them)
 * looks like the demo's.
 */
export function setSchoolLearners(ctx: OrganisationContext, demo: DemoOrganisation, diaries: Diaries, active: number): void {
  const { sqlite, faker, now } = ctx;
  const schoolId = demo.ecoleOrleansSchoolId;
  const current = one<{ n: number }>(
    sqlite,
    `SELECT COUNT(*) AS "n" FROM "Enrolment" WHERE "drivingSchoolId" = ? AND "status" = 'ACTIVE'`,
    schoolId,
  ).n;
  if (current > active) throw new Error(`L'auto-école d'ecole.orleans a déjà ${current} inscriptions en cours (${active} demandées)`);
  const moving = sqlite
    .prepare(
      `SELECT e."id" FROM "Enrolment" e JOIN "DrivingSchool" s ON s."id" = e."drivingSchoolId"
       WHERE s."missionLocaleId" = ? AND s."id" <> ? AND e."status" = 'ACTIVE' ORDER BY e."enrolledAt", e."id" LIMIT ?`,
    )
    .all(demo.orleansId, schoolId, active - current) as { id: string }[];
  if (moving.length < active - current) throw new Error("Pas assez d'inscriptions en cours dans l'Orléanais");

  const instructorIds = (
    sqlite.prepare(`SELECT "id" FROM "User" WHERE "drivingSchoolId" = ? ORDER BY "createdAt", "id"`).all(schoolId) as {
      id: string;
    }[]
  ).map((row) => row.id);
  const booked = sqlite.prepare(`SELECT "instructorId", "startsAt", "durationMin" FROM "Lesson" WHERE "instructorId" = ?`);
  for (const instructorId of instructorIds) {
    for (const lesson of booked.all(instructorId) as { startsAt: string; durationMin: number }[]) {
      diaries.book(instructorId, new Date(lesson.startsAt), lesson.durationMin);
    }
  }
  const insertInstructor = inserter(sqlite, "User", [
    "id",
    "email",
    "role",
    "displayName",
    "drivingSchoolId",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const hire = (): string => {
    const id = randomUUID();
    const email = `moniteur.orleans-${instructorIds.length + 1}@autonomie.test`;
    insertInstructor([id, email, "SCHOOL", `${faker.person.firstName()} ${faker.person.lastName()}`, schoolId, demo.adminId, now, now]);
    instructorIds.push(id);
    return id;
  };
  const lessonsOf = sqlite.prepare(`SELECT "id", "startsAt", "durationMin" FROM "Lesson" WHERE "enrolmentId" = ? ORDER BY "startsAt"`);
  const transfers: Transfer[] = moving.map((row) => ({ id: row.id, lessons: lessonsOf.all(row.id) as Transfer["lessons"] }));
  const learnersPerInstructor = Math.max(1, Math.ceil(current / Math.max(1, instructorIds.length)));
  const hired: string[] = [];
  const hireOne = (): string => {
    const id = hire();
    hired.push(id);
    return id;
  };
  for (const [index, transfer] of transfers.entries()) {
    const slot = Math.floor(index / learnersPerInstructor);
    while (hired.length <= slot) hireOne();
    const preferred = hired[slot]!;
    for (const lesson of transfer.lessons) {
      const startsAt = new Date(lesson.startsAt);
      const instructorId = [preferred, ...hired].find((id) => diaries.isFree(id, startsAt, lesson.durationMin)) ?? hireOne();
      diaries.book(instructorId, startsAt, lesson.durationMin);
      execute(sqlite, `UPDATE "Lesson" SET "instructorId" = ?, "createdById" = ? WHERE "id" = ?`, [instructorId, instructorId, lesson.id]);
    }
    execute(sqlite, `UPDATE "Enrolment" SET "drivingSchoolId" = ?, "updatedAt" = ? WHERE "id" = ?`, [schoolId, now, transfer.id]);
    for (const [table, column] of [
      ["SkillAssessment", "assessedById"],
      ["Exam", "recordedById"],
      ["Payment", "recordedById"],
    ] as const) {
      execute(sqlite, `UPDATE "${table}" SET "${column}" = ? WHERE "enrolmentId" = ?`, [demo.ecoleOrleansId, transfer.id]);
    }
  }
}
