// Calendar months of Paris as "2026-11": validation, their instants, and moving between them. The
// monthly statements and the dashboards both count by these months.
import { parisParts, parisToUtc } from "./time.ts";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The month's number counted from year 0 (one more a month): months compare and subtract. */
export function monthIndex(month: string): number {
  const [year = 0, number = 0] = month.split("-").map(Number);
  return year * 12 + number - 1;
}
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** The month `offset` months from `month`. */
export function shiftMonth(month: string, offset: number): string {
  return monthAt(monthIndex(month) + offset);
}

/** The Paris month holding `instant`. */
export function monthHolding(instant: Date): string {
  const { year, month } = parisParts(instant);
  return monthAt(year * 12 + month - 1);
}

/** The Paris month `offset` months from the one holding `now` (-1: the month before). */
export function monthOf(now: Date, offset = 0): string {
  return shiftMonth(monthHolding(now), offset);
}

/** The instants a Paris month spans: [start, end). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const start = (index: number) => parisToUtc(Math.floor(index / 12), (index % 12) + 1, 1);
  return { start: start(monthIndex(month)), end: start(monthIndex(month) + 1) };
}
