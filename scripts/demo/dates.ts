// Date helpers for the demo. Stored in UTC; lesson hours are chosen in Europe/Paris wall time.

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

function lastSundayOf(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Paris is UTC+2 from the last Sunday of March to the last Sunday of October (01:00 UTC), else UTC+1. */
function parisOffsetHours(utcDay: Date): number {
  const year = utcDay.getUTCFullYear();
  const summerStart = Date.UTC(year, 2, lastSundayOf(year, 2), 1);
  const summerEnd = Date.UTC(year, 9, lastSundayOf(year, 9), 1);
  const t = utcDay.getTime() + 12 * HOUR_MS;
  return t >= summerStart && t < summerEnd ? 2 : 1;
}

/** The instant of `hour:minute` Paris time on the (UTC) calendar day of `day`. */
export function parisTime(day: Date, hour: number, minute = 0): Date {
  const midnight = startOfUtcDay(day);
  return new Date(midnight.getTime() + (hour - parisOffsetHours(midnight)) * HOUR_MS + minute * 60_000);
}

export function ageOn(birthDate: Date, date: Date): number {
  let age = date.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    date.getUTCMonth() < birthDate.getUTCMonth() ||
    (date.getUTCMonth() === birthDate.getUTCMonth() && date.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);
}

export function frenchDateTime(date: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }).format(date);
}
