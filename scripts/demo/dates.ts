// Date helpers for the demo. Stored in UTC; lesson hours are chosen in Europe/Paris wall time.
import { formatDateInWords, formatDateLong, formatTime, parisToUtc } from "../../src/domain/time.ts";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Same day of month `months` later (clamped to the month's last day), same time. */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** ISO weekday of a UTC day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** The instant of `hour:minute` Paris time on the (UTC) calendar day of `day`. */
export function parisTime(day: Date, hour: number, minute = 0): Date {
  return parisToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
}

/** "1 décembre 2026". */
export const frenchDate = formatDateInWords;

/** "mardi 1 décembre 2026 à 11:00". */
export function frenchDateTime(date: Date): string {
  return `${formatDateLong(date)} à ${formatTime(date)}`;
}
