// Formatting helpers available in every view (app.locals).
import * as enums from "../domain/enums.ts";
import { EMPLOYMENT_STATUS_LABELS, SKILL_LEVEL_LABELS, REMC } from "../domain/remc.ts";
import { formatDate, formatDateLong, formatDateTime, formatEuros, formatHours, formatTime, parisIsoDay } from "../domain/time.ts";
import { WARNING_LABELS } from "../domain/warnings.ts";
import { formatAmount } from "../domain/money.ts";
import { shiftDay } from "./fields.ts";

const DAY_NAMES = ["", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

/** "06 12 34 56 78", "+33 (0)6 12 34 56 78", "0033…" → "+33612345678"; a number in another
 * shape keeps its digits (and a leading "+"). */
function internationalPhone(phone: string): string {
  const digits = phone.replace(/\(0\)/g, "").replace(/[^\d+]/g, "");
  if (/^0[1-9]\d{8}$/.test(digits)) return `+33${digits.slice(1)}`;
  if (digits.startsWith("0033")) return `+${digits.slice(2)}`;
  return digits.startsWith("+") ? `+${digits.slice(1).replace(/\+/g, "")}` : digits.replace(/\+/g, "");
}

/** The href of a phone number, so that a tap on a phone calls it (RFC 3966 global number). */
export function telHref(phone: string): string {
  return `tel:${internationalPhone(phone)}`;
}

/** A French number read in pairs, as people say it ("06 12 34 56 78"); any other shape as typed. */
export function formatPhone(phone: string): string {
  const international = internationalPhone(phone);
  if (!/^\+33[1-9]\d{8}$/.test(international)) return phone.trim();
  return `0${international.slice(3)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** "?a=1&b=2" from a list's filters, leaving out the empty ones ("" when none is left): the links
 * between a list's pages keep its filters. */
function queryString(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== "" && value !== false) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

const NUMBER = new Intl.NumberFormat("fr-FR");

export const viewHelpers = {
  queryString,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatTime,
  formatEuros,
  formatAmount,
  formatHours,
  formatPercent: (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)} %`),
  formatNumber: (value: number) => NUMBER.format(value),
  dayName: (day: number) => DAY_NAMES[day] ?? "",
  telHref,
  formatPhone,
  /** YYYY-MM-DD of the Paris day `days` from today (a date field's value, a default due date). */
  dayFromToday: (days: number) => shiftDay(parisIsoDay(new Date()), days),
  /** A chart's data as JSON inside a <script type="application/json"> (public/js/charts.js draws
   * it): "<" escaped, so that no label can close the element. */
  chartJson: (chart: unknown) => JSON.stringify(chart).replace(/</g, "\\u003c"),
  labels: {
    role: enums.ROLE_LABELS,
    gender: enums.GENDER_LABELS,
    applicationStatus: enums.APPLICATION_STATUS_LABELS,
    enrolmentStatus: enums.ENROLMENT_STATUS_LABELS,
    lessonKind: enums.LESSON_KIND_LABELS,
    attendance: enums.ATTENDANCE_LABELS,
    examResult: enums.EXAM_RESULT_LABELS,
    difficultyCategory: enums.DIFFICULTY_CATEGORY_LABELS,
    recommendationKind: enums.RECOMMENDATION_KIND_LABELS,
    recommendationStatus: enums.RECOMMENDATION_STATUS_LABELS,
    employmentStatus: EMPLOYMENT_STATUS_LABELS,
    skillLevel: SKILL_LEVEL_LABELS,
    warning: WARNING_LABELS,
    payer: enums.PAYER_LABELS,
  },
  remc: REMC,
};
