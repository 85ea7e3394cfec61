// Early warnings on a young person's training: the signs that they need closer support, each with
// its reason in figures and an adjustment a counsellor can turn into a recommendation. Pure rules
// over facts computed elsewhere (src/features/progress/service.ts, warningFacts). docs/warnings.md
// explains each threshold.
import {
  DIFFICULTY_CATEGORIES,
  DIFFICULTY_CATEGORY_LABELS,
  type DifficultyCategory,
  type EnrolmentStatus,
  type ExamKind,
  type ExamResult,
  type RecommendationKind,
} from "./enums.ts";
import { SKILLS } from "./remc.ts";
import { earliest, formatDate, formatEuros, formatHours } from "./time.ts";

export const WARNING_THRESHOLDS = {
  /** NO_RECENT_LESSON: whole days since the last attended lesson. */
  idleDays: 21,
  /** ABSENCES: unexcused absences in a row, the latest recorded lessons. */
  unexcusedInARow: 2,
  /** ABSENCES: the attendance rate is taken over the latest recorded lessons, this many at most… */
  attendanceWindow: 10,
  /** …once this many are recorded: below, one absence weighs 20 % or more and says little. */
  attendanceMinRecorded: 5,
  /** …and warns under this rate, in per cent. */
  attendanceMinPercent: 80,
  /** STALLED_SKILL: a skill still in progress after more than this many attended driving lessons. */
  stalledSkillLessons: 6,
  /** CONTRIBUTION_DUE: whole days after enrolment by which the contribution should be paid. */
  contributionDays: 60,
  /** HOURS_OVERRUN: driving hours above the forecast by more than this, in per cent. */
  hoursOverrunPercent: 25,
  /** ASSESSMENT_MISSING: whole days after enrolment without an initial assessment. */
  assessmentDays: 14,
} as const;

/** Most serious first: the order warnings are listed in. */
export const WARNING_ORDER = [
  "NO_RECENT_LESSON",
  "ABSENCES",
  "OPEN_DIFFICULTY",
  "EXAM_FAILED",
  "STALLED_SKILL",
  "HOURS_OVERRUN",
  "CONTRIBUTION_DUE",
  "ASSESSMENT_MISSING",
] as const;
export type WarningCode = (typeof WARNING_ORDER)[number];

/** Short names of the warnings, for badges and filters. */
export const WARNING_LABELS: Record<WarningCode, string> = {
  NO_RECENT_LESSON: "Pas de leçon récente",
  ABSENCES: "Absences",
  OPEN_DIFFICULTY: "Difficulté en cours",
  EXAM_FAILED: "Examen échoué",
  STALLED_SKILL: "Compétence bloquée",
  HOURS_OVERRUN: "Heures dépassées",
  CONTRIBUTION_DUE: "Participation à régler",
  ASSESSMENT_MISSING: "Évaluation de départ à faire",
};
type Severity = "HIGH" | "MEDIUM" | "LOW";

export const SEVERITY_OF: Record<WarningCode, Severity> = {
  NO_RECENT_LESSON: "HIGH",
  ABSENCES: "HIGH",
  OPEN_DIFFICULTY: "HIGH",
  EXAM_FAILED: "MEDIUM",
  STALLED_SKILL: "MEDIUM",
  HOURS_OVERRUN: "MEDIUM",
  CONTRIBUTION_DUE: "MEDIUM",
  ASSESSMENT_MISSING: "LOW",
};

export type Warning = {
  code: WarningCode;
  severity: Severity;
  reason: string;
  suggestion: { kind: RecommendationKind; text: string };
};

/** Everything the rules need about one enrolment. */
export type WarningFacts = {
  status: EnrolmentStatus;
  enrolledAt: Date;
  initialAssessmentAt: Date | null;
  forecastHours: number | null;
  /** This enrolment's driving minutes attended (present or late, not THEORY lessons). */
  drivingMinutes: number;
  /** This enrolment's latest attended lesson (present or late, any kind), up to now. */
  lastAttended: Date | null;
  /** ABSENT_UNEXCUSED in a row among this enrolment's latest recorded lessons (past, neither
   * SCHEDULED nor CANCELLED). */
  unexcusedInARow: number;
  /** Of the latest attendanceWindow recorded lessons: how many there are, how many attended. */
  recentRecorded: number;
  recentAttended: number;
  /** Over the learner's booklet (all enrolments): the skill currently IN_PROGRESS with the most
   * attended driving lessons (all enrolments) since its current in-progress streak began. */
  stalledSkill: { code: string; lessons: number } | null;
  /** The learner's latest exam by date (all enrolments; same day: the one recorded last). */
  latestExam: { kind: ExamKind; date: Date; result: ExamResult } | null;
  /** The cohort's contribution, what the learner paid over their enrolments in that cohort, and
   * since when they are enrolled in it (the first of those enrolments). */
  contribution: { dueCents: number; paidCents: number; since: Date };
  /** The programme's aid over the learner's enrolments in that cohort: its cap and what was paid
   * (null in summaries computed before it was kept). */
  aid: { capCents: number; paidCents: number } | null;
  /** The learner's difficulties not resolved, counted per category. */
  openDifficulties: Partial<Record<DifficultyCategory, number>>;
};

