// Caseload benchmark: referent.orleans follows 300 young people in a programme of 10 000 (the
// national data set). The whole page — GET /caseload through the real app on loopback (session,
// policy, summaries, EJS) — is timed one request at a time, on several views of the caseload; and
// the SQL statements of each request are counted: the same number whatever the page's size.
// Run: npx tsx bench/caseload.ts [national database file]
// Without a file, the national data set is built into .tmp/bench/caseload-national.db (about a minute).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

const RUNS = Number(process.env.RUNS ?? 100);
const TARGET_P95_MS = 50;
const PASSWORD = "Autonomie-2026!";

const file = path.resolve(process.argv[2] ?? ".tmp/bench/caseload-national.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.LOG_LEVEL = "silent";
process.env.SESSION_SECRET ??= "bench-session-secret-0123456789abcdef0123456789";
process.env.PSEUDONYM_KEY ??= "bench-pseudonym-key-0123456789abcdef";
process.env.COOKIE_SECURE = "false";
if (!existsSync(file)) {
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`Données nationales construites dans ${path.relative(process.cwd(), file)}…`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "scripts/national/seed.ts"], { env: process.env, stdio: "pipe" });
} else {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
}

// Every statement the app runs goes through better-sqlite3's prepare: counting those calls counts
// the statements of a request.
let statements = 0;
const prepare: (this: Database.Database, source: string) => Database.Statement = Reflect.get(Database.prototype, "prepare");
Database.prototype.prepare = function (this: Database.Database, source: string) {
  statements += 1;
  return prepare.call(this, source);
} as Database.Database["prepare"];

const { db, tuneSqlite, disconnectDb } = await import("../src/db/client.ts");
const { prepareSummaries } = await import("../scripts/startup.ts");
const { createApp } = await import("../src/app.ts");
await tuneSqlite();
await prepareSummaries((line) => console.log(line));
const followed = await db().youth.count({ where: { referent: { email: "referent.orleans@autonomie.test" } } });

const server = createApp().listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const cookies = new Map<string, string>();
const keep = (response: Response) => {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
};
const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
const loginPage = await fetch(`${base}/login`);
keep(loginPage);
const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
keep(
  await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "referent.orleans@autonomie.test", password: PASSWORD, _csrf: csrf }),
  }),
);

async function get(url: string): Promise<{ rows: number; statements: number }> {
  const before = statements;
  const response = await fetch(`${base}${url}`, { headers: { cookie: cookie() } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { rows: html.match(/<tr data-youth-id=/g)?.length ?? 0, statements: statements - before };
}

async function measure(url: string) {
  for (let i = 0; i < 10; i += 1) await get(url); // warm-up (JIT, SQLite page cache)
  const timings: number[] = [];
  let last = { rows: 0, statements: 0 };
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    last = await get(url);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { url, ...last, median: timings[Math.floor(RUNS / 2)]!, p95: timings[Math.ceil(RUNS * 0.95) - 1]! };
}

const views = ["/caseload", "/caseload?page=6", "/caseload?warning=STALLED_SKILL", "/caseload?all=1&page=2"];
const results = [];
for (const url of views) results.push(await measure(url));
server.close();
await disconnectDb();

console.log(`Suivi des jeunes : referent.orleans suit ${followed} jeunes, ${RUNS} requêtes par vue, une à la fois`);
for (const r of results)
  console.log(
    `  ${r.url.padEnd(38)} ${String(r.rows).padStart(3)} lignes · ${r.statements} requêtes SQL · médiane ${r.median.toFixed(1)} ms · p95 ${r.p95.toFixed(1)} ms`,
  );
const slow = results.filter((r) => !(r.p95 < TARGET_P95_MS));
const counts = new Set(results.map((r) => r.statements));
console.log(`  cible : p95 < ${TARGET_P95_MS} ms, le même nombre de requêtes SQL quelle que soit la taille de la page`);
if (slow.length > 0 || counts.size > 1) {
  console.error(slow.length > 0 ? "Cible de temps manquée." : "Le nombre de requêtes varie avec la page.");
  process.exit(1);
}
