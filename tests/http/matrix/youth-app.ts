// Fixtures of the authorization matrix for the young person's app: a lesson's calendar file and
// the right-of-access downloads.
import type { Fixture, World } from "./foundation.ts";
import { DAY, makeLesson, minuteOf } from "../../helpers/school-factories.ts";

const lessonOf = async (enrolmentId: string) => (await makeLesson(enrolmentId, { startsAt: minuteOf(new Date(Date.now() + 2 * DAY)) })).id;

export const YOUTH_APP_FIXTURES: Fixture[] = [
  {
    method: "GET",
    path: "/me/lessons/:id.ics",
    target: { inScope: (w: World) => lessonOf(w.home.enrolment.id), outOfScope: (w: World) => lessonOf(w.away.enrolment.id) },
  },
  { method: "GET", path: "/me/export.json" },
  {
    method: "GET",
    path: "/youths/:id/export.json",
    target: { inScope: (w: World) => w.home.youth.id, outOfScope: (w: World) => w.away.youth.id },
  },
];
