// The follow-up surveys at 6, 12 and 24 months after the draw: the employment situation a youth
// declares, whether it counts as employed, and when a survey is due. Pure.
import { parisIsoDay, utcDay } from "./time.ts";

/** The seven situations a survey records, the employed ones first. */
export const EMPLOYMENT_STATUSES = ["CDI", "CDD", "INTERIM", "APPRENTICESHIP", "TRAINING", "JOB_SEEKER", "INACTIVE"] as const;
export type SurveyEmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const SURVEY_EMPLOYMENT_LABELS: Record<SurveyEmploymentStatus, string> = {
  CDI: "En CDI",
  CDD: "En CDD",
  INTERIM: "En intérim",
  APPRENTICESHIP: "En apprentissage (alternance)",
  TRAINING: "En formation",
  JOB_SEEKER: "À la recherche d'un emploi",
  INACTIVE: "Sans activité",
};

const EMPLOYED: ReadonlySet<SurveyEmploymentStatus> = new Set(["CDI", "CDD", "INTERIM", "APPRENTICESHIP"]);

/** Employed: a work contract of any length, apprenticeship included (paid under a work contract);
 * training, job seeking and inactivity are not employment. */
export function isEmployed(status: SurveyEmploymentStatus): boolean {
  return EMPLOYED.has(status);
}

/** The day a survey is due: the draw's Paris calendar day, `months` later (the month's last day
 * when it is shorter), stored as that day's UTC midnight like every calendar day. */
export function surveyDueOn(drawnAt: Date, months: number): Date {
  const [year, month, day] = parisIsoDay(drawnAt).split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)));
}

/** How long after its due day a pending survey counts as overdue. */
const OVERDUE_AFTER_DAYS = 30;

type SurveyDueState = "UPCOMING" | "DUE" | "OVERDUE" | "CLOSED";

/** Where a survey stands today (Paris): to come, due (from its day on), overdue (a month after),
 * or closed (answered or recorded unreachable). */
export function surveyDueState(survey: { status: string; dueOn: Date }, now: Date): SurveyDueState {
  if (survey.status !== "PENDING") return "CLOSED";
  const today = parisToday(now);
  if (today < survey.dueOn) return "UPCOMING";
  return today > overdueLimit(survey.dueOn) ? "OVERDUE" : "DUE";
}

/** The UTC midnight of today's Paris day: a pending survey whose dueOn is at most this is due. */
export function parisToday(now: Date): Date {
  return utcDay(parisIsoDay(now));
}

/** The last day a survey due on `dueOn` is merely due; overdue after it. */
function overdueLimit(dueOn: Date): Date {
  return new Date(dueOn.getTime() + OVERDUE_AFTER_DAYS * 86_400_000);
}

/** The due day under which a pending survey is overdue today. */
export function overdueBefore(now: Date): Date {
  return new Date(parisToday(now).getTime() - OVERDUE_AFTER_DAYS * 86_400_000);
}

export const SURVEY_DUE_STATE_LABELS: Record<SurveyDueState, string> = {
  UPCOMING: "À venir",
  DUE: "À faire",
  OVERDUE: "En retard",
  CLOSED: "Close",
};
