// The dashboards' arithmetic on figures SQL already aggregated: rates, the median of a
// histogram, the months of a period. Pure functions, tested against hand-computed values.
import { monthBounds, monthIndex, shiftMonth } from "../../domain/months.ts";

/** part / whole in percent with one decimal; null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** Attendance: lessons delivered (present or late) over the lessons due (delivered or missed). */
export function attendanceRate(delivered: number, absences: number): number | null {
  return percent(delivered, delivered + absences);
}

/** minutes / 60 with one decimal. */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** The lower median of values given as (value, count) pairs: the value reached by half of the
 * counts, without expanding them. null when the histogram is empty. */
export function medianOfHistogram(bins: readonly { value: number; count: number }[]): number | null {
  const sorted = [...bins].filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  const half = Math.ceil(total / 2);
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.count;
    if (seen >= half) return bin.value;
  }
  return null;
}

/** The Paris months from `from` to `to` (both "YYYY-MM", included), at most `limit` of them
 * ending at `to`; each with its position, counted from the first. */
export function monthsOfPeriod(from: string, to: string, limit: number): { index: number; month: string; start: Date; end: Date }[] {
  const count = Math.min(Math.max(monthIndex(to) - monthIndex(from) + 1, 1), limit);
  return Array.from({ length: count }, (_, index) => {
    const month = shiftMonth(to, index - count + 1);
    return { index, month, ...monthBounds(month) };
  });
}
