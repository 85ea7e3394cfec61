// Formatting helpers available in every view (app.locals).
import * as enums from "../domain/enums.ts";
import { EMPLOYMENT_STATUS_LABELS, SKILL_LEVEL_LABELS, REMC } from "../domain/remc.ts";
import { formatDate, formatDateLong, formatDateTime, formatEuros, formatHours, formatTime } from "../domain/time.ts";

const DAY_NAMES = ["", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

export const viewHelpers = {
  formatDate,
  formatDateLong,
  formatDateTime,
  formatTime,
  formatEuros,
  formatHours,
  formatPercent: (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)} %`),
  formatNumber: (value: number) => new Intl.NumberFormat("fr-FR").format(value),
  dayName: (day: number) => DAY_NAMES[day] ?? "",
  labels: {
    role: enums.ROLE_LABELS,
    gender: enums.GENDER_LABELS,
    applicationStatus: enums.APPLICATION_STATUS_LABELS,
    enrolmentStatus: enums.ENROLMENT_STATUS_LABELS,
    lessonKind: enums.LESSON_KIND_LABELS,
    attendance: enums.ATTENDANCE_LABELS,
    examResult: enums.EXAM_RESULT_LABELS,
    difficultyCategory: enums.DIFFICULTY_CATEGORY_LABELS,
    employmentStatus: EMPLOYMENT_STATUS_LABELS,
    skillLevel: SKILL_LEVEL_LABELS,
  },
  remc: REMC,
};
