// Fixtures of the authorization matrix for the driving-school workspace.
import type { Fixture, World } from "./foundation.ts";
import { DAY, makeDifficulty, makeLesson } from "../../helpers/school-factories.ts";

const homeEnrolment = (w: World) => w.home.enrolment.id;
const awayEnrolment = (w: World) => w.away.enrolment.id;
const enrolmentTarget = { inScope: homeEnrolment, outOfScope: awayEnrolment };
const youthTarget = { inScope: (w: World) => w.home.youth.id, outOfScope: (w: World) => w.away.youth.id };
const lessonTarget = {
  inScope: async (w: World) => (await makeLesson(w.home.enrolment.id)).id,
  outOfScope: async (w: World) => (await makeLesson(w.away.enrolment.id)).id,
};
const difficultyTarget = {
  inScope: async (w: World) => (await makeDifficulty(w.home.enrolment, w.home.schoolUser.id)).id,
  outOfScope: async (w: World) => (await makeDifficulty(w.away.enrolment, w.away.schoolUser.id)).id,
};

export const SCHOOL_FIXTURES: Fixture[] = [
  { method: "GET", path: "/youths/:id/enrolments/new", target: youthTarget },
  { method: "POST", path: "/youths/:id/enrolments", target: youthTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/assessment", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/assessment", target: enrolmentTarget, body: {} },
  { method: "GET", path: "/lessons/new" },
  { method: "POST", path: "/lessons", body: {} },
  { method: "GET", path: "/lessons/week" },
  { method: "GET", path: "/lessons/:id", target: lessonTarget },
  // A valid tap: the record in scope answers 303, the one out of scope 404.
  { method: "POST", path: "/lessons/:id/attendance", target: lessonTarget, body: { attendance: "PRESENT" } },
  // A young person's notice on a lesson three days ahead: their own answers 303, another's 404.
  {
    method: "POST",
    path: "/lessons/:id/absence-notice",
    target: {
      inScope: async (w: World) => (await makeLesson(w.home.enrolment.id, { startsAt: new Date(Date.now() + 3 * DAY) })).id,
      outOfScope: async (w: World) => (await makeLesson(w.away.enrolment.id, { startsAt: new Date(Date.now() + 3 * DAY) })).id,
    },
    body: { reason: "Rendez-vous médical" },
  },
  { method: "GET", path: "/youths/:id/pace", target: youthTarget },
  { method: "POST", path: "/youths/:id/pace", target: youthTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/booklet", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/skills", target: enrolmentTarget, body: { skillCode: "C1.1", level: "IN_PROGRESS" } },
  { method: "GET", path: "/enrolments/:id/exams", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/exams", target: enrolmentTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/difficulties/new", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/difficulties", target: enrolmentTarget, body: {} },
  { method: "GET", path: "/difficulties" },
  { method: "POST", path: "/difficulties/:id/take-charge", target: difficultyTarget },
  // A valid resolution: the difficulty in scope answers 303, the one out of scope 404.
  { method: "POST", path: "/difficulties/:id/resolve", target: difficultyTarget, body: { resolution: "Covoiturage trouvé." } },
];