const DAY_MS = 86_400_000;
const wholeDaysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const SKILL_LABELS = new Map(SKILLS.map((skill) => [skill.code, skill.label]));
const EXAM_NAMES: Record<ExamKind, string> = { THEORY: "Examen du code", PRACTICAL: "Examen pratique" };

const DIFFICULTY_SUGGESTIONS: Record<DifficultyCategory, Warning["suggestion"]> = {
  ATTENDANCE: { kind: "PACE_CHANGE", text: "Adapter le rythme des leçons à ses contraintes" },
  LEARNING: { kind: "EXTRA_LESSONS", text: "Proposer des leçons supplémentaires sur les points difficiles" },
  COGNITIVE: { kind: "SUPPORT_HEALTH", text: "Orienter vers un accompagnement adapté à ses difficultés de compréhension" },
  FINANCIAL: { kind: "OTHER", text: "Orienter vers une aide financière (fonds d'aide aux jeunes)" },
  MOBILITY: { kind: "SUPPORT_MOBILITY", text: "Orienter vers une aide à la mobilité pour se rendre aux leçons" },
  PERSONAL: { kind: "OTHER", text: "Faire le point avec le jeune et l'orienter vers l'accompagnement adapté" },
  OTHER: { kind: "OTHER", text: "Faire le point avec le jeune et l'orienter vers l'accompagnement adapté" },
};

type Rule = (facts: WarningFacts, now: Date) => Omit<Warning, "code" | "severity"> | null;

const RULES: Record<WarningCode, Rule> = {
  NO_RECENT_LESSON: ({ lastAttended }, now) => {
    if (!lastAttended) return null;
    const days = wholeDaysBetween(lastAttended, now);
    if (days < WARNING_THRESHOLDS.idleDays) return null;
    return {
      reason: `Aucune leçon depuis ${days} jours (dernière le ${formatDate(lastAttended)})`,
      suggestion: { kind: "PACE_CHANGE", text: "Faire le point avec le jeune et reprendre à une leçon par semaine" },
    };
  },

  ABSENCES: ({ unexcusedInARow, recentRecorded, recentAttended }) => {
    const reasons: string[] = [];
    if (unexcusedInARow >= WARNING_THRESHOLDS.unexcusedInARow) reasons.push(`${unexcusedInARow} absences non excusées de suite`);
    if (
      recentRecorded >= WARNING_THRESHOLDS.attendanceMinRecorded &&
      recentAttended * 100 < WARNING_THRESHOLDS.attendanceMinPercent * recentRecorded
    ) {
      const percent = Math.round((recentAttended * 100) / recentRecorded);
      reasons.push(`présent·e à ${recentAttended} des ${recentRecorded} dernières leçons (${percent} %)`);
    }
    if (reasons.length === 0) return null;
    const reason = reasons.join(" ; ");
    return {
      reason: reason.charAt(0).toUpperCase() + reason.slice(1),
      suggestion: {
        kind: "OTHER",
        text: "Faire le point avec le jeune sur ses absences (horaires, trajets, santé) et adapter le planning",
      },
    };
  },

  OPEN_DIFFICULTY: ({ openDifficulties }) => {
    const open = DIFFICULTY_CATEGORIES.filter((category) => (openDifficulties[category] ?? 0) > 0);
    const count = open.reduce((sum, category) => sum + (openDifficulties[category] ?? 0), 0);
    if (count === 0) return null;
    // The category reported most often leads the suggestion (ties: the list's order).
    const main = open.reduce((best, category) => ((openDifficulties[category] ?? 0) > (openDifficulties[best] ?? 0) ? category : best));
    const labels = open.map((category) => DIFFICULTY_CATEGORY_LABELS[category]).join(", ");
    return {
      reason: `${plural(count, "difficulté signalée non résolue", "difficultés signalées non résolues")} (${labels})`,
      suggestion: DIFFICULTY_SUGGESTIONS[main],
    };
  },

  EXAM_FAILED: ({ latestExam }) => {
    if (latestExam?.result !== "FAILED") return null;
    return {
      reason: `${EXAM_NAMES[latestExam.kind]} échoué le ${formatDate(latestExam.date)}`,
      suggestion: { kind: "MOCK_EXAM", text: "Proposer un examen blanc avant la prochaine présentation" },
    };
  },

  STALLED_SKILL: ({ stalledSkill }) => {
    if (!stalledSkill || stalledSkill.lessons <= WARNING_THRESHOLDS.stalledSkillLessons) return null;
    const label = SKILL_LABELS.get(stalledSkill.code);
    const skill = label ? `${stalledSkill.code} « ${label} »` : stalledSkill.code;
    return {
      reason: `Compétence ${skill} en cours d'acquisition depuis ${stalledSkill.lessons} leçons de conduite`,
      suggestion: { kind: "EXTRA_LESSONS", text: `Planifier une leçon d'évaluation sur la compétence ${stalledSkill.code}` },
    };
  },

  HOURS_OVERRUN: ({ forecastHours, drivingMinutes }) => {
    if (!forecastHours || forecastHours <= 0) return null;
    const forecastMinutes = forecastHours * 60;
    if (drivingMinutes * 100 <= forecastMinutes * (100 + WARNING_THRESHOLDS.hoursOverrunPercent)) return null;
    const percent = Math.ceil(((drivingMinutes - forecastMinutes) * 100) / forecastMinutes);
    return {
      reason: `${formatHours(drivingMinutes)} de conduite pour ${forecastHours} h prévues (+${percent} %)`,
      suggestion: { kind: "MOCK_EXAM", text: "Proposer un examen blanc pour situer ce qui reste à acquérir" },
    };
  },

  CONTRIBUTION_DUE: ({ contribution: { dueCents, paidCents, since } }, now) => {
    const days = wholeDaysBetween(since, now);
    if (paidCents >= dueCents || days < WARNING_THRESHOLDS.contributionDays) return null;
    return {
      reason: `Participation versée : ${formatEuros(paidCents)} sur ${formatEuros(dueCents)}, ${days} jours après l'inscription`,
      suggestion: {
        kind: "OTHER",
        text: `Proposer un échéancier pour les ${formatEuros(dueCents - paidCents)} restants de la participation`,
      },
    };
  },

  ASSESSMENT_MISSING: ({ initialAssessmentAt, enrolledAt }, now) => {
    const days = wholeDaysBetween(enrolledAt, now);
    if (initialAssessmentAt || days < WARNING_THRESHOLDS.assessmentDays) return null;
    return {
      reason: `Inscrit·e depuis ${days} jours sans évaluation de départ`,
      suggestion: { kind: "OTHER", text: "Demander à l'auto-école de planifier l'évaluation de départ" },
    };
  },
};

