import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { setAttendanceChange } from "../../http/flash.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { formValues, parseForm } from "../../http/forms.ts";
import { ATTENDANCE_LABELS } from "../../domain/enums.ts";
import { formatDateTime } from "../../domain/time.ts";
import { undoOf } from "./rules.ts";
import { attendanceSchema, paceSchema, planLessonSchema, weekQuerySchema } from "./schemas.ts";
import * as lessons from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, page: FormPage) {
  const options = await lessons.lessonFormOptions(actorOf(req));
  res.render("lessons/new", { title: "Planifier une leçon", ...options, ...page, now: new Date() });
}

async function showNew(req: Request, res: Response) {
  const enrolmentId = typeof req.query.enrolmentId === "string" ? req.query.enrolmentId : "";
  const now = new Date();
  await renderNew(req, res, { values: { enrolmentId, date: lessons.isoDay(now), durationMin: "60", kind: "DRIVING" }, errors: {} });
}

const plan = formAction({
  schema: planLessonSchema,
  // The enrolment named by the form, as on :id routes.
  inScope: async (actor, req) => {
    const enrolmentId = formValues(req.body).enrolmentId?.trim();
    if (enrolmentId) await lessons.ensureEnrolmentInScope(actor, enrolmentId);
  },
  act: (actor, form) => lessons.planLesson(actor, form),
  rejected: renderNew,
  done: (planned, form) => ({
    to:
      form.returnTo ??
      `/lessons/week?week=${lessons.isoDay(planned.startsAt)}${planned.instructorId ? `&instructorId=${planned.instructorId}` : ""}`,
    flash: [`Leçon enregistrée le ${formatDateTime(planned.startsAt)}.`, ...planned.warnings].join(" "),
  }),
});

/** A week that cannot be shown answers 422 with the current week and the reason above it. */
async function week(req: Request, res: Response) {
  const query = parseForm(weekQuerySchema, req.query);
  const view = await lessons.weekView(actorOf(req), query.ok ? query.data : {});
  const errors = query.ok ? {} : { _form: query.errors.week ?? "" };
  res
    .status(query.ok ? 200 : 422)
    .render("lessons/week", { title: "Semaine", ...view, errors, now: new Date(), returnTo: req.originalUrl });
}

async function renderLesson(req: Request, res: Response, page: FormPage) {
  const lesson = await lessons.findLesson(actorOf(req), String(req.params.id));
  res.render("lessons/show", { title: "Leçon", lesson, ...page, now: new Date() });
}

async function show(req: Request, res: Response) {
  await lessons.viewLesson(actorOf(req), String(req.params.id));
  await renderLesson(req, res, { values: {}, errors: {} });
}

const attendance = formAction({
  schema: attendanceSchema,
  inScope: (actor, req) => lessons.findLesson(actor, String(req.params.id)),
  act: (actor, form, req) => lessons.recordAttendance(actor, String(req.params.id), form),
  rejected: renderLesson,
  done: (lesson, form, _req, res) => {
    const youth = lesson.enrolment.youth;
    const message =
      form.attendance === "SCHEDULED"
        ? `Présence effacée — ${youth.firstName} ${youth.lastName}, leçon du ${formatDateTime(lesson.startsAt)} : de nouveau à renseigner.`
        : `${ATTENDANCE_LABELS[form.attendance]} — ${youth.firstName} ${youth.lastName}, leçon du ${formatDateTime(lesson.startsAt)}.`;
    if (!form.returnTo) return { to: `/lessons/${lesson.id}`, flash: message };
    // Back on the same card of the list the tap came from, with the confirmation (and its undo) there.
    setAttendanceChange(res, { lessonId: lesson.id, message, undo: undoOf(lesson, form) });
    return { to: `${form.returnTo.split("#")[0]}#lesson-${lesson.id}` };
  },
});

async function renderPace(req: Request, res: Response, page: FormPage) {
  const pace = await lessons.paceOf(actorOf(req), String(req.params.id));
  res.render("lessons/pace", { title: "Rythme des leçons", ...pace, ...page });
}

async function showPace(req: Request, res: Response) {
  await renderPace(req, res, { values: {}, errors: {} });
}

const setPace = formAction({
  schema: paceSchema,
  inScope: (actor, req) => lessons.paceOf(actor, String(req.params.id)),
  act: (actor, form, req) => lessons.setPace(actor, String(req.params.id), form),
  rejected: renderPace,
  done: (_result, form, req) => ({
    to: `/youths/${String(req.params.id)}`,
    flash: form.maxLessonsPerWeek
      ? `Rythme fixé à ${form.maxLessonsPerWeek} leçon(s) par semaine au plus.`
      : "Rythme conseillé pour sa situation rétabli.",
  }),
});

// Fixed paths (/lessons/new, /lessons/week) come before /lessons/:id.
export const LESSON_ROUTES: readonly Route[] = [
  { method: "get", path: "/lessons/new", permission: "lesson:record", handler: showNew, audit: { kind: "list", entity: "Enrolment" } },
  { method: "post", path: "/lessons", permission: "lesson:record", handler: plan },
  { method: "get", path: "/lessons/week", permission: "lesson:read", handler: week, audit: { kind: "list", entity: "Lesson" } },
  { method: "get", path: "/lessons/:id", permission: "lesson:read", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/lessons/:id/attendance", permission: "lesson:record", handler: attendance },
  { method: "get", path: "/youths/:id/pace", permission: "pace:override", handler: showPace, audit: { kind: "record", entity: "Youth" } },
  { method: "post", path: "/youths/:id/pace", permission: "pace:override", handler: setPace },
];
