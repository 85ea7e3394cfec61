// Closed value sets: the Prisma enums of the schema (one source), as lists for zod and forms,
// with their French labels.
import {
  ApplicationStatus as APPLICATION_STATUS,
  Attendance as ATTENDANCE,
  DifficultyCategory as DIFFICULTY_CATEGORY,
  DrawOutcome as DRAW_OUTCOME,
  EnrolmentStatus as ENROLMENT_STATUS,
  ExamKind as EXAM_KIND,
  ExamResult as EXAM_RESULT,
  Gearbox as GEARBOX,
  Gender as GENDER,
  LessonKind as LESSON_KIND,
  Payer as PAYER,
  RecommendationKind as RECOMMENDATION_KIND,
  RecommendationStatus as RECOMMENDATION_STATUS,
  ResourceAudience as RESOURCE_AUDIENCE,
  ResourceKind as RESOURCE_KIND,
  Role as ROLE,
  SkillLevel as SKILL_LEVEL,
} from "../generated/prisma/enums.ts";

/** The values of a Prisma enum, in schema order, typed as a non-empty tuple for z.enum(). */
function valuesOf<T extends Record<string, string>>(values: T): readonly [T[keyof T], ...T[keyof T][]] {
  return Object.values(values) as [T[keyof T], ...T[keyof T][]];
}

export const ROLES = valuesOf(ROLE);
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Coordination",
  REFERENT: "Référent·e Mission Locale",
  SCHOOL: "Auto-école",
  YOUTH: "Jeune",
  EVALUATOR: "Évaluation",
};

export const GENDERS = valuesOf(GENDER);
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { FEMALE: "Femme", MALE: "Homme", OTHER: "Autre" };

export const APPLICATION_STATUSES = valuesOf(APPLICATION_STATUS);
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposée",
  ELIGIBLE: "Éligible",
  INELIGIBLE: "Non éligible",
  SELECTED: "Retenu·e",
  WAITLISTED: "Liste d'attente",
  WITHDRAWN: "Désisté·e",
};

export const DRAW_OUTCOMES = valuesOf(DRAW_OUTCOME);
export type DrawOutcome = (typeof DRAW_OUTCOMES)[number];

export const ENROLMENT_STATUSES = valuesOf(ENROLMENT_STATUS);
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  ACTIVE: "En formation",
  SUSPENDED: "Suspendue",
  COMPLETED: "Terminée",
  DROPPED: "Abandon",
};

export const GEARBOXES = valuesOf(GEARBOX);

export const LESSON_KINDS = valuesOf(LESSON_KIND);
export type LessonKind = (typeof LESSON_KINDS)[number];
export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  DRIVING: "Conduite",
  THEORY: "Code",
  ASSESSMENT: "Évaluation",
  MOCK_EXAM: "Examen blanc",
};

export const ATTENDANCES = valuesOf(ATTENDANCE);
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  SCHEDULED: "Prévue",
  PRESENT: "Présent·e",
  LATE: "En retard",
  ABSENT_EXCUSED: "Absence excusée",
  ABSENT_UNEXCUSED: "Absence non excusée",
  CANCELLED: "Annulée",
};
/** Only these count as hours done. */
export const ATTENDED: readonly Attendance[] = ["PRESENT", "LATE"];

export const SKILL_LEVELS = valuesOf(SKILL_LEVEL);
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const EXAM_KINDS = valuesOf(EXAM_KIND);
export type ExamKind = (typeof EXAM_KINDS)[number];
export const EXAM_RESULTS = valuesOf(EXAM_RESULT);
export type ExamResult = (typeof EXAM_RESULTS)[number];
export const EXAM_RESULT_LABELS: Record<ExamResult, string> = { PASSED: "Réussi", FAILED: "Échoué", ABSENT: "Absent·e" };

export const PAYERS = valuesOf(PAYER);
export type Payer = (typeof PAYERS)[number];

export const PAYER_LABELS: Record<Payer, string> = { PROGRAMME: "Aide du programme", YOUTH: "Participation du jeune" };

export const DIFFICULTY_CATEGORIES = valuesOf(DIFFICULTY_CATEGORY);
export type DifficultyCategory = (typeof DIFFICULTY_CATEGORIES)[number];
export const DIFFICULTY_CATEGORY_LABELS: Record<DifficultyCategory, string> = {
  ATTENDANCE: "Assiduité",
  LEARNING: "Apprentissage",
  COGNITIVE: "Compréhension",
  FINANCIAL: "Financière",
  MOBILITY: "Mobilité",
  PERSONAL: "Personnelle",
  OTHER: "Autre",
};

/** The adjustments that may be recommended (a warning's suggestion is one of them). */
export const RECOMMENDATION_KINDS = valuesOf(RECOMMENDATION_KIND);
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];
export const RECOMMENDATION_KIND_LABELS: Record<RecommendationKind, string> = {
  PACE_CHANGE: "Rythme des leçons",
  EXTRA_LESSONS: "Leçons supplémentaires",
  MOCK_EXAM: "Examen blanc",
  SUPPORT_MOBILITY: "Aide à la mobilité",
  SUPPORT_EMPLOYMENT: "Accompagnement emploi",
  SUPPORT_HEALTH: "Accompagnement santé",
  SUPPORT_HOUSING: "Aide au logement",
  OTHER: "Autre",
};

export const RECOMMENDATION_STATUSES = valuesOf(RECOMMENDATION_STATUS);
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  PROPOSED: "Proposée",
  ACCEPTED: "Acceptée",
  DECLINED: "Refusée",
  DONE: "Réalisée",
};

export const SURVEY_MONTHS = [6, 12, 24] as const;

export type ResourceKind = (typeof RESOURCE_KIND)[keyof typeof RESOURCE_KIND];
export const RESOURCE_KINDS = valuesOf(RESOURCE_KIND);

export const RESOURCE_AUDIENCES = valuesOf(RESOURCE_AUDIENCE);
export type ResourceAudience = (typeof RESOURCE_AUDIENCES)[number];
