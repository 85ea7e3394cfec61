import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { examSchema } from "./schemas.ts";
import { MAX_SCORE, PASS_MARK } from "./rules.ts";
import * as exams from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderExams(req: Request, res: Response, status: number, values: FormValues, errors: FieldErrors) {
  const page = await exams.examsPage(actorOf(req), String(req.params.id));
  const youth = page.enrolment.youth;
  res.status(status).render("exams/show", { title: `Examens — ${youth.firstName} ${youth.lastName}`, ...page, values, errors, maxScore: MAX_SCORE, passMark: PASS_MARK });
}

async function show(req: Request, res: Response) {
  await renderExams(req, res, 200, {}, {});
}

function cancelledLessons(count: number): string {
  if (count === 0) return "Aucune leçon à venir n'était prévue.";
  return count === 1 ? "1 leçon à venir a été annulée (motif : permis obtenu)." : `${count} leçons à venir ont été annulées (motif : permis obtenu).`;
}

async function record(req: Request, res: Response) {
  const id = String(req.params.id);
  const form = parseForm(examSchema, req.body);
  if (!form.ok) return renderExams(req, res, 422, form.values, form.errors);
  try {
    const { licence, lessonsCancelled } = await exams.recordExam(actorOf(req), id, form.data);
    setFlash(req, licence ? `Examen enregistré : permis obtenu ! Félicitations. ${cancelledLessons(lessonsCancelled)}` : "Examen enregistré.");
    res.redirect(303, `/enrolments/${id}/exams`);
  } catch (error) {
    const { values, errors } = formRejection(error, req.body);
    await renderExams(req, res, 422, values, errors);
  }
}

export const EXAM_ROUTES: readonly Route[] = [
  { method: "get", path: "/enrolments/:id/exams", permission: "exam:record", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/enrolments/:id/exams", permission: "exam:record", handler: record },
];
