// Loads the demo programme (AUTOnomie, Loiret) into an empty database: generated from a fixed
// seed, with every date relative to `today`, so that the demo is always "in progress".
import { fakerFR as faker } from "@faker-js/faker";
import { hashPassword } from "../../src/auth/passwords.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { buildApplicants, buildCohort, type Applicant } from "./applicants.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./catalog.ts";
import { buildDemoYouthFollowUp, buildDifficulties, buildNotifications, buildResources, buildSurveys } from "./follow-up.ts";
import { IdFactory } from "./ids.ts";
import { buildOrganisation } from "./organisation.ts";
import { Rng } from "./random.ts";
import { emptyRows, type DemoRows } from "./rows.ts";
import { Scheduler } from "./scheduler.ts";
import { buildTraining } from "./training.ts";

const DEMO_SEED = 2010;

/** Told each stage as it ends, in French (the start script prints it with the elapsed time). */
export type DemoProgress = (stage: string) => void;

const count = (n: number): string => new Intl.NumberFormat("fr-FR").format(n);

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
function buildDemo(today: Date, passwordHash: string, progress: DemoProgress = () => undefined): DemoRows {
  faker.seed(DEMO_SEED);
  const now = new Date(today.getTime());
  const rows = emptyRows();
  const ids = new IdFactory();
  const rng = new Rng(DEMO_SEED);
  const org = buildOrganisation({ rows, ids, now, passwordHash });
  const ctx = { rows, ids, rng, faker, org, now };
  progress(
    `organisation : ${count(rows.missionLocales.length)} Missions Locales, ${count(rows.drivingSchools.length)} auto-écoles, ${count(rows.staffUsers.length)} comptes`,
  );

  const finished = buildCohort(ctx, 30, false);
  const inProgress = buildCohort(ctx, 4, true);
  const applicants: Applicant[] = [...buildApplicants(ctx, finished), ...buildApplicants(ctx, inProgress)];
  progress(
    `candidatures : ${count(rows.cohorts.length)} cohortes, ${count(rows.youths.length)} jeunes, ${count(rows.applications.length)} candidatures`,
  );
  progress(
    `tirages au sort : ${count(rows.lotteryDraws.length)} tirages, ${count(rows.lotteryEntries.length)} rangs, ${count(rows.lotteryReplacements.length)} remplacements`,
  );

  const demoYouth = applicants.find((a) => a.showcase === "DEMO_YOUTH");
  if (!demoYouth) throw new Error("Jeune de démonstration introuvable");
  addYouthAccount(rows, org.accountIds.youth, demoYouth.youth.id, passwordHash, now);

  const journeys = buildTraining({ ...ctx, scheduler: new Scheduler(rng) }, applicants);
  const demoJourney = journeys.find((j) => j.applicant === demoYouth && j.enrolment.isCurrent);
  progress(
    `formation : ${count(rows.enrolments.length)} inscriptions, ${count(rows.lessons.length)} leçons, ${count(rows.skillAssessments.length)} évaluations, ${count(rows.exams.length)} examens, ${count(rows.payments.length)} paiements`,
  );
  buildDifficulties(ctx, journeys);
  if (demoJourney) buildDemoYouthFollowUp(ctx, demoJourney);
  buildSurveys(ctx, applicants, journeys);
  buildResources(ctx);
  buildNotifications(ctx, inProgress.name, demoJourney);
  progress(
    `suivi : ${count(rows.difficulties.length)} difficultés, ${count(rows.recommendations.length)} préconisations, ${count(rows.followUpSurveys.length)} enquêtes, ${count(rows.resources.length)} ressources`,
  );
  return rows;
}

/** Parent rows before the rows that reference them. */
async function writeRows(prisma: PrismaClient, rows: DemoRows, progress: DemoProgress): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.missionLocale.createMany({ data: rows.missionLocales });
      await tx.drivingSchool.createMany({ data: rows.drivingSchools });
      await tx.user.createMany({ data: rows.staffUsers });
      await tx.cohort.createMany({ data: rows.cohorts });
      await tx.cohortQuota.createMany({ data: rows.cohortQuotas });
      await tx.schoolRate.createMany({ data: rows.schoolRates });
      await tx.infoMeeting.createMany({ data: rows.infoMeetings });
      await tx.youth.createMany({ data: rows.youths });
      await tx.user.createMany({ data: rows.youthUsers });
      await tx.application.createMany({ data: rows.applications });
      await tx.lotteryFreeze.createMany({ data: rows.lotteryFreezes });
      await tx.frozenApplicant.createMany({ data: rows.frozenApplicants });
      await tx.lotteryDraw.createMany({ data: rows.lotteryDraws });
      await tx.lotteryEntry.createMany({ data: rows.lotteryEntries });
      await tx.lotteryReplacement.createMany({ data: rows.lotteryReplacements });
      progress("base : organisation, candidatures et tirages enregistrés");
      await tx.enrolment.createMany({ data: rows.enrolments });
      await tx.lesson.createMany({ data: rows.lessons });
      progress("base : inscriptions et leçons enregistrées");
      await tx.skillAssessment.createMany({ data: rows.skillAssessments });
      progress("base : évaluations du livret enregistrées");
      await tx.exam.createMany({ data: rows.exams });
      await tx.payment.createMany({ data: rows.payments });
      await tx.difficulty.createMany({ data: rows.difficulties });
      await tx.recommendation.createMany({ data: rows.recommendations });
      await tx.followUpSurvey.createMany({ data: rows.followUpSurveys });
      await tx.resource.createMany({ data: rows.resources });
      await tx.quizQuestion.createMany({ data: rows.quizQuestions });
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
export async function seedDemo(prisma: PrismaClient, options: { today: Date; progress?: DemoProgress }): Promise<DemoSummary> {
  if ((await prisma.missionLocale.count()) > 0) {
    throw new Error("La base contient déjà des données : la démonstration n'est chargée que dans une base vide.");
  }
  // Hashed once for all demo accounts: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const progress = options.progress ?? (() => undefined);
  const rows = buildDemo(options.today, passwordHash, progress);
  const summary = summarize(rows);
  const total = Object.values(summary).reduce((sum, n) => sum + n, 0);
  progress(`écriture dans la base : ${count(total)} lignes en une transaction…`);
  await writeRows(prisma, rows, progress);
  return summary;
}
