import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { ownLessonCalendar, ownNextStep, theoryPassed, viewOwnFile, viewYouthFile, youthLessons } from "./service.ts";
import { suggestedResources } from "../resources/service.ts";
import { absenceNoticeSchema, lessonsQuerySchema } from "./schemas.ts";
import { findLesson, noticeAbsence } from "../lessons/service.ts";
import { formatDateTime } from "../../domain/time.ts";
import { ownApplication } from "../applications/service.ts";
import { YOUTH_BY_SERVICE, type Route } from "../../http/routes.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { dueOwnSurvey } from "../surveys/service.ts";

async function show(req: Request, res: Response) {
  const file = await viewYouthFile(actorOf(req), String(req.params.id));
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file });
}

/** How many items of the resource centre /me suggests. */
const SUGGESTED_RESOURCES = 3;

/** The /me page; with a "Je ne pourrai pas venir" form sent back (422) open on its lesson. */
async function renderMe(req: Request, res: Response, absenceNotice?: FormPage & { lessonId: string }) {
  const actor = actorOf(req);
  const [file, own, dueSurvey] = await Promise.all([viewOwnFile(actor), ownApplication(actor), dueOwnSurvey(actor)]);
  const resources = await suggestedResources({ codePassed: theoryPassed(file.training) }, SUGGESTED_RESOURCES);
  res.render("youths/me", {
    title: "Mon parcours",
    ...file,
    own,
    nextStep: ownNextStep(file, own, new Date()),
    absenceNotice,
    resources,
    dueSurvey,
  });
}

async function me(req: Request, res: Response) {
  await renderMe(req, res);
}

/** "Ajouter à mon agenda": one of the youth's own lessons as an .ics file. */
async function lessonCalendar(req: Request, res: Response) {
  const calendar = await ownLessonCalendar(actorOf(req), String(req.params.id), new Date());
  res
    .type("text/calendar; charset=utf-8")
    .attachment(`lecon-${String(req.params.id)}.ics`)
    .send(calendar);
}

async function lessons(req: Request, res: Response) {
  const query = lessonsQuerySchema.parse(req.query);
  const result = await youthLessons(actorOf(req), String(req.params.id), query.page);
  res.render("youths/lessons", { title: `Leçons — ${result.youth.firstName} ${result.youth.lastName}`, ...result, now: new Date() });
}

/** "Je ne pourrai pas venir", sent from /me: a lesson of the young person's own (else 404). */
const absenceNotice = formAction({
  schema: absenceNoticeSchema,
  inScope: (actor, req) => findLesson(actor, String(req.params.id)),
  act: (actor, form, req) => noticeAbsence(actor, String(req.params.id), form),
  rejected: (req, res, page) => renderMe(req, res, { ...page, lessonId: String(req.params.id) }),
  done: (notice) => ({
    to: "/me",
    flash: notice.excused
      ? `C'est noté. Votre absence à la leçon du ${formatDateTime(notice.startsAt)} est excusée. L'auto-école est prévenue.`
      : `C'est noté. L'auto-école est prévenue. La leçon du ${formatDateTime(notice.startsAt)} est dans moins de 24 heures : l'auto-école décidera si l'absence est excusée.`,
  }),
});

export const YOUTH_ROUTES: readonly Route[] = [
  { method: "get", path: "/me", permission: "me:view", handler: me, audit: YOUTH_BY_SERVICE },
  { method: "get", path: "/youths/:id", permission: "youth:read", handler: show, audit: YOUTH_BY_SERVICE },
  { method: "post", path: "/lessons/:id/absence-notice", permission: "lesson:notice-absence", handler: absenceNotice },
  { method: "get", path: "/youths/:id/lessons", permission: "youth:read-training", handler: lessons, audit: YOUTH_BY_SERVICE },
  { method: "get", path: "/me/lessons/:id.ics", permission: "me:view", handler: lessonCalendar },
];
