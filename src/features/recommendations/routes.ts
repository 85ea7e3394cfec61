import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { Route } from "../../http/routes.ts";
import { viewYouthFile } from "../youths/service.ts";
import { decisionSchema, emptySchema, proposalSchema, suggestionSchema } from "./schemas.ts";
import * as recommendations from "./service.ts";

/** The youth file again (422), with the refused form where it was: the proposal form, or one
 * recommendation's buttons. */
async function renderFile(req: Request, res: Response, youthId: string, refused: Record<string, unknown>) {
  const file = await viewYouthFile(actorOf(req), youthId);
  res.render("youths/show", { title: `${file.youth.firstName} ${file.youth.lastName}`, ...file, ...refused });
}

const rowRefused = (req: Request, page: FormPage) => ({ recommendationRefused: { id: String(req.params.id), ...page } });

const proposed = ({ youthId, duplicate }: { youthId: string; duplicate: boolean }) => ({
  to: `/youths/${youthId}#recommendations-title`,
  flash: duplicate ? "Cette préconisation venait d'être proposée : elle n'est enregistrée qu'une fois." : "Préconisation proposée.",
});

const propose = formAction({
  schema: proposalSchema,
  act: (actor, form, req) => recommendations.proposeRecommendation(actor, String(req.params.id), form),
  rejected: (req, res, page) => renderFile(req, res, String(req.params.id), { recommendationForm: page }),
  done: proposed,
});

// A warning's suggestion in one click (the caseload, the youth file): refused, the youth file comes
// back with the message by its warnings, as they stand now.
const proposeSuggested = formAction({
  schema: suggestionSchema,
  act: (actor, form, req) => recommendations.proposeSuggestion(actor, String(req.params.id), form),
  rejected: (req, res, page) => renderFile(req, res, String(req.params.id), { suggestionRefused: page }),
  done: proposed,
});

const decide = formAction({
  schema: decisionSchema,
  inScope: (actor, req) => recommendations.youthOfRecommendation(actor, String(req.params.id)),
  act: (actor, form, req) => recommendations.decideRecommendation(actor, String(req.params.id), form),
  rejected: async (req, res, page) =>
    renderFile(req, res, await recommendations.youthOfRecommendation(actorOf(req), String(req.params.id)), rowRefused(req, page)),
  done: ({ youthId, decision, pace }) => ({
    to: `/youths/${youthId}#recommendations-title`,
    flash:
      decision === "DECLINED"
        ? "Préconisation refusée."
        : pace === null
          ? "Préconisation acceptée."
          : `Préconisation acceptée : rythme fixé à ${pace} leçon${pace > 1 ? "s" : ""} par semaine au plus.`,
  }),
});

const complete = formAction({
  schema: emptySchema,
  inScope: (actor, req) => recommendations.youthOfRecommendation(actor, String(req.params.id)),
  act: (actor, _form, req) => recommendations.completeRecommendation(actor, String(req.params.id)),
  rejected: async (req, res, page) =>
    renderFile(req, res, await recommendations.youthOfRecommendation(actorOf(req), String(req.params.id)), rowRefused(req, page)),
  done: ({ youthId }) => ({ to: `/youths/${youthId}#recommendations-title`, flash: "Préconisation marquée réalisée." }),
});

const acknowledge = formAction({
  schema: emptySchema,
  inScope: (actor, req) => recommendations.youthOfRecommendation(actor, String(req.params.id)),
  act: (actor, _form, req) => recommendations.acknowledgeRecommendation(actor, String(req.params.id)),
  // The form is a single button: only a crafted request sends fields, and gets the generic page.
  rejected: (_req, res) => res.render("errors/400", { title: "Demande incorrecte" }),
  done: () => ({ to: "/me#advice-title", flash: "Merci, c'est noté." }),
});

export const RECOMMENDATION_ROUTES: readonly Route[] = [
  { method: "post", path: "/youths/:id/recommendations", permission: "recommendation:propose", handler: propose },
  { method: "post", path: "/youths/:id/recommendations/suggested", permission: "recommendation:propose", handler: proposeSuggested },
  { method: "post", path: "/recommendations/:id/decision", permission: "recommendation:decide", handler: decide },
  { method: "post", path: "/recommendations/:id/done", permission: "recommendation:complete", handler: complete },
  { method: "post", path: "/recommendations/:id/acknowledge", permission: "recommendation:acknowledge", handler: acknowledge },
];
