// Young people of the new Missions Locales, their applications in the demo's two cohorts, and one
// verifiable draw per cohort and Mission Locale (frozen list, seed, ranks), written once: the
// lottery tables accept inserts only.
import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { Database } from "better-sqlite3";
import { searchNameOf } from "../../src/domain/search.ts";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";
import { EMPLOYMENT_MIX, PROFESSIONAL_PROJECTS } from "../demo/catalog.ts";
import { addDays, frenchDate, parisTime } from "../demo/dates.ts";
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, slugify } from "../demo/names.ts";
import type { Rng } from "../demo/random.ts";
import type { Territory } from "./organisation.ts";
import { inserter } from "./sqlite.ts";

export type Cohort = { id: string; year: number; drawDate: Date; aidCapCents: number; contributionCents: number; inProgress: boolean };

export type Applicant = {
  youthId: string;
  territory: Territory;
  cohort: Cohort;
  employmentStatus: string;
  /** Drawn (the evaluation's treatment group): only they enrol at a driving school. */
  selected: boolean;
  /** When the commitments were signed, for those drawn. */
  committedAt: Date;
};

type ApplicantContext = { sqlite: Database; rng: Rng; faker: Faker; now: Date; adminId: string };

/** Share of a stratum's applicants drawn: seats are about half the applicants, as in the demo. */
const SEAT_SHARE = 0.5;

const WEEKDAYS_AVAILABILITY = JSON.stringify(
  [1, 2, 3, 4, 5].flatMap((day) => [
    { day, from: "09:00", to: "12:00" },
    { day, from: "14:00", to: "18:00" },
  ]),
);

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The demo's cohorts, oldest first; the latest is the one still learning. */
export function readCohorts(sqlite: Database): Cohort[] {
  const rows = sqlite.prepare(`SELECT "id", "drawDate", "aidCapCents", "contributionCents" FROM "Cohort" ORDER BY "drawDate"`).all() as {
    id: string;
    drawDate: string;
    aidCapCents: number;
    contributionCents: number;
  }[];
  return rows.map((row, index) => {
    const drawDate = new Date(row.drawDate);
    return { ...row, drawDate, year: drawDate.getUTCFullYear(), inProgress: index === rows.length - 1 };
  });
}

/** The highest ref number used in the cohort's year (refs are AUT-<year>-<number>). */
function lastRefNumber(sqlite: Database, year: number): number {
  const row = sqlite
    .prepare(`SELECT MAX(CAST(substr("ref", 10) AS INTEGER)) AS "n" FROM "Youth" WHERE "ref" LIKE ?`)
    .get(`AUT-${year}-%`) as {
    n: number | null;
  };
  return row.n ?? 0;
}

/** A public-looking seed fixed after the freeze, in the demo's format. */
function drawSeed(rng: Rng, drawDate: Date): string {
  const pick = (count: number, of: number): string =>
    rng
      .shuffle(Array.from({ length: of }, (_, i) => i + 1))
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((n) => pad(n, 2))
      .join("-");
  return `${drawDate.toISOString().slice(0, 10)}-EuroMillions-${pick(5, 50)}-${pick(2, 12)}`;
}

type Youth = { id: string; ref: string; submittedAt: Date; employmentStatus: string };

function addYouth(ctx: ApplicantContext, insert: ReturnType<typeof inserter>, territory: Territory, cohort: Cohort, ref: string): Youth {
  const { rng, faker, now } = ctx;
  const female = rng.chance(0.49);
  const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = faker.person.lastName();
  // Born 19 to 25 years before the draw's year: 18 to 25 on the draw date, whatever the birthday.
  const birthDate = new Date(Date.UTC(cohort.year - rng.int(19, 25), rng.int(0, 11), rng.int(1, 28)));
  const submittedAt = parisTime(addDays(cohort.drawDate, -rng.int(8, 110)), rng.int(9, 17));
  const employmentStatus = rng.weighted(EMPLOYMENT_MIX);
  const id = randomUUID();
  insert([
    id,
    ref,
    firstName,
    lastName,
    birthDate,
    female ? "FEMALE" : "MALE",
    rng.chance(0.6) ? `${slugify(firstName)}.${slugify(lastName)}${rng.int(1, 999)}@example.fr` : null,
    rng.chance(0.85) ? `0${rng.chance(0.8) ? 6 : 7}${pad(rng.int(0, 99_999_999), 8)}` : null,
    faker.location.streetAddress(),
    territory.postalCode,
    territory.city,
    employmentStatus,
    rng.pick(PROFESSIONAL_PROJECTS),
    WEEKDAYS_AVAILABILITY,
    submittedAt,
    submittedAt,
    territory.id,
    territory.counsellorId,
    submittedAt,
    now,
    searchNameOf({ firstName, lastName }),
    nameKeyOf({ lastName, birthDate }),
  ]);
  return { id, ref, submittedAt, employmentStatus };
}

