// The national data set: the demo programme (its accounts and scopes), grown to the size of the
// national follow-up. The demo is loaded through Prisma, as `npm start` does; the rest is written
// through better-sqlite3 in one transaction (about 1 µs a row instead of Prisma's 90).
import { randomUUID } from "node:crypto";
import { fakerFR as faker } from "@faker-js/faker";
import Database from "better-sqlite3";
import { createDb, tuneSqlite } from "../../src/db/client.ts";
import { seedDemo } from "../demo/seed.ts";
import { Rng } from "../demo/random.ts";
import { addApplicants, readCohorts } from "./applicants.ts";
import { Diaries } from "./diary.ts";
import { addTerritories, readDemo, setReferentCaseload, setSchoolLearners } from "./organisation.ts";
import { inserter, withoutTriggers } from "./sqlite.ts";
import { addSurveys, addTraining, type Journey } from "./training.ts";

/** Totals aimed at (demo rows included), and the size of the two demo scopes the benchmark uses. */
export type NationalScale = {
  missionLocales: number;
  drivingSchools: number;
  youths: number;
  /** About: each training gets its share, in proportion to its length. */
  lessons: number;
  auditEvents: number;
  /** Young people followed by referent.orleans. */
  referentOrleansYouths: number;
  /** ACTIVE enrolments at ecole.orleans's school. */
  ecoleOrleansLearners: number;
};

const NATIONAL_SCALE: NationalScale = {
  missionLocales: 100,
  drivingSchools: 400,
  youths: 10_000,
  lessons: 400_000,
  auditEvents: 100_000,
  referentOrleansYouths: 300,
  ecoleOrleansLearners: 60,
};

const NATIONAL_SEED = 2011;

const COUNTED_TABLES = [
  "MissionLocale",
  "DrivingSchool",
  "User",
  "Cohort",
  "Youth",
  "Application",
  "LotteryDraw",
  "LotteryEntry",
  "Enrolment",
  "Lesson",
  "SkillAssessment",
  "Exam",
  "Payment",
  "FollowUpSurvey",
  "AuditEvent",
] as const;

export type NationalSummary = Record<(typeof COUNTED_TABLES)[number], number>;

type Progress = (stage: string) => void;

const count = (n: number): string => new Intl.NumberFormat("fr-FR").format(n);

/** A year of traces: files viewed, lessons planned, lists opened, sign-ins, by those who did them. */
function addAuditEvents(sqlite: Database.Database, rng: Rng, now: Date, journeys: readonly Journey[], events: number): void {
  if (events <= 0 || journeys.length === 0) return;
  const insert = inserter(sqlite, "AuditEvent", ["id", "at", "actorId", "action", "entity", "entityId", "details"]);
  const times = Array.from({ length: events }, () => now.getTime() - rng.next() * 365 * 86_400_000).sort((a, b) => a - b);
  for (const time of times) {
    const at = new Date(time);
    const journey = rng.pick(journeys);
    const lessonId = journey.lessonIds.length > 0 ? rng.pick(journey.lessonIds) : null;
    const roll = rng.next();
    if (roll < 0.45) {
      insert([randomUUID(), at, journey.counsellorId, "YOUTH_VIEWED", "Youth", journey.youthId, JSON.stringify({ page: "/youths/:id" })]);
    } else if (roll < 0.6) {
      insert([randomUUID(), at, journey.instructorId, "YOUTH_VIEWED", "Youth", journey.youthId, JSON.stringify({ page: "/youths/:id" })]);
    } else if (roll < 0.75 && lessonId) {
      insert([randomUUID(), at, journey.instructorId, "LESSON_PLANNED", "Lesson", lessonId, null]);
    } else if (roll < 0.85) {
      insert([
        randomUUID(),
        at,
        journey.counsellorId,
        "LIST_VIEWED",
        "Application",
        null,
        JSON.stringify({ page: "/applications", filter: {} }),
      ]);
    } else {
      const actorId = rng.chance(0.5) ? journey.counsellorId : journey.instructorId;
      insert([randomUUID(), at, actorId, "SIGN_IN", "User", actorId, null]);
    }
  }
}

