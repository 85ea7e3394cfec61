// Server-side time of the pages people use most, at the national scale (10 000 young people):
// the demo programme plus synthetic applicants in Orléans, served over loopback by the real app
// (sessions, CSRF, policy, EJS). Prints median and p95 per page; exits 1 when a p95 is over target.
//   npx tsx bench/hot-pages.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

const TARGET_P95_MS = 150;
const RUNS = 40;
const YOUTHS = 10_000;
const PASSWORD = "Autonomie-2026!";

const dir = mkdtempSync(path.join(os.tmpdir(), "spid-bench-"));
Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  PSEUDONYM_KEY: "bench-pseudonym-key-0123456789abcdef",
  COOKIE_SECURE: "false",
});
execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: "ignore" });

const { db, tuneSqlite, disconnectDb } = await import("../src/db/client.ts");
const { seedDemo } = await import("../scripts/demo/seed.ts");
const { createApp } = await import("../src/app.ts");

await tuneSqlite();
await seedDemo(db(), { today: new Date() });
const orleans = await db().missionLocale.findUniqueOrThrow({ where: { code: "ORLEANS" } });
const cohort = await db().cohort.findFirstOrThrow({ orderBy: { drawDate: "desc" } });
const missing = YOUTHS - (await db().youth.count());
const youths = Array.from({ length: missing }, (_, i) => ({
  id: `bench-youth-${i}`,
  ref: `AUT-2099-${String(i).padStart(5, "0")}`,
  firstName: "Prénom",
  lastName: `Nom${i % 997}`,
  searchName: `prenom nom${i % 997}`,
  birthDate: new Date(Date.UTC(2003, i % 12, (i % 28) + 1)),
  gender: i % 2 ? ("MALE" as const) : ("FEMALE" as const),
  employmentStatus: "JOB_SEEKER",
  professionalProject: "Projet",
  missionLocaleId: orleans.id,
}));
await db().$transaction(async (tx) => {
  await tx.youth.createMany({ data: youths });
  await tx.application.createMany({ data: youths.map((y) => ({ youthId: y.id, cohortId: cohort.id, status: "SUBMITTED" as const })) });
});

const server = createApp().listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function signIn(email: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const demoYouth = await db().user.findUniqueOrThrow({ where: { email: "jeune@autonomie.test" }, select: { youthId: true } });
const PAGES: [string, string][] = [
  ["coordination@autonomie.test", "/"],
  ["coordination@autonomie.test", "/applications"],
  ["referent.orleans@autonomie.test", "/"],
  ["referent.orleans@autonomie.test", "/applications"],
  ["referent.orleans@autonomie.test", "/applications?q=nom42"],
  ["referent.orleans@autonomie.test", `/youths/${demoYouth.youthId}`],
  ["ecole.orleans@autonomie.test", "/"],
  ["ecole.orleans@autonomie.test", "/lessons/week"],
  ["jeune@autonomie.test", "/me"],
];

let failed = false;
console.log(`${await db().youth.count()} jeunes, ${RUNS} requêtes par page, cible p95 < ${TARGET_P95_MS} ms`);
for (const [email, page] of PAGES) {
  const cookie = await signIn(email);
  const times: number[] = [];
  for (let run = 0; run < RUNS + 3; run += 1) {
    const started = performance.now();
    const response = await fetch(`${base}${page}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${email} ${page} → ${response.status}`);
    if (run >= 3) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  failed ||= p95 > TARGET_P95_MS;
  console.log(
    `${p95 > TARGET_P95_MS ? "TROP LENT" : "ok       "} ${email.padEnd(34)} ${page.padEnd(24)} médiane ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`,
  );
}

server.close();
await disconnectDb();
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
