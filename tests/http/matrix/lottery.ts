// Fixtures of the authorization matrix for applications, cohorts and the lottery.
import type { Fixture, World } from "./foundation.ts";
import { testDb } from "../../helpers/factories.ts";
import { makeDraw, makeQuota } from "../../helpers/lottery-factories.ts";

// Each row gets its own world; what a target makes is made once per world.
const made = new WeakMap<World, Map<string, Promise<string>>>();
function once(w: World, key: string, make: () => Promise<string>): Promise<string> {
  let cache = made.get(w);
  if (!cache) made.set(w, (cache = new Map<string, Promise<string>>()));
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

const homeApplication = (w: World) => once(w, "home-application", async () => (await testApplication(w.home.youth.id, w.cohort.id)).id);
const awayApplication = (w: World) => once(w, "away-application", async () => (await testApplication(w.away.youth.id, w.cohort.id)).id);
const homeDraw = (w: World) =>
  once(
    w,
    "home-draw",
    async () =>
      (await makeDraw({ cohortId: w.cohort.id, missionLocaleId: w.home.missionLocale.id, adminId: w.admin.id, validated: true })).drawId,
  );
const awayDraw = (w: World) =>
  once(
    w,
    "away-draw",
    async () =>
      (await makeDraw({ cohortId: w.cohort.id, missionLocaleId: w.away.missionLocale.id, adminId: w.admin.id, validated: true })).drawId,
  );
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

export const LOTTERY_FIXTURES: Fixture[] = [
  // applications
  { method: "GET", path: "/applications" },
  { method: "GET", path: "/applications/new" },
  { method: "POST", path: "/applications", body: {} },
  { method: "GET", path: "/applications/import" },
  { method: "POST", path: "/applications/import", body: {} },
  { method: "GET", path: "/applications/:id", target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "GET", path: "/applications/:id/edit", target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "POST", path: "/applications/:id", body: {}, target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "POST", path: "/applications/:id/commitments", body: {}, target: { inScope: homeApplication, outOfScope: awayApplication } },
  { method: "GET", path: "/me/commitments" },
  { method: "POST", path: "/me/commitments", body: {} },
  // cohorts and quotas
  { method: "GET", path: "/cohorts" },
  { method: "GET", path: "/cohorts/new" },
  { method: "POST", path: "/cohorts", body: {} },
  { method: "GET", path: "/cohorts/:id", target: { inScope: (w) => w.cohort.id } },
  { method: "POST", path: "/cohorts/:id/quotas", body: {}, target: { inScope: (w) => w.cohort.id } },
  // the lottery
  { method: "GET", path: "/lottery" },
  { method: "GET", path: "/lottery/strata/:id", target: { inScope: homeQuota } },
  { method: "GET", path: "/lottery/strata/:id/freeze", target: { inScope: homeQuota } },
  { method: "POST", path: "/lottery/strata/:id/freeze", body: {}, target: { inScope: homeQuota } },
  { method: "POST", path: "/lottery/strata/:id/draw", body: {}, target: { inScope: homeQuota } },
  { method: "GET", path: "/lottery/draws/:id", target: { inScope: homeDraw, outOfScope: NO_SUCH } },
  { method: "POST", path: "/lottery/draws/:id/validation", body: {}, target: { inScope: homeDraw } },
  { method: "POST", path: "/lottery/draws/:id/withdrawals", body: {}, target: { inScope: homeDraw } },
  { method: "POST", path: "/lottery/draws/:id/info-meeting", body: {}, target: { inScope: homeDraw, outOfScope: awayDraw } },
  // public, no login, no personal data
  { method: "GET", path: "/lottery/draws/:id/proof.json", target: { inScope: homeDraw } },
  { method: "GET", path: "/lottery/freezes/:id/list.json", target: { inScope: homeFreeze } },
];
