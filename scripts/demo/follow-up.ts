// Difficulties, recommendations, follow-up surveys (both evaluation groups), resources, notifications.
import { SURVEY_MONTHS, type DifficultyCategory } from "../../src/domain/enums.ts";
import type { Applicant } from "./applicants.ts";
import { DEMO_ACCOUNTS, DIFFICULTY_TEXTS, RECOMMENDATIONS } from "./catalog.ts";
import { addDays, daysBetween, frenchDateTime, parisTime, startOfUtcDay } from "./dates.ts";
import type { Journey, PlanContext } from "./journeys.ts";
import { RESOURCES } from "./resources.ts";
import { renderMarkdown } from "../../src/features/resources/markdown.ts";
import { isEmployed, surveyDueOn, type SurveyEmploymentStatus } from "../../src/domain/survey.ts";
import type { Rng } from "./random.ts";
import type { DifficultyRow, YouthRow } from "./rows.ts";

function earlier(a: Date, b: Date): Date {
  return a < b ? a : b;
}

function describe(rng: Rng, category: DifficultyCategory): string {
  return rng.pick(DIFFICULTY_TEXTS[category] ?? DIFFICULTY_TEXTS.OTHER ?? ["Difficulté signalée."]);
}

type DifficultyPlan = { category: DifficultyCategory; reportedAt: Date; byInstructor: boolean; resolvedAt: Date | null };

function difficultyPlan(ctx: PlanContext, journey: Journey): DifficultyPlan | null {
  const { rng, now } = ctx;
  switch (journey.outcome) {
    case "SUSPENDED":
      return {
        category: rng.pick<DifficultyCategory>(["PERSONAL", "FINANCIAL", "MOBILITY", "ATTENDANCE"]),
        reportedAt: addDays(journey.end, -rng.int(0, 5)),
        byInstructor: false,
        resolvedAt: null,
      };
    case "DROPPED":
      if (!journey.enrolment.isCurrent || !rng.chance(0.5)) return null;
      return {
        category: rng.pick<DifficultyCategory>(["ATTENDANCE", "PERSONAL", "FINANCIAL"]),
        reportedAt: addDays(journey.end, -rng.int(10, 30)),
        byInstructor: true,
        resolvedAt: null,
      };
    case "ACTIVE": {
      if (!rng.chance(0.07)) return null;
      const reportedAt = parisTime(addDays(startOfUtcDay(now), -rng.int(2, 60)), rng.int(9, 17));
      const resolvedAt = addDays(reportedAt, rng.int(5, 14));
      return {
        category: rng.pick<DifficultyCategory>(["LEARNING", "COGNITIVE", "MOBILITY", "FINANCIAL", "ATTENDANCE", "OTHER"]),
        reportedAt,
        byInstructor: rng.chance(0.6),
        resolvedAt: resolvedAt < now && rng.chance(0.6) ? resolvedAt : null,
      };
    }
    case "LICENSED": {
      if (!rng.chance(0.05) || !journey.licenceOn) return null;
      const days = daysBetween(journey.start, journey.licenceOn);
      const reportedAt = addDays(journey.start, rng.int(10, Math.max(11, days - 10)));
      return {
        category: rng.pick<DifficultyCategory>(["LEARNING", "MOBILITY", "FINANCIAL"]),
        reportedAt,
        byInstructor: true,
        resolvedAt: addDays(reportedAt, rng.int(7, 30)),
      };
    }
  }
}

/** Where a recommendation made after a difficulty stands today: most were accepted (the resolved
 * difficulty's carried out), a few declined, the most recent still to decide. */
function recommendationState(ctx: PlanContext, createdAt: Date, resolved: boolean): "PROPOSED" | "ACCEPTED" | "DECLINED" | "DONE" {
  if (daysBetween(createdAt, ctx.now) < 7 && ctx.rng.chance(0.5)) return "PROPOSED";
  if (ctx.rng.chance(0.1)) return "DECLINED";
  return resolved && ctx.rng.chance(0.7) ? "DONE" : "ACCEPTED";
}

type RecommendationPlan = { youthId: string; counsellorId: string; proposerId: string; category: DifficultyCategory; createdAt: Date };