/** A suspended training is paused on purpose: only what calls for support while it is paused (an
 * open difficulty) is raised; a completed or dropped one raises nothing. */
const RULES_BY_STATUS: Record<EnrolmentStatus, readonly WarningCode[]> = {
  ACTIVE: WARNING_ORDER,
  SUSPENDED: ["OPEN_DIFFICULTY"],
  COMPLETED: [],
  DROPPED: [],
};

/** The enrolment's warnings, most serious first (WARNING_ORDER). */
export function warningsOf(facts: WarningFacts, now: Date): Warning[] {
  return RULES_BY_STATUS[facts.status].flatMap((code) => {
    const found = RULES[code](facts, now);
    return found ? [{ code, severity: SEVERITY_OF[code], ...found }] : [];
  });
}

/** The codes of warnings in the order they are stored and listed. */
export function warningCodes(warnings: readonly Warning[]): WarningCode[] {
  return warnings.map((warning) => warning.code);
}

/** A warning list's place in the caseload: the index of its most serious code, or after them all. */
export function warningRank(codes: readonly WarningCode[]): number {
  return codes.length === 0 ? WARNING_ORDER.length : Math.min(...codes.map((code) => WARNING_ORDER.indexOf(code)));
}

/**
 * The first instant after `now` at which the passing of time alone may change the warnings computed
 * from these facts (a threshold in days is crossed), or null when none will. Facts that change with
 * a write (a lesson recorded, a payment) are not the concern here.
 */
export function warningsChangeAt(facts: WarningFacts, now: Date): Date | null {
  const after = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);
  const instants = [
    facts.lastAttended && after(facts.lastAttended, WARNING_THRESHOLDS.idleDays),
    facts.initialAssessmentAt ? null : after(facts.enrolledAt, WARNING_THRESHOLDS.assessmentDays),
    facts.contribution.paidCents >= facts.contribution.dueCents
      ? null
      : after(facts.contribution.since, WARNING_THRESHOLDS.contributionDays),
  ];
  return earliest(instants.filter((instant) => instant !== null && instant > now));
}
