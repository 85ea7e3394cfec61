import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { examSchema } from "./schemas.ts";
import { MAX_SCORE, PASS_MARK } from "./rules.ts";
import * as exams from "./service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";

async function renderExams(req: Request, res: Response, page: FormPage) {
  const exam = await exams.examsPage(actorOf(req), String(req.params.id));
  const youth = exam.enrolment.youth;
  res.render("exams/show", {
    title: `Examens — ${youth.firstName} ${youth.lastName}`,
    ...exam,
    ...page,
    maxScore: MAX_SCORE,
    passMark: PASS_MARK,
  });
}

async function show(req: Request, res: Response) {
  await renderExams(req, res, { values: {}, errors: {} });
}

function cancelledLessons(count: number): string {
  if (count === 0) return "Aucune leçon à venir n'était prévue.";
  return count === 1
    ? "1 leçon à venir a été annulée (motif : permis obtenu)."
    : `${count} leçons à venir ont été annulées (motif : permis obtenu).`;
}

const record = formAction({
  schema: examSchema,
  act: (actor, form, req) => exams.recordExam(actor, String(req.params.id), form),
  rejected: renderExams,
  done: ({ licence, lessonsCancelled }, _form, req) => ({
    to: `/enrolments/${String(req.params.id)}/exams`,
    flash: licence ? `Examen enregistré : permis obtenu ! Félicitations. ${cancelledLessons(lessonsCancelled)}` : "Examen enregistré.",
  }),
});

export const EXAM_ROUTES: readonly Route[] = [
  { method: "get", path: "/enrolments/:id/exams", permission: "exam:record", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/enrolments/:id/exams", permission: "exam:record", handler: record },
];
