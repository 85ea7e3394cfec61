// Rows of the authorization matrix for applications, cohorts and the lottery (issue 4).
import type { Row, World } from "./foundation.ts";
import { testDb } from "../../helpers/factories.ts";
import { makeDraw, makeQuota } from "../../helpers/lottery-factories.ts";

// Each row gets its own world; what a target makes is made once per world.
const made = new WeakMap<World, Map<string, Promise<string>>>();
function once(w: World, key: string, make: () => Promise<string>): Promise<string> {
  let cache = made.get(w);
  if (!cache) made.set(w, (cache = new Map()));
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

const homeApplication = (w: World) =>
  once(w, "home-application", async () => (await testApplication(w.home.youth.id, w.cohort.id)).id);
const awayApplication = (w: World) =>
  once(w, "away-application", async () => (await testApplication(w.away.youth.id, w.cohort.id)).id);
const homeDraw = (w: World) =>
  once(w, "home-draw", async () => (await makeDraw({ cohortId: w.cohort.id, missionLocaleId: w.home.missionLocale.id, adminId: w.admin.id, validated: true })).drawId);
const awayDraw = (w: World) =>
  once(w, "away-draw", async () => (await makeDraw({ cohortId: w.cohort.id, missionLocaleId: w.away.missionLocale.id, adminId: w.admin.id, validated: true })).drawId);
const homeQuota = (w: World) => once(w, "home-quota", async () => (await makeQuota(w.cohort.id, w.home.missionLocale.id, 2)).id);
const homeFreeze = (w: World) =>
  once(w, "home-freeze", async () => {
    const drawId = await homeDraw(w);
    return (await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } })).freezeId;
  });

async function testApplication(youthId: string, cohortId: string) {
  return testDb.application.upsert({
    where: { youthId_cohortId: { youthId, cohortId } },
    create: { youthId, cohortId, status: "SUBMITTED" },
    update: {},
  });
}

// A made-up id: the research team sees every draw, so "out of scope" for it is "does not exist".
const NO_SUCH = () => "no-such-record";

export const LOTTERY_ROUTES: Row[] = [
  // applications
  { method: "GET", path: "/applications", permission: "application:read" },
  { method: "GET", path: "/applications/new", permission: "application:manage" },
  { method: "POST", path: "/applications", permission: "application:manage", body: {} },
  { method: "GET", path: "/applications/import", permission: "application:import" },
  { method: "POST", path: "/applications/import", permission: "application:import", body: {} },
  { method: "GET", path: "/applications/:id", permission: "application:read", target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "GET", path: "/applications/:id/edit", permission: "application:manage", target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "POST", path: "/applications/:id", permission: "application:manage", body: {}, target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "POST", path: "/applications/:id/commitments", permission: "commitment:record", body: {}, target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "GET", path: "/me/commitments", permission: "commitment:confirm-own" },
  { method: "POST", path: "/me/commitments", permission: "commitment:confirm-own", body: {} },
  // cohorts and quotas
  { method: "GET", path: "/cohorts", permission: "cohort:manage" },
  { method: "GET", path: "/cohorts/new", permission: "cohort:manage" },
  { method: "POST", path: "/cohorts", permission: "cohort:manage", body: {} },
  { method: "GET", path: "/cohorts/:id", permission: "cohort:manage", target: { inScope: (w) => w.cohort.id } },
  { method: "POST", path: "/cohorts/:id/quotas", permission: "cohort:manage", body: {}, target: { inScope: (w) => w.cohort.id } },
  // the lottery
  { method: "GET", path: "/lottery", permission: "lottery:read" },
  { method: "GET", path: "/lottery/strata/:id", permission: "lottery:manage", target: { inScope: homeQuota } },
  { method: "GET", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", target: { inScope: homeQuota } },
  { method: "POST", path: "/lottery/strata/:id/freeze", permission: "lottery:manage", body: {}, target: { inScope: homeQuota } },
  { method: "POST", path: "/lottery/strata/:id/draw", permission: "lottery:manage", body: {}, target: { inScope: homeQuota } },
  { method: "GET", path: "/lottery/draws/:id", permission: "lottery:read", target: { inScope: homeDraw, outOfScope: NO_SUCH } },
  { method: "POST", path: "/lottery/draws/:id/validation", permission: "lottery:manage", body: {}, target: { inScope: homeDraw } },
  { method: "POST", path: "/lottery/draws/:id/withdrawals", permission: "lottery:promote", body: {}, target: { inScope: homeDraw } },
  { method: "POST", path: "/lottery/draws/:id/info-meeting", permission: "commitment:record", body: {}, target: { inScope: homeDraw, outOfScope: awayDraw } },
  // public, no login, no personal data
  { method: "GET", path: "/lottery/draws/:id/proof.json", permission: "public", target: { inScope: homeDraw } },
  { method: "GET", path: "/lottery/freezes/:id/list.json", permission: "public", target: { inScope: homeFreeze } },
];
