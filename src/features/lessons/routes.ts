import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { ATTENDANCE_LABELS } from "../../domain/enums.ts";
import { formatDateTime } from "../../domain/time.ts";
import { undoOf } from "./rules.ts";
import { attendanceSchema, paceSchema, planLessonSchema, weekQuerySchema } from "./schemas.ts";
import * as lessons from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderNew(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const options = await lessons.lessonFormOptions(actorOf(req));
  res.status(status).render("lessons/new", { title: "Planifier une leçon", ...options, values, errors, now: new Date() });
}

async function showNew(req: Request, res: Response) {
  const enrolmentId = typeof req.query.enrolmentId === "string" ? req.query.enrolmentId : "";
  const now = new Date();
  await renderNew(req, res, 200, { enrolmentId, date: lessons.isoDay(now), durationMin: "60", kind: "DRIVING" }, {});
}

async function plan(req: Request, res: Response) {
  const form = parseForm(planLessonSchema, req.body);
  if (!form.ok) {
    // A record out of scope answers 404 whatever else is wrong with the form (as on :id routes).
    if (form.values.enrolmentId) await lessons.ensureEnrolmentInScope(actorOf(req), form.values.enrolmentId);
    return renderNew(req, res, 422, form.values, form.errors);
  }
  try {
    const planned = await lessons.planLesson(actorOf(req), form.data);
    setFlash(req, [`Leçon enregistrée le ${formatDateTime(planned.startsAt)}.`, ...planned.warnings].join(" "));
    const week = `/lessons/week?week=${lessons.isoDay(planned.startsAt)}${planned.instructorId ? `&instructorId=${planned.instructorId}` : ""}`;
    res.redirect(303, form.data.returnTo ?? week);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderNew(req, res, 422, values, errors);
  }
}

/** A week that cannot be shown answers 422 with the current week and the reason above it. */
async function week(req: Request, res: Response) {
  const query = parseForm(weekQuerySchema, req.query);
  const view = await lessons.weekView(actorOf(req), query.ok ? query.data : {});
  const errors = query.ok ? {} : { _form: query.errors.week ?? "" };
  res.status(query.ok ? 200 : 422).render("lessons/week", { title: "Semaine", ...view, errors, now: new Date(), returnTo: req.originalUrl });
}

async function renderLesson(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const lesson = await lessons.findLesson(actorOf(req), String(req.params.id));
  res.status(status).render("lessons/show", { title: "Leçon", lesson, values, errors, now: new Date() });
}

async function show(req: Request, res: Response) {
  await lessons.viewLesson(actorOf(req), String(req.params.id));
  await renderLesson(req, res, 200, {}, {});
}

async function attendance(req: Request, res: Response) {
  const actor = actorOf(req);
  // The lesson is looked up first: a lesson out of scope answers 404 whatever was sent.
  await lessons.findLesson(actor, String(req.params.id));
  const form = parseForm(attendanceSchema, req.body);
  if (!form.ok) return renderLesson(req, res, 422, form.values, form.errors);
  try {
    const lesson = await lessons.recordAttendance(actor, String(req.params.id), form.data);
    const youth = lesson.enrolment.youth;
    const message =
      form.data.attendance === "SCHEDULED"
        ? `Présence effacée — ${youth.firstName} ${youth.lastName}, leçon du ${formatDateTime(lesson.startsAt)} : de nouveau à renseigner.`
        : `${ATTENDANCE_LABELS[form.data.attendance]} — ${youth.firstName} ${youth.lastName}, leçon du ${formatDateTime(lesson.startsAt)}.`;
    if (!form.data.returnTo) {
      setFlash(req, message);
      return res.redirect(303, `/lessons/${lesson.id}`);
    }
    // Back on the same card of the list the tap came from, with the confirmation (and its undo) there.
    req.session.attendanceChange = { lessonId: lesson.id, message, undo: undoOf(lesson, form.data) };
    res.redirect(303, `${form.data.returnTo.split("#")[0]}#lesson-${lesson.id}`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderLesson(req, res, 422, values, errors);
  }
}

async function renderPace(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const pace = await lessons.paceOf(actorOf(req), String(req.params.id));
  res.status(status).render("lessons/pace", { title: "Rythme des leçons", ...pace, values, errors });
}

async function showPace(req: Request, res: Response) {
  await renderPace(req, res, 200, {}, {});
}

async function setPace(req: Request, res: Response) {
  const actor = actorOf(req);
  await lessons.paceOf(actor, String(req.params.id));
  const form = parseForm(paceSchema, req.body);
  if (!form.ok) return renderPace(req, res, 422, form.values, form.errors);
  await lessons.setPace(actor, String(req.params.id), form.data);
  setFlash(req, form.data.maxLessonsPerWeek ? `Rythme fixé à ${form.data.maxLessonsPerWeek} leçon(s) par semaine au plus.` : "Rythme conseillé pour sa situation rétabli.");
  res.redirect(303, `/youths/${String(req.params.id)}`);
}

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
