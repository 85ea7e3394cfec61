// Dates are stored in UTC and shown in Europe/Paris. The offset of each instant comes from the
// time-zone database through @date-fns/tz, never from hand-written clock-change rules.
import { TZDate, tz } from "@date-fns/tz";
import { addDays as addCalendarDays, addMonths as addCalendarMonths, startOfDay, startOfWeek } from "date-fns";
import { keptAnswers } from "./kept-answers.ts";

export const TIME_ZONE = "Europe/Paris";
const PARIS = { in: tz(TIME_ZONE) } as const;

// Display goes through Intl with the same time-zone database: date-fns' format() on a zoned date
// costs about 35 µs here against 4 µs, and a list page prints hundreds of dates. French spells
// months and weekdays in lower case ("1 décembre 2026"); a heading that starts with one
// capitalises its first letter in CSS only.
const formatter = (options: Intl.DateTimeFormatOptions) => {
  const intl = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, ...options });
  return (date: Date | null | undefined): string => (date ? intl.format(date) : "—");
};

export const formatDate = formatter({ day: "2-digit", month: "2-digit", year: "numeric" });
export const formatDateLong = formatter({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
/** "1 décembre 2026". */
export const formatDateInWords = formatter({ day: "numeric", month: "long", year: "numeric" });
export const formatDateTime = formatter({ day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
export const formatTime = formatter({ hour: "2-digit", minute: "2-digit" });

const dayInWeek = formatter({ weekday: "long", day: "numeric", month: "long" });

/** "mardi 3 mars à 14 h", "mardi 3 mars à 14 h 30": a moment as a notice to a person says it. */
export function formatMoment(date: Date): string {
  const { hour, minute } = parisParts(date);
  return `${dayInWeek(date)} à ${hour} h${minute === 0 ? "" : ` ${String(minute).padStart(2, "0")}`}`;
}

type ParisParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

export function parisParts(date: Date): ParisParts {
  const paris = new TZDate(date, TIME_ZONE);
  return {
    year: paris.getFullYear(),
    month: paris.getMonth() + 1,
    day: paris.getDate(),
    hour: paris.getHours(),
    minute: paris.getMinutes(),
    second: paris.getSeconds(),
    weekday: ((paris.getDay() + 6) % 7) + 1,
  };
}

/**
 * The UTC instant of a Paris wall-clock time. On the two clock-change days the wall clock is not
 * one-to-one, and the time-zone library decides: a time that does not exist (02:00–02:59 on the
 * last Sunday of March) moves forward by the hour skipped (02:30 → 03:30 summer time); a time
 * that happens twice (02:00–02:59 on the last Sunday of October) is read as winter time, the
 * second occurrence. Forms refuse the non-existent times before they get here (http/fields.ts).
 */
export function parisToUtc(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, TIME_ZONE).getTime());
}

/** A YYYY-MM-DD day and an HH:MM time read as Europe/Paris wall-clock time. */
export function parisDateTime(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return parisToUtc(year ?? 0, month ?? 0, date ?? 0, hour ?? 0, minute ?? 0);
}

/** Whether this wall-clock time happens in Paris on that day (not in the hour skipped in spring). */
export function existsInParis(day: string, time: string): boolean {
  const instant = parisDateTime(day, time);
  return parisIsoDay(instant) === day && formatTime(instant) === time;
}

// The Paris day's numbers through Intl: 3 µs against 7 through a zoned date, for a day a page may
// ask for many times (a due date in each row's form, each warning's thresholds).
const parisDay = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

// The last answer, by UTC minute: Paris is a whole number of hours from UTC, so its days begin on a
// minute, and a page that asks for today's day many times computes it once.
let lastDay = { minute: Number.NaN, day: "" };

/** YYYY-MM-DD of the Paris calendar day holding `date` (sorts like the dates it names). */
export function parisIsoDay(date: Date): string {
  const minute = Math.floor(date.getTime() / 60_000);
  if (minute === lastDay.minute) return lastDay.day;
  let year = "";
  let month = "";
  let day = "";
  for (const part of parisDay.formatToParts(date)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  lastDay = { minute, day: `${year}-${month}-${day}` };
  return lastDay.day;
}

// Zoned calendar arithmetic costs 10–20 µs a call, and every page asks for the start of today or of
// the week, and the days after, several times with nearly the same instant. The periods' bounds
// and the last sums are kept: a day or a week holds every instant between its bounds.

/** The start of the period holding an instant, computed again only for an instant outside the last period. */
function periodStart(start: (date: Date) => Date, length: number): (date: Date) => Date {
  let last = { start: Number.NaN, end: Number.NaN };
  return (date) => {
    const time = date.getTime();
    if (!(time >= last.start && time < last.end)) {
      const first = start(date);
      last = { start: first.getTime(), end: addDays(first, length).getTime() };
    }
    return new Date(last.start);
  };
}

export const startOfParisDay = periodStart((date) => startOfDay(date, PARIS), 1);

/** Monday 00:00, Paris time, of the week holding `date`. */
export const startOfParisWeek = periodStart((date) => startOfWeek(date, { ...PARIS, weekStartsOn: 1 }), 7);

/** Sums already made, by instant and number of days. */
const daySums = keptAnswers<string, number>(256);

/** The same Paris wall-clock time `days` calendar days later (23 or 25 hours across a clock change). */
export function addDays(date: Date, days: number): Date {
  return new Date(daySums(`${date.getTime()} ${days}`, () => addCalendarDays(date, days, PARIS).getTime()));
}

/** The same Paris wall-clock time `months` later (the month's last day when it is shorter). */
export function addMonths(date: Date, months: number): Date {
  return new Date(addCalendarMonths(date, months, PARIS).getTime());
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

// One formatter for the process: building an Intl.NumberFormat costs about 100 times a format.
const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

export function formatEuros(cents: number): string {
  return EUROS.format(cents / 100);
}

/** The earliest of these instants, or null when there is none. */
export function earliest(instants: readonly (Date | null | undefined)[]): Date | null {
  const present = instants.filter((instant): instant is Date => instant instanceof Date);
  return present.length === 0 ? null : new Date(Math.min(...present.map((instant) => instant.getTime())));
}

export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}

/** "novembre 2026": the Paris month holding `date`. */
export const formatMonth = formatter({ month: "long", year: "numeric" });

/** UTC midnight of a YYYY-MM-DD day: how calendar days without a time (birth dates) are stored. */
export function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
