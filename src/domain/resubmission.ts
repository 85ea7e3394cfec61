// A form sent twice (a double click, a page sent again after a slow answer) records one row: a
// service that finds an identical row written since resubmittedSince(now) treats the form as its twin.
const RESUBMISSION_WINDOW_MS = 10_000;

/** The instant after which an identical row counts as the same form sent again. */
export function resubmittedSince(now: Date): Date {
  return new Date(now.getTime() - RESUBMISSION_WINDOW_MS);
}