function addRecommendation(ctx: PlanContext, plan: RecommendationPlan, resolvedAt: Date | null): void {
  const recommendation = RECOMMENDATIONS[plan.category];
  const { createdAt, counsellorId } = plan;
  const status = recommendationState(ctx, createdAt, resolvedAt !== null);
  const decidedAt = earlier(addDays(createdAt, ctx.rng.int(0, 2)), ctx.now);
  const doneAt = earlier(resolvedAt && resolvedAt > decidedAt ? resolvedAt : addDays(decidedAt, ctx.rng.int(3, 10)), ctx.now);
  const acknowledgedAt = addDays(decidedAt, ctx.rng.int(1, 3));
  const decided = status !== "PROPOSED";
  const accepted = status === "ACCEPTED" || status === "DONE";
  ctx.rows.recommendations.push({
    id: ctx.ids.next("recommendation"),
    youthId: plan.youthId,
    authorId: plan.proposerId,
    kind: recommendation.kind,
    status,
    text: recommendation.text,
    dueOn: addDays(startOfUtcDay(createdAt), 14),
    lessonsPerWeek: recommendation.lessonsPerWeek ?? null,
    createdAt,
    decidedById: decided ? counsellorId : null,
    decidedAt: decided ? decidedAt : null,
    decisionNote: status === "DECLINED" ? "Déjà prévu autrement avec l'auto-école." : null,
    doneById: status === "DONE" ? counsellorId : null,
    doneAt: status === "DONE" ? doneAt : null,
    acknowledgedAt: accepted && acknowledgedAt < ctx.now && ctx.rng.chance(0.6) ? acknowledgedAt : null,
  });
}

export function buildDifficulties(ctx: PlanContext, journeys: readonly Journey[]): void {
  for (const journey of journeys) {
    if (journey.applicant.showcase) continue;
    const plan = difficultyPlan(ctx, journey);
    if (!plan) continue;
    const youthId = journey.applicant.youth.id;
    const counsellorId = ctx.org.counsellorIds[journey.applicant.missionLocale];
    const reportedAt = earlier(plan.reportedAt, ctx.now);
    ctx.rows.difficulties.push({
      id: ctx.ids.next("difficulty"),
      youthId,
      enrolmentId: journey.enrolment.id,
      category: plan.category,
      description: describe(ctx.rng, plan.category),
      reportedById: plan.byInstructor ? (journey.instructorIds[0] ?? counsellorId) : counsellorId,
      reportedAt,
      resolvedAt: plan.resolvedAt,
      resolvedById: plan.resolvedAt ? counsellorId : null,
    });
    const recommendedAt = addDays(reportedAt, ctx.rng.int(1, 5));
    if (ctx.rng.chance(0.6) && recommendedAt < ctx.now) {
      // A school that reports a difficulty sometimes proposes the adjustment itself.
      const proposerId = plan.byInstructor && ctx.rng.chance(0.3) ? (journey.instructorIds[0] ?? counsellorId) : counsellorId;
      addRecommendation(ctx, { youthId, counsellorId, proposerId, category: plan.category, createdAt: recommendedAt }, plan.resolvedAt);
    }
  }
}

/** The demo young person's file: a resolved transport problem and a recommendation in each state
 * (carried out, accepted and still to read, declined, proposed by the school and still to decide). */
