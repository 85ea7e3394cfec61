// Closed value sets stored as strings (SQLite has no enums here). The names are DESIGN.md's.

export const ROLES = ["ADMIN", "REFERENT", "SCHOOL", "YOUTH", "EVALUATOR"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Coordination",
  REFERENT: "Référent·e Mission Locale",
  SCHOOL: "Auto-école",
  YOUTH: "Jeune",
  EVALUATOR: "Évaluation",
};

export const GENDERS = ["FEMALE", "MALE", "OTHER"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { FEMALE: "Femme", MALE: "Homme", OTHER: "Autre" };

export const APPLICATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "ELIGIBLE",
  "INELIGIBLE",
  "SELECTED",
  "WAITLISTED",
  "WITHDRAWN",
] as const;
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

export const DRAW_OUTCOMES = ["SELECTED", "WAITLISTED"] as const;
export type DrawOutcome = (typeof DRAW_OUTCOMES)[number];

export const ENROLMENT_STATUSES = ["ACTIVE", "SUSPENDED", "COMPLETED", "DROPPED"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  ACTIVE: "En formation",
  SUSPENDED: "Suspendue",
  COMPLETED: "Terminée",
  DROPPED: "Abandon",
};

export const GEARBOXES = ["MANUAL", "AUTOMATIC"] as const;
export type Gearbox = (typeof GEARBOXES)[number];

export const LESSON_KINDS = ["DRIVING", "THEORY", "ASSESSMENT", "MOCK_EXAM"] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  DRIVING: "Conduite",
  THEORY: "Code",
  ASSESSMENT: "Évaluation",
  MOCK_EXAM: "Examen blanc",
};

export const ATTENDANCES = ["SCHEDULED", "PRESENT", "LATE", "ABSENT_EXCUSED", "ABSENT_UNEXCUSED", "CANCELLED"] as const;
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

export const SKILL_LEVELS = ["NOT_STARTED", "IN_PROGRESS", "ACQUIRED"] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const EXAM_KINDS = ["THEORY", "PRACTICAL"] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export const EXAM_RESULTS = ["PASSED", "FAILED", "ABSENT"] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];
export const EXAM_RESULT_LABELS: Record<ExamResult, string> = { PASSED: "Réussi", FAILED: "Échoué", ABSENT: "Absent·e" };

export const PAYERS = ["PROGRAMME", "YOUTH"] as const;
export type Payer = (typeof PAYERS)[number];

export const DIFFICULTY_CATEGORIES = [
  "ATTENDANCE",
  "LEARNING",
  "COGNITIVE",
  "FINANCIAL",
  "MOBILITY",
  "PERSONAL",
  "OTHER",
] as const;
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

export const SURVEY_STATUSES = ["PENDING", "ANSWERED", "UNREACHABLE"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_MONTHS = [6, 12, 24] as const;

export const RESOURCE_KINDS = ["ARTICLE", "VIDEO", "QUIZ", "DOCUMENT", "LINK"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