/** `count` young people spread evenly over the territories and the cohorts, each drawn or not. */
export function addApplicants(
  ctx: ApplicantContext,
  territories: readonly Territory[],
  cohorts: readonly Cohort[],
  count: number,
): Applicant[] {
  const { sqlite, rng, now, adminId } = ctx;
  if (count > 0 && territories.length === 0) throw new Error("Des jeunes à ajouter, mais aucune Mission Locale nouvelle");
  const insertYouth = inserter(sqlite, "Youth", [
    "id",
    "ref",
    "firstName",
    "lastName",
    "birthDate",
    "gender",
    "email",
    "phone",
    "address",
    "postalCode",
    "city",
    "employmentStatus",
    "professionalProject",
    "weeklyAvailability",
    "lotteryConsentAt",
    "evaluationConsentAt",
    "missionLocaleId",
    "referentId",
    "createdAt",
    "updatedAt",
    "searchName",
    "nameKey",
  ]);
  const insertApplication = inserter(sqlite, "Application", [
    "id",
    "youthId",
    "cohortId",
    "status",
    "submittedAt",
    "attendanceCommitmentAt",
    "contributionCommitmentAt",
    "commitmentRecordedById",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const insertQuota = inserter(sqlite, "CohortQuota", ["id", "cohortId", "missionLocaleId", "seats"]);
  const insertFreeze = inserter(sqlite, "LotteryFreeze", ["id", "cohortId", "missionLocaleId", "listDigest", "frozenAt", "frozenById"]);
  const insertFrozen = inserter(sqlite, "FrozenApplicant", ["id", "freezeId", "applicationId", "ref"]);
  const insertDraw = inserter(sqlite, "LotteryDraw", [
    "id",
    "cohortId",
    "missionLocaleId",
    "freezeId",
    "seed",
    "listDigest",
    "seats",
    "drawnAt",
    "drawnById",
    "validatedAt",
    "validatedById",
    "validationNote",
  ]);
  const insertEntry = inserter(sqlite, "LotteryEntry", ["id", "drawId", "applicationId", "ref", "key", "rank", "outcome"]);

  const nextRef = new Map(cohorts.map((cohort) => [cohort.id, lastRefNumber(sqlite, cohort.year)]));
  // Young person i goes to territory i % T and cohort ⌊i / T⌋ % C: strata of even sizes.
  const sizes = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const key = `${Math.floor(i / territories.length) % cohorts.length}|${i % territories.length}`;
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const applicants: Applicant[] = [];
  for (const [c, cohort] of cohorts.entries()) {
    for (const [t, territory] of territories.entries()) {
      const stratumSize = sizes.get(`${c}|${t}`) ?? 0;
      if (stratumSize === 0) continue;
      const youths = Array.from({ length: stratumSize }, () => {
        const n = (nextRef.get(cohort.id) ?? 0) + 1;
        nextRef.set(cohort.id, n);
        return addYouth(ctx, insertYouth, territory, cohort, `AUT-${cohort.year}-${pad(n, 4)}`);
      });
      const refs = youths.map((youth) => youth.ref);
      const seats = Math.max(1, Math.round(stratumSize * SEAT_SHARE));
      const seed = drawSeed(rng, cohort.drawDate);
      const ranked = new Map(rankApplicants(seed, territory.code, refs, seats).map((entry) => [entry.ref, entry]));

      const applicationIds = new Map<string, string>();
      for (const youth of youths) {
        const entry = ranked.get(youth.ref)!;
        const selected = entry.outcome === "SELECTED";
        const committedAt = parisTime(addDays(cohort.drawDate, rng.int(5, 12)), 14);
        const applicationId = randomUUID();
        applicationIds.set(youth.ref, applicationId);
        insertApplication([
          applicationId,
          youth.id,
          cohort.id,
          entry.outcome,
          youth.submittedAt,
          selected ? committedAt : null,
          selected ? committedAt : null,
          selected ? territory.counsellorId : null,
          territory.counsellorId,
          youth.submittedAt,
          now,
        ]);
        applicants.push({ youthId: youth.id, territory, cohort, employmentStatus: youth.employmentStatus, selected, committedAt });
      }
      const digest = listDigest(refs);
      const freezeId = randomUUID();
      const drawId = randomUUID();
      const validatedAt = addDays(cohort.drawDate, 2);
      insertQuota([randomUUID(), cohort.id, territory.id, seats]);
      insertFreeze([freezeId, cohort.id, territory.id, digest, addDays(cohort.drawDate, -5), adminId]);
      for (const ref of refs) insertFrozen([randomUUID(), freezeId, applicationIds.get(ref)!, ref]);
      insertDraw([
        drawId,
        cohort.id,
        territory.id,
        freezeId,
        seed,
        digest,
        seats,
        cohort.drawDate,
        adminId,
        validatedAt,
        adminId,
        `Comité de pilotage du ${frenchDate(validatedAt)} : tirage ${territory.code} validé.`,
      ]);
      for (const entry of ranked.values()) {
        insertEntry([randomUUID(), drawId, applicationIds.get(entry.ref)!, entry.ref, entry.key, entry.rank, entry.outcome]);
      }
    }
  }
  return applicants;
}