export function buildDemoYouthFollowUp(ctx: PlanContext, journey: Journey): void {
  const youthId = journey.applicant.youth.id;
  const referentId = ctx.org.accountIds.referentOrleans;
  const reportedAt = parisTime(addDays(journey.start, 12), 15);
  ctx.rows.difficulties.push({
    id: ctx.ids.next("difficulty"),
    youthId,
    enrolmentId: journey.enrolment.id,
    category: "MOBILITY",
    description: "Pas de bus le samedi matin pour rejoindre l'auto-école depuis le fournil.",
    reportedById: referentId,
    reportedAt,
    resolvedAt: addDays(reportedAt, 9),
    resolvedById: referentId,
  });
  const paceAgreedAt = addDays(startOfUtcDay(ctx.now), -6);
  const schoolId = journey.instructorIds[0] ?? referentId;
  ctx.rows.recommendations.push(
    {
      id: ctx.ids.next("recommendation"),
      youthId,
      authorId: referentId,
      kind: "SUPPORT_MOBILITY",
      status: "DONE",
      text: "Le moniteur vient te chercher au fournil le samedi : les leçons commencent devant la boulangerie.",
      dueOn: startOfUtcDay(addDays(reportedAt, 9)),
      createdAt: addDays(reportedAt, 2),
      decidedById: referentId,
      decidedAt: addDays(reportedAt, 2),
      doneById: schoolId,
      doneAt: addDays(reportedAt, 9),
      acknowledgedAt: addDays(reportedAt, 3),
    },
    {
      id: ctx.ids.next("recommendation"),
      youthId,
      authorId: referentId,
      kind: "PACE_CHANGE",
      status: "ACCEPTED",
      text: "Code réussi, bravo ! On passe à deux leçons de conduite par semaine, le mardi et le jeudi après le CFA.",
      dueOn: addDays(paceAgreedAt, 14),
      lessonsPerWeek: 2,
      createdAt: paceAgreedAt,
      decidedById: referentId,
      decidedAt: paceAgreedAt,
      acknowledgedAt: null,
    },
    {
      id: ctx.ids.next("recommendation"),
      youthId,
      authorId: schoolId,
      kind: "EXTRA_LESSONS",
      status: "DECLINED",
      text: "Deux leçons de conduite le samedi matin pour avancer plus vite.",
      dueOn: addDays(paceAgreedAt, 7),
      createdAt: addDays(paceAgreedAt, -2),
      decidedById: referentId,
      decidedAt: addDays(paceAgreedAt, -1),
      decisionNote: "Inès travaille au fournil le samedi matin : une leçon ce jour-là suffit, on garde le mardi et le jeudi.",
    },
    {
      id: ctx.ids.next("recommendation"),
      youthId,
      authorId: schoolId,
      kind: "MOCK_EXAM",
      status: "PROPOSED",
      text: "Un examen blanc sur le parcours de l'examen avant de demander une date de passage.",
      dueOn: addDays(startOfUtcDay(ctx.now), 21),
      createdAt: addDays(startOfUtcDay(ctx.now), -1),
    },
  );
}

type Wave = { months: number; dueOn: Date };

function employedProbability(status: string, hasLicence: boolean, assigned: boolean, wave: number): number {
  const base: Record<string, number> = { EMPLOYEE: 0.6, APPRENTICE: 0.55, INTERN: 0.3, JOB_SEEKER: 0.25, STUDENT: 0.2, OTHER: 0.2 };
  return Math.min(0.95, (base[status] ?? 0.25) + (hasLicence ? 0.15 : 0) + (assigned ? 0.04 : 0) + 0.05 * wave);
}

/** Licence date in reality: the programme's for those who learned in it, else some pass it on their own. */
function licenceDateOf(rng: Rng, applicant: Applicant, journey: Journey | undefined): Date | null {
  if (journey?.licenceOn) return journey.licenceOn;
  if (journey) return rng.chance(0.15) ? addDays(journey.end, rng.int(60, 500)) : null;
  return rng.chance(0.4) ? parisTime(addDays(applicant.cohort.drawDate, rng.int(90, 900)), 10) : null;
}

/** A survey's situation (src/domain/survey.ts): an apprentice stays one the first year. */
function surveyEmployment(rng: Rng, employed: boolean, stillApprentice: boolean): SurveyEmploymentStatus {
  if (!employed) {
    return rng.weighted<SurveyEmploymentStatus>([
      ["JOB_SEEKER", 60],
      ["TRAINING", 30],
      ["INACTIVE", 10],
    ]);
  }
  if (stillApprentice) return "APPRENTICESHIP";
  return rng.weighted<SurveyEmploymentStatus>([
    ["CDI", 40],
    ["CDD", 35],
    ["INTERIM", 20],
    ["APPRENTICESHIP", 5],
  ]);
}

function answerRate(months: number, treated: boolean): number {
  return (months === 6 ? 0.88 : months === 12 ? 0.82 : 0.72) + (treated ? 0.05 : 0);
}

