import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { NotFoundError } from "../../http/errors.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import { drawSchema, freezeSchema, infoMeetingSchema, validationSchema, withdrawalSchema } from "./schemas.ts";
import * as lottery from "./service.ts";
import type { Route } from "../../http/routes.ts";

const EMPTY: FormPage = { values: {}, errors: {} };

async function overview(req: Request, res: Response) {
  res.render("lottery/index", { title: "Tirages au sort", cohorts: await lottery.lotteryOverview(actorOf(req)) });
}

async function renderStratum(req: Request, res: Response, page: FormPage) {
  const stratum = await lottery.stratumPage(actorOf(req), String(req.params.id));
  res.render("lottery/stratum", {
    title: `Tirage ${stratum.quota.cohort.name} — ${stratum.quota.missionLocale.name}`,
    ...stratum,
    ...page,
  });
}

async function stratum(req: Request, res: Response) {
  await renderStratum(req, res, EMPTY);
}

/** The freeze says what it closes before anything is written; an already frozen list has nothing
 * left to confirm. */
async function confirmFreeze(req: Request, res: Response) {
  const stratum = await lottery.stratumPage(actorOf(req), String(req.params.id));
  if (stratum.freeze) return res.redirect(303, `/lottery/strata/${String(req.params.id)}`);
  res.render("lottery/freeze", {
    title: `Figer la liste — ${stratum.quota.cohort.name}, ${stratum.quota.missionLocale.name}`,
    ...stratum,
    ...EMPTY,
  });
}

const freeze = formAction({
  schema: freezeSchema,
  reword: () => ({ _form: "Demande incorrecte." }),
  act: (actor, _form, req) => lottery.freezeStratum(actor, String(req.params.id)),
  rejected: renderStratum,
  done: (_result, _form, req) => ({
    to: `/lottery/strata/${String(req.params.id)}`,
    flash: "La liste est figée. Publiez son empreinte avant de fixer la graine.",
  }),
});

const draw = formAction({
  schema: drawSchema,
  act: (actor, form, req) => lottery.drawStratum(actor, String(req.params.id), form),
  rejected: renderStratum,
  done: (drawId) => ({ to: `/lottery/draws/${drawId}`, flash: "Le tirage est fait. Il prendra effet après la validation du comité." }),
});

async function renderDraw(req: Request, res: Response, page: FormPage) {
  const result = await lottery.drawPage(actorOf(req), String(req.params.id));
  res.render("lottery/draw", { title: `Tirage ${result.draw.cohort.name} — ${result.draw.missionLocale.name}`, ...result, ...page });
}

async function showDraw(req: Request, res: Response) {
  await renderDraw(req, res, EMPTY);
}

/** Where the draw page's forms come back to. */
function drawPath(req: Request): string {
  return `/lottery/draws/${String(req.params.id)}`;
}

const validate = formAction({
  schema: validationSchema,
  act: (actor, form, req) => lottery.validateDraw(actor, String(req.params.id), form),
  rejected: renderDraw,
  done: (_result, _form, req) => ({
    to: drawPath(req),
    flash: "La validation du comité est enregistrée : les jeunes peuvent être prévenus.",
  }),
});

const withdraw = formAction({
  schema: withdrawalSchema,
  act: (actor, form, req) => lottery.withdrawAndPromote(actor, String(req.params.id), form),
  rejected: renderDraw,
  done: (result, _form, req) => ({
    to: drawPath(req),
    flash: result.promotedRef
      ? `Désistement de ${result.withdrawnRef} enregistré. ${result.promotedRef}, premier·e de la liste d'attente, est retenu·e à sa place.`
      : `Désistement de ${result.withdrawnRef} enregistré. La liste d'attente est vide : personne n'est promu.`,
  }),
});

const infoMeeting = formAction({
  schema: infoMeetingSchema,
  act: (actor, form, req) => lottery.setInfoMeeting(actor, String(req.params.id), form),
  rejected: renderDraw,
  done: (_result, _form, req) => ({
    to: drawPath(req),
    flash: "La réunion d'information est enregistrée ; les jeunes retenu·es y sont invité·es.",
  }),
});

/** A public JSON document: a missing one answers 404 in JSON too, with the reason in French. */
function publicJson(load: (id: string) => Promise<unknown>) {
  return async (req: Request, res: Response) => {
    res.set("Access-Control-Allow-Origin", "*");
    try {
      res.json(await load(String(req.params.id)));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      res.status(404).json({ error: error.message });
    }
  };
}

// Public, no login (docs/lottery.md): anyone can recompute the draw from the proof. No personal data.
const proof = publicJson(lottery.publicProof);
const frozenList = publicJson(lottery.publicFrozenList);

export const LOTTERY_PUBLIC_ROUTES: readonly Route[] = [
  { method: "get", path: "/lottery/draws/:id/proof.json", permission: "public", handler: proof },
  { method: "get", path: "/lottery/freezes/:id/list.json", permission: "public", handler: frozenList },
];

export const LOTTERY_ROUTES: readonly Route[] = [
  { method: "get", path: "/lottery", permission: "lottery:read", handler: overview },
  {
    method: "get",
    path: "/lottery/strata/:id",
    permission: "lottery:manage",
    handler: stratum,
    audit: { kind: "record", entity: "LotteryStratum" },
  },
  { method: "get", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", handler: confirmFreeze },
  { method: "post", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", handler: freeze },
  { method: "post", path: "/lottery/strata/:id/draw", permission: "lottery:manage", handler: draw },
  {
    method: "get",
    path: "/lottery/draws/:id",
    permission: "lottery:read",
    handler: showDraw,
    audit: { kind: "record", entity: "LotteryDraw" },
  },
  { method: "post", path: "/lottery/draws/:id/validation", permission: "lottery:manage", handler: validate },
  { method: "post", path: "/lottery/draws/:id/withdrawals", permission: "lottery:promote", handler: withdraw },
  { method: "post", path: "/lottery/draws/:id/info-meeting", permission: "commitment:record", handler: infoMeeting },
];