/** The demo's own referent.orleans and ecole.orleans traces, so that their pages meet a full year too. */
function demoJourneys(sqlite: Database.Database, referentId: string, schoolUserId: string): Journey[] {
  const youths = sqlite.prepare(`SELECT "id" FROM "Youth" WHERE "referentId" = ?`).all(referentId) as { id: string }[];
  return youths.map((youth) => ({ youthId: youth.id, counsellorId: referentId, instructorId: schoolUserId, lessonIds: [] }));
}

function summarize(sqlite: Database.Database): NationalSummary {
  const entries = COUNTED_TABLES.map((table) => [
    table,
    (sqlite.prepare(`SELECT COUNT(*) AS "n" FROM "${table}"`).get() as { n: number }).n,
  ]);
  return Object.fromEntries(entries) as NationalSummary;
}

/**
 * Loads the demo into the empty, migrated database at `databaseUrl` (`databasePath` on disk),
 * then grows it to `scale`. Dates are relative to `today`, as the demo's.
 */
export async function seedNational(
  database: { databaseUrl: string; databasePath: string },
  options: { today: Date; scale?: NationalScale; progress?: Progress },
): Promise<NationalSummary> {
  const scale = options.scale ?? NATIONAL_SCALE;
  const progress = options.progress ?? (() => undefined);
  const now = new Date(options.today.getTime());

  const prisma = createDb(database.databaseUrl);
  try {
    await tuneSqlite(prisma);
    await seedDemo(prisma, { today: now, progress: (stage) => progress(`démonstration — ${stage}`) });
  } finally {
    await prisma.$disconnect();
  }

  const sqlite = new Database(database.databasePath);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    // Room for the indexes being filled: the lesson and audit indexes stay in memory until commit.
    sqlite.pragma("cache_size = -262144");
    faker.seed(NATIONAL_SEED);
    const rng = new Rng(NATIONAL_SEED);
    const demo = readDemo(sqlite);
    const cohorts = readCohorts(sqlite);
    const diaries = new Diaries();
    const ctx = { sqlite, rng, faker, now };
    const existing = summarize(sqlite);

    sqlite.transaction(() =>
      withoutTriggers(sqlite, () => {
        setReferentCaseload(ctx, demo, scale.referentOrleansYouths);
        setSchoolLearners(ctx, demo, diaries, scale.ecoleOrleansLearners);
        progress(
          `périmètres de démonstration : referent.orleans suit ${scale.referentOrleansYouths} jeunes, ecole.orleans en forme ${scale.ecoleOrleansLearners}`,
        );

        const territories = addTerritories(ctx, demo, scale);
        progress(`organisation : ${count(scale.missionLocales)} Missions Locales, ${count(scale.drivingSchools)} auto-écoles`);

        const applicants = addApplicants({ ...ctx, adminId: demo.adminId }, territories, cohorts, scale.youths - existing.Youth);
        progress(`candidatures et tirages : ${count(applicants.length)} jeunes ajoutés`);

        const { journeys, licences } = addTraining({ ...ctx, diaries }, applicants, scale.lessons - existing.Lesson);
        progress(`formation : ${count(journeys.length)} inscriptions ajoutées, avec leurs leçons, livrets, examens et paiements`);

        addSurveys(ctx, applicants, licences);
        const auditJourneys = [...journeys, ...demoJourneys(sqlite, demo.referentOrleansId, demo.ecoleOrleansId)];
        addAuditEvents(sqlite, rng, now, auditJourneys, scale.auditEvents - existing.AuditEvent);
        progress("enquêtes de suivi et une année de journal d'audit ajoutées");
      }),
    )();
    sqlite.pragma("optimize");
    return summarize(sqlite);
  } finally {
    sqlite.close();
  }
}