function surveyRows(ctx: PlanContext, applicant: Applicant, licenceOn: Date | null, waves: readonly Wave[]): void {
  const { rng } = ctx;
  const recordedById = ctx.org.counsellorIds[applicant.missionLocale];
  for (const [index, wave] of waves.entries()) {
    const base = {
      id: ctx.ids.next("followUpSurvey"),
      youthId: applicant.youth.id,
      cohortId: applicant.cohort.id,
      monthsAfter: wave.months,
      dueOn: wave.dueOn,
    };
    if (wave.dueOn >= ctx.now) {
      ctx.rows.followUpSurveys.push({ ...base, status: "PENDING" });
      continue;
    }
    if (!rng.chance(answerRate(wave.months, applicant.treated))) {
      ctx.rows.followUpSurveys.push({ ...base, status: "UNREACHABLE", recordedById });
      continue;
    }
    const answeredAt = earlier(addDays(wave.dueOn, rng.int(0, 25)), ctx.now);
    const hasLicence = licenceOn !== null && licenceOn <= answeredAt;
    const employed = rng.chance(employedProbability(applicant.youth.employmentStatus, hasLicence, applicant.assigned, index));
    const employmentStatus = surveyEmployment(rng, employed, applicant.youth.employmentStatus === "APPRENTICE" && wave.months <= 12);
    ctx.rows.followUpSurveys.push({
      ...base,
      status: "ANSWERED",
      answeredAt,
      hasLicence,
      licenceObtainedOn: hasLicence && licenceOn ? startOfUtcDay(licenceOn) : null,
      employed: isEmployed(employmentStatus),
      employmentStatus,
      carAccess: rng.chance(hasLicence ? 0.7 : 0.25),
      recordedById,
    });
  }
}

/** Surveys at 6, 12 and 24 months for everyone ranked in a draw (treatment and control alike), as
 * the draw's validation creates them (src/features/surveys/service.ts): due on the draw's day that
 * many months later; for the cohort in progress they are all still to come. */
export function buildSurveys(ctx: PlanContext, applicants: readonly Applicant[], journeys: readonly Journey[]): void {
  const currentJourney = new Map(journeys.filter((j) => j.enrolment.isCurrent).map((j) => [j.applicant.youth.id, j]));
  for (const applicant of applicants) {
    if (applicant.rank === 0) continue;
    const waves = SURVEY_MONTHS.map((m) => ({ months: m, dueOn: surveyDueOn(applicant.cohort.drawDate, m) }));
    const licenceOn = licenceDateOf(ctx.rng, applicant, currentJourney.get(applicant.youth.id));
    surveyRows(ctx, applicant, licenceOn, waves);
  }
}

export function buildResources(ctx: PlanContext): void {
  for (const { questions, ...resource } of RESOURCES) {
    const id = ctx.ids.next("resource");
    ctx.rows.resources.push({
      id,
      ...resource,
      url: resource.url ?? null,
      bodyHtml: renderMarkdown(resource.body),
      isPublished: true,
      createdAt: addDays(startOfUtcDay(ctx.now), -200),
    });
    questions?.forEach((question, index) => {
      ctx.rows.quizQuestions.push({
        id: ctx.ids.next("quizQuestion"),
        resourceId: id,
        position: index + 1,
        prompt: question.prompt,
        choices: JSON.stringify(question.choices),
        answerIndex: question.answerIndex,
        explanation: question.explanation,
      });
    });
  }
}

type NotificationSpec = { userId: string; title: string; body: string; link: string | null; createdAt: Date; read: boolean };

function notify(ctx: PlanContext, spec: NotificationSpec): void {
  const createdAt = earlier(spec.createdAt, ctx.now);
  ctx.rows.notifications.push({
    id: ctx.ids.next("notification"),
    userId: spec.userId,
    title: spec.title,
    body: spec.body,
    link: spec.link,
    createdAt,
    readAt: spec.read ? (addDays(createdAt, 1) < ctx.now ? addDays(createdAt, 1) : ctx.now) : null,
  });
}

