// Rows of the authorization matrix for the driving-school workspace (issue 5).
import type { Row, World } from "./foundation.ts";
import { makeLesson } from "../../helpers/school-factories.ts";

const homeEnrolment = (w: World) => w.home.enrolment.id;
const awayEnrolment = (w: World) => w.away.enrolment.id;
const enrolmentTarget = { inScope: homeEnrolment, outOfScope: awayEnrolment };
const youthTarget = { inScope: (w: World) => w.home.youth.id, outOfScope: (w: World) => w.away.youth.id };
const lessonTarget = {
  inScope: async (w: World) => (await makeLesson(w.home.enrolment.id)).id,
  outOfScope: async (w: World) => (await makeLesson(w.away.enrolment.id)).id,
};

export const SCHOOL_ROUTES: Row[] = [
  { method: "GET", path: "/youths/:id/enrolments/new", permission: "enrolment:manage", target: youthTarget },
  { method: "POST", path: "/youths/:id/enrolments", permission: "enrolment:manage", target: youthTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/assessment", permission: "enrolment:assess", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/assessment", permission: "enrolment:assess", target: enrolmentTarget, body: {} },
  { method: "GET", path: "/lessons/new", permission: "lesson:record" },
  { method: "POST", path: "/lessons", permission: "lesson:record", body: {} },
  { method: "GET", path: "/lessons/week", permission: "lesson:read" },
  { method: "GET", path: "/lessons/:id", permission: "lesson:read", target: lessonTarget },
  // A valid tap: the record in scope answers 303, the one out of scope 404.
  { method: "POST", path: "/lessons/:id/attendance", permission: "lesson:record", target: lessonTarget, body: { attendance: "PRESENT" } },
  { method: "GET", path: "/youths/:id/pace", permission: "pace:override", target: youthTarget },
  { method: "POST", path: "/youths/:id/pace", permission: "pace:override", target: youthTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/booklet", permission: "youth:read-training", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/skills", permission: "skill:assess", target: enrolmentTarget, body: { skillCode: "C1.1", level: "IN_PROGRESS" } },
  { method: "GET", path: "/enrolments/:id/exams", permission: "exam:record", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/exams", permission: "exam:record", target: enrolmentTarget, body: {} },
  { method: "GET", path: "/enrolments/:id/difficulties/new", permission: "difficulty:report", target: enrolmentTarget },
  { method: "POST", path: "/enrolments/:id/difficulties", permission: "difficulty:report", target: enrolmentTarget, body: {} },
];
