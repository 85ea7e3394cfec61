/**
 * Figures counted over the whole programme (the coordinator's and the evaluator's homes) are
 * recomputed at most once per `maxAgeMs` in each server process, so that these pages cost the
 * same whatever the size of the programme; the page says when they were counted. Requests that
 * arrive while a count runs share it. maxAgeMs = 0 counts at every request (tests, development).
 */
export function snapshotted<T>(compute: (now: Date) => Promise<T>): (maxAgeMs: number, now?: Date) => Promise<Snapshot<T>> {
  let last: { at: Date; value: Promise<T> } | undefined;
  return (maxAgeMs, now = new Date()) => {
    if (!last || maxAgeMs <= 0 || now.getTime() - last.at.getTime() >= maxAgeMs) {
      const value = compute(now);
      const taken = { at: now, value };
      last = taken;
      // A failed count is not kept: the next request tries again.
      value.catch(() => {
        if (last === taken) last = undefined;
      });
    }
    const { at, value } = last;
    return value.then((figures) => ({ at, value: figures }));
  };
}

export type Snapshot<T> = { at: Date; value: T };
