// Dates are stored in UTC and shown in Europe/Paris.
export const TIME_ZONE = "Europe/Paris";

const DATE = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const DATE_LONG = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
const TIME = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});

export const formatDate = (date: Date | null | undefined): string => (date ? DATE.format(date) : "—");
export const formatDateLong = (date: Date | null | undefined): string => (date ? DATE_LONG.format(date) : "—");
export const formatDateTime = (date: Date | null | undefined): string => (date ? DATE_TIME.format(date) : "—");
export const formatTime = (date: Date | null | undefined): string => (date ? TIME.format(date) : "—");

type ParisParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function parisParts(date: Date): ParisParts {
  const parts = Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Mon") + 1,
  };
}

/** The UTC instant of a Paris wall-clock time (the offset is read at that instant: DST-safe). */
export function parisToUtc(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const shown = parisParts(new Date(guess));
  const offset = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute) - guess;
  return new Date(guess - offset);
}

export function startOfParisDay(date: Date): Date {
  const p = parisParts(date);
  return parisToUtc(p.year, p.month, p.day);
}

/** Monday 00:00, Paris time, of the week holding `date`. */
export function startOfParisWeek(date: Date): Date {
  const p = parisParts(date);
  return parisToUtc(p.year, p.month, p.day - (p.weekday - 1));
}

export function addDays(date: Date, days: number): Date {
  const p = parisParts(date);
  return parisToUtc(p.year, p.month, p.day + days, p.hour, p.minute);
}

/** Whole years between a birth date and a day (both UTC dates of the calendar day). */
export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function formatEuros(cents: number): string {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}
