// Loads the demo programme (AUTOnomie, Loiret) into an empty database: generated from a fixed
// seed, with every date relative to `today`, so that the demo is always "in progress".
import { fakerFR as faker } from "@faker-js/faker";
import { hashPassword } from "../auth/passwords.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { buildApplicants, buildCohort, type Applicant } from "./applicants.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./catalog.ts";
import { buildDemoYouthFollowUp, buildDifficulties, buildNotifications, buildResources, buildSurveys } from "./follow-up.ts";
import { IdFactory } from "./ids.ts";
import { buildOrganisation } from "./organisation.ts";
import { Rng } from "./random.ts";
import { emptyRows, type DemoRows } from "./rows.ts";
import { Scheduler } from "./scheduler.ts";
import { buildTraining } from "./training.ts";

export const DEMO_SEED = 2010;

export type DemoSummary = {
  missionLocales: number;
  drivingSchools: number;
  users: number;
  cohorts: number;
  youths: number;
  applications: number;
  lotteryDraws: number;
  lotteryEntries: number;
  lotteryReplacements: number;
  enrolments: number;
  lessons: number;
  skillAssessments: number;
  exams: number;
  payments: number;
  difficulties: number;
  recommendations: number;
  followUpSurveys: number;
  resources: number;
  notifications: number;
};

function addYouthAccount(rows: DemoRows, id: string, youthId: string, passwordHash: string, now: Date): void {
  const spec = DEMO_ACCOUNTS.find((account) => account.key === "youth");
  if (!spec) throw new Error("Compte de démonstration « jeune » manquant");
  rows.youthUsers.push({
    id,
    email: spec.email,
    role: "YOUTH",
    displayName: spec.displayName,
    passwordHash,
    youthId,
    activatedAt: now,
    createdAt: now,
  });
}

/** Every row of the demo, in memory. Pure: the same `today` gives the same rows. */
export function buildDemo(today: Date, passwordHash: string): DemoRows {
  faker.seed(DEMO_SEED);
  const now = new Date(today.getTime());
  const rows = emptyRows();
  const ids = new IdFactory();
  const rng = new Rng(DEMO_SEED);
  const org = buildOrganisation({ rows, ids, now, passwordHash });
  const ctx = { rows, ids, rng, faker, org, now };

  const finished = buildCohort(ctx, 30, false);
  const inProgress = buildCohort(ctx, 4, true);
  const applicants: Applicant[] = [...buildApplicants(ctx, finished), ...buildApplicants(ctx, inProgress)];

  const demoYouth = applicants.find((a) => a.showcase === "DEMO_YOUTH");
  if (!demoYouth) throw new Error("Jeune de démonstration introuvable");
  addYouthAccount(rows, org.accountIds.youth, demoYouth.youth.id, passwordHash, now);

  const journeys = buildTraining({ ...ctx, scheduler: new Scheduler(rng) }, applicants);
  const demoJourney = journeys.find((j) => j.applicant === demoYouth && j.enrolment.isCurrent);
  buildDifficulties(ctx, journeys);
  if (demoJourney) buildDemoYouthFollowUp(ctx, demoJourney);
  buildSurveys(ctx, applicants, journeys);
  buildResources(ctx);
  buildNotifications(ctx, inProgress.name, demoJourney);
  return rows;
}

/** Parent rows before the rows that reference them. */
async function writeRows(prisma: PrismaClient, rows: DemoRows): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.missionLocale.createMany({ data: rows.missionLocales });
      await tx.drivingSchool.createMany({ data: rows.drivingSchools });
      await tx.user.createMany({ data: rows.staffUsers });
      await tx.cohort.createMany({ data: rows.cohorts });
      await tx.cohortQuota.createMany({ data: rows.cohortQuotas });
      await tx.infoMeeting.createMany({ data: rows.infoMeetings });
      await tx.youth.createMany({ data: rows.youths });
      await tx.user.createMany({ data: rows.youthUsers });
      await tx.application.createMany({ data: rows.applications });
      await tx.lotteryFreeze.createMany({ data: rows.lotteryFreezes });
      await tx.frozenApplicant.createMany({ data: rows.frozenApplicants });
      await tx.lotteryDraw.createMany({ data: rows.lotteryDraws });
      await tx.lotteryEntry.createMany({ data: rows.lotteryEntries });
      await tx.lotteryReplacement.createMany({ data: rows.lotteryReplacements });
      await tx.enrolment.createMany({ data: rows.enrolments });
      await tx.lesson.createMany({ data: rows.lessons });
      await tx.skillAssessment.createMany({ data: rows.skillAssessments });
      await tx.exam.createMany({ data: rows.exams });
      await tx.payment.createMany({ data: rows.payments });
      await tx.difficulty.createMany({ data: rows.difficulties });
      await tx.recommendation.createMany({ data: rows.recommendations });
      await tx.followUpSurvey.createMany({ data: rows.followUpSurveys });
      await tx.resource.createMany({ data: rows.resources });
      await tx.notification.createMany({ data: rows.notifications });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function summarize(rows: DemoRows): DemoSummary {
  return {
    missionLocales: rows.missionLocales.length,
    drivingSchools: rows.drivingSchools.length,
    users: rows.staffUsers.length + rows.youthUsers.length,
    cohorts: rows.cohorts.length,
    youths: rows.youths.length,
    applications: rows.applications.length,
    lotteryDraws: rows.lotteryDraws.length,
    lotteryEntries: rows.lotteryEntries.length,
    lotteryReplacements: rows.lotteryReplacements.length,
    enrolments: rows.enrolments.length,
    lessons: rows.lessons.length,
    skillAssessments: rows.skillAssessments.length,
    exams: rows.exams.length,
    payments: rows.payments.length,
    difficulties: rows.difficulties.length,
    recommendations: rows.recommendations.length,
    followUpSurveys: rows.followUpSurveys.length,
    resources: rows.resources.length,
    notifications: rows.notifications.length,
  };
}

/** Loads the demo into an empty database (refuses a database that already has a programme). */
export async function seedDemo(prisma: PrismaClient, options: { today: Date }): Promise<DemoSummary> {
  if ((await prisma.missionLocale.count()) > 0) {
    throw new Error("La base contient déjà des données : la démonstration n'est chargée que dans une base vide.");
  }
  // Hashed once for all demo accounts: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildDemo(options.today, passwordHash);
  await writeRows(prisma, rows);
  return summarize(rows);
}