function difficultyNotices(
  ctx: PlanContext,
  userId: string,
  missionLocaleId: string,
  youths: ReadonlyMap<string, YouthRow>,
  count: number,
): void {
  const open = ctx.rows.difficulties
    .filter((d: DifficultyRow) => d.resolvedAt === null && youths.get(d.youthId)?.missionLocaleId === missionLocaleId)
    .sort((a, b) => new Date(b.reportedAt ?? 0).getTime() - new Date(a.reportedAt ?? 0).getTime())
    .slice(0, count);
  for (const [index, difficulty] of open.entries()) {
    const youth = youths.get(difficulty.youthId);
    if (!youth) continue;
    notify(ctx, {
      userId,
      title: "Nouvelle difficulté signalée",
      body: `${youth.firstName} ${youth.lastName} : ${difficulty.description}`,
      link: `/youths/${youth.id}`,
      createdAt: new Date(difficulty.reportedAt ?? ctx.now),
      read: index === count - 1,
    });
  }
}

export function buildNotifications(ctx: PlanContext, cohortName: string, demoJourney: Journey | undefined): void {
  const { accountIds, missionLocaleIds, counsellorIds } = ctx.org;
  const youths = new Map(ctx.rows.youths.map((y) => [y.id, y]));
  const today = startOfUtcDay(ctx.now);
  difficultyNotices(ctx, accountIds.referentOrleans, missionLocaleIds.ORLEANS, youths, 3);
  difficultyNotices(ctx, accountIds.referentMontargis, missionLocaleIds.MONTARGIS, youths, 2);
  difficultyNotices(ctx, counsellorIds.PITHIVIERS, missionLocaleIds.PITHIVIERS, youths, 2);

  const staffNotices: NotificationSpec[] = [
    {
      userId: accountIds.admin,
      title: "Tirages validés",
      body: `Les trois tirages de la cohorte ${cohortName} ont été validés par le comité de pilotage.`,
      link: null,
      createdAt: addDays(today, -115),
      read: true,
    },
    {
      userId: accountIds.admin,
      title: "Enquêtes à 6 mois",
      body: `Les enquêtes à 6 mois de la cohorte ${cohortName} commencent dans deux mois.`,
      link: null,
      createdAt: addDays(today, -2),
      read: false,
    },
    {
      userId: accountIds.evaluator,
      title: "Enquêtes à 24 mois terminées",
      body: "Les réponses de la première cohorte sont complètes : l'export d'évaluation est à jour.",
      link: null,
      createdAt: addDays(today, -20),
      read: false,
    },
    {
      userId: accountIds.schoolOrleans,
      title: "Planning du jour",
      body: "Vos leçons du jour sont à jour. Pensez à saisir les présences après chaque leçon.",
      link: "/",
      createdAt: parisTime(today, 7),
      read: false,
    },
    {
      userId: accountIds.schoolMontargis,
      title: "Préconisation de la Mission Locale",
      body: "Une référente a ajouté une préconisation pour l'un de vos élèves.",
      link: "/",
      createdAt: addDays(today, -3),
      read: false,
    },
  ];
  for (const notice of staffNotices) notify(ctx, notice);
  if (demoJourney) demoYouthNotices(ctx, demoJourney, today);
}

function demoYouthNotices(ctx: PlanContext, journey: Journey, today: Date): void {
  const userId = ctx.org.accountIds.youth;
  const referentName = DEMO_ACCOUNTS.find((a) => a.key === "referentOrleans")?.displayName ?? "Ta référente";
  notify(ctx, {
    userId,
    title: "Code réussi !",
    body: "Félicitations pour ton examen du code. Prochaine étape : la conduite.",
    link: "/me",
    createdAt: addDays(journey.start, 52),
    read: true,
  });
  notify(ctx, {
    userId,
    title: "Nouvelle préconisation de ta référente",
    body: `${referentName} a ajouté une préconisation sur le rythme de tes leçons.`,
    link: "/me",
    createdAt: addDays(today, -6),
    read: false,
  });
  const next = journey.lessons.find((l) => l.startsAt >= ctx.now);
  if (next) {
    notify(ctx, {
      userId,
      title: "Leçon programmée",
      body: `Prochaine leçon de conduite : ${frenchDateTime(next.startsAt)}.`,
      link: "/me",
      createdAt: addDays(today, -1),
      read: false,
    });
  }
}
