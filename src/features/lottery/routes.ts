import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues, type ParsedForm } from "../../http/forms.ts";
import { setFlash } from "../../http/locals.ts";
import { drawSchema, freezeSchema, infoMeetingSchema, validationSchema, withdrawalSchema } from "./schemas.ts";
import * as lottery from "./service.ts";
import type { Route } from "../../http/routes.ts";

type Page = { values: FormValues; errors: FieldErrors };
const EMPTY: Page = { values: {}, errors: {} };

async function overview(req: Request, res: Response) {
  res.render("lottery/index", { title: "Tirages au sort", cohorts: await lottery.lotteryOverview(actorOf(req)) });
}

async function renderStratum(req: Request, res: Response, status: number, page: Page) {
  const stratum = await lottery.stratumPage(actorOf(req), String(req.params.id));
  res.status(status).render("lottery/stratum", { title: `Tirage ${stratum.quota.cohort.name} — ${stratum.quota.missionLocale.name}`, ...stratum, ...page });
}

async function stratum(req: Request, res: Response) {
  await renderStratum(req, res, 200, EMPTY);
}

/** The freeze says what it closes before anything is written; an already frozen list has nothing
 * left to confirm. */
async function confirmFreeze(req: Request, res: Response) {
  const stratum = await lottery.stratumPage(actorOf(req), String(req.params.id));
  if (stratum.freeze) return res.redirect(303, `/lottery/strata/${String(req.params.id)}`);
  res.render("lottery/freeze", { title: `Figer la liste — ${stratum.quota.cohort.name}, ${stratum.quota.missionLocale.name}`, ...stratum, ...EMPTY });
}

async function freeze(req: Request, res: Response) {
  const form = parseForm(freezeSchema, req.body);
  try {
    if (!form.ok) throw new FormError("_form", "Demande incorrecte.");
    await lottery.freezeStratum(actorOf(req), String(req.params.id));
    setFlash(req, "La liste est figée. Publiez son empreinte avant de fixer la graine.");
    res.redirect(303, `/lottery/strata/${String(req.params.id)}`);
  } catch (error) {
    await renderStratum(req, res, 422, formRejection(error, req.body));
  }
}

async function draw(req: Request, res: Response) {
  const form = parseForm(drawSchema, req.body);
  if (!form.ok) return renderStratum(req, res, 422, form);
  try {
    const drawId = await lottery.drawStratum(actorOf(req), String(req.params.id), form.data);
    setFlash(req, "Le tirage est fait. Il prendra effet après la validation du comité.");
    res.redirect(303, `/lottery/draws/${drawId}`);
  } catch (error) {
    await renderStratum(req, res, 422, formRejection(error, req.body));
  }
}

async function renderDraw(req: Request, res: Response, status: number, page: Page) {
  const result = await lottery.drawPage(actorOf(req), String(req.params.id));
  res.status(status).render("lottery/draw", { title: `Tirage ${result.draw.cohort.name} — ${result.draw.missionLocale.name}`, ...result, ...page });
}

async function showDraw(req: Request, res: Response) {
  await renderDraw(req, res, 200, EMPTY);
}

/** The draw page's forms: parse, one service call, back to the page (or the page with the errors). */
function drawAction<T>(parse: (body: unknown) => ParsedForm<T>, act: (req: Request, data: T) => Promise<string>) {
  return async (req: Request, res: Response) => {
    const form = parse(req.body);
    if (!form.ok) return renderDraw(req, res, 422, form);
    try {
      setFlash(req, await act(req, form.data));
      res.redirect(303, `/lottery/draws/${String(req.params.id)}`);
    } catch (error) {
        await renderDraw(req, res, 422, formRejection(error, req.body));
    }
  };
}

const validate = drawAction(
  (body) => parseForm(validationSchema, body),
  async (req, data) => {
    await lottery.validateDraw(actorOf(req), String(req.params.id), data);
    return "La validation du comité est enregistrée : les jeunes peuvent être prévenus.";
  },
);

const withdraw = drawAction(
  (body) => parseForm(withdrawalSchema, body),
  async (req, data) => {
    const result = await lottery.withdrawAndPromote(actorOf(req), String(req.params.id), data);
    return result.promotedRef
      ? `Désistement de ${result.withdrawnRef} enregistré. ${result.promotedRef}, premier·e de la liste d'attente, est retenu·e à sa place.`
      : `Désistement de ${result.withdrawnRef} enregistré. La liste d'attente est vide : personne n'est promu.`;
  },
);

const infoMeeting = drawAction(
  (body) => parseForm(infoMeetingSchema, body),
  async (req, data) => {
    await lottery.setInfoMeeting(actorOf(req), String(req.params.id), data);
    return "La réunion d'information est enregistrée ; les jeunes retenu·es y sont invité·es.";
  },
);

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
  { method: "get", path: "/lottery/strata/:id", permission: "lottery:manage", handler: stratum, audit: { kind: "record", entity: "LotteryStratum" } },
  { method: "get", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", handler: confirmFreeze },
  { method: "post", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", handler: freeze },
  { method: "post", path: "/lottery/strata/:id/draw", permission: "lottery:manage", handler: draw },
  { method: "get", path: "/lottery/draws/:id", permission: "lottery:read", handler: showDraw, audit: { kind: "record", entity: "LotteryDraw" } },
  { method: "post", path: "/lottery/draws/:id/validation", permission: "lottery:manage", handler: validate },
  { method: "post", path: "/lottery/draws/:id/withdrawals", permission: "lottery:promote", handler: withdraw },
  { method: "post", path: "/lottery/draws/:id/info-meeting", permission: "commitment:record", handler: infoMeeting },
];
