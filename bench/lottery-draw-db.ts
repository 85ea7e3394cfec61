// Lottery draw benchmark through the database: one stratum of 10 000 eligible applicants, frozen
// then drawn by the real services (sha256-rank-v1, createMany in one transaction), on a temporary
// SQLite file migrated like the tests' template. Run: npx tsx bench/lottery-draw-db.ts
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const APPLICANTS = 10_000;
const SEATS = 1_500;
const RUNS = 3;
const TARGET_MS = 1_000;

const dir = path.resolve(".tmp/bench-lottery");
const file = path.join(dir, "bench.db");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  PSEUDONYM_KEY: "bench-pseudonym-key-0123456789abcdef",
  LOG_LEVEL: "warn",
});
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });

// Imported after DATABASE_URL is set: the app's one client opens this file.
const { db, tuneSqlite, disconnectDb } = await import("../src/db/client.ts");
const { freezeStratum, drawStratum } = await import("../src/features/lottery/service.ts");
const { verifyStoredDraw } = await import("../src/features/lottery/verification.ts");
await tuneSqlite();

const prisma = db();
const missionLocale = await prisma.missionLocale.create({ data: { code: "ORLEANS", name: "Mission Locale de l'Orléanais" } });
const admin = await prisma.user.create({ data: { role: "ADMIN", email: "bench@autonomie.test", displayName: "Banc d'essai" } });
const actor = { id: admin.id, role: "ADMIN" as const, missionLocaleId: null, drivingSchoolId: null, youthId: null };
const consent = new Date("2026-03-01T10:00:00Z");
await prisma.youth.createMany({
  data: Array.from({ length: APPLICANTS }, (_, i) => ({
    ref: `AUT-2026-${String(i + 1).padStart(5, "0")}`,
    firstName: "Prénom",
    lastName: `Nom${i}`,
    birthDate: new Date(Date.UTC(2002 + (i % 5), i % 12, 1 + (i % 28))),
    gender: i % 2 ? "FEMALE" : "MALE",
    employmentStatus: "JOB_SEEKER",
    professionalProject: "Projet",
    lotteryConsentAt: consent,
    evaluationConsentAt: consent,
    missionLocaleId: missionLocale.id,
  })),
});
const youthIds = (await prisma.youth.findMany({ select: { id: true } })).map((y) => y.id);

type Timing = { freeze: number; draw: number };
async function runOnce(run: number): Promise<Timing> {
  // A draw is immutable: each run draws a new cohort over the same 10 000 youths.
  const cohort = await prisma.cohort.create({ data: { name: `Banc ${run}`, drawDate: new Date("2026-07-01T08:00:00Z") } });
  const quota = await prisma.cohortQuota.create({ data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, seats: SEATS } });
  await prisma.application.createMany({ data: youthIds.map((youthId) => ({ youthId, cohortId: cohort.id, status: "SUBMITTED" })) });
  const start = performance.now();
  await freezeStratum(actor, quota.id);
  const frozen = performance.now();
  const drawId = await drawStratum(actor, quota.id, { seed: `2026-07-01-EuroMillions-${run}`, seedIsPublic: "on" });
  const drawn = performance.now();
  const draw = await prisma.lotteryDraw.findUniqueOrThrow({
    where: { id: drawId },
    select: {
      seed: true,
      seats: true,
      listDigest: true,
      drawnAt: true,
      freeze: { select: { listDigest: true, applicants: { select: { ref: true } } } },
      entries: { orderBy: { rank: "asc" } },
    },
  });
  const check = verifyStoredDraw({
    cohortName: cohort.name,
    stratum: "ORLEANS",
    seats: draw.seats,
    seed: draw.seed,
    listDigest: draw.listDigest,
    drawnAt: draw.drawnAt,
    entries: draw.entries.map((e) => ({ ref: e.ref, key: e.key, rank: e.rank, outcome: e.outcome })),
    frozenRefs: draw.freeze.applicants.map((a) => a.ref),
    freezeDigest: draw.freeze.listDigest,
  });
  if (!check.ok || draw.entries.length !== APPLICANTS)
    throw new Error(`draw ${run}: ${draw.entries.length} entries, ${check.problems[0] ?? "verified"}`);
  return { freeze: frozen - start, draw: drawn - frozen };
}

const timings: Timing[] = [];
for (let run = 0; run <= RUNS; run += 1) timings.push(await runOnce(run));
const [warmUp, ...counted] = timings;
const format = (ms: number): string => `${ms.toFixed(1)} ms`;
console.log(
  `Tirage en base : ${APPLICANTS} candidatures éligibles, ${SEATS} places, ${RUNS} mesures (+1 de chauffe : gel ${format(warmUp!.freeze)}, tirage ${format(warmUp!.draw)})`,
);
for (const step of ["freeze", "draw"] as const) {
  const values = counted.map((t) => t[step]).sort((a, b) => a - b);
  console.log(
    `  ${(step === "freeze" ? "gel de la liste" : "tirage").padEnd(16)} médiane ${format(values[Math.floor(values.length / 2)]!).padStart(10)}  max ${format(values.at(-1)!).padStart(10)}`,
  );
}
const worst = Math.max(...counted.map((t) => t.draw));
console.log(
  worst < TARGET_MS
    ? `Objectif tenu : pire tirage ${format(worst)} < ${TARGET_MS} ms.`
    : `Objectif MANQUÉ : pire tirage ${format(worst)} ≥ ${TARGET_MS} ms.`,
);
await disconnectDb();
rmSync(dir, { recursive: true, force: true });
process.exitCode = worst < TARGET_MS ? 0 : 1;
