// npm run bench [-- --duration <seconds>] [--only <text>] [--demo-only] [--no-postgres] [--profile <dir>]: requests/s and p95 latency of the pages people use most,
// measured from outside with autocannon (20 connections, 10 s a route after a 1 s warm-up) against
// the app in production mode on loopback — on the demo programme and on the national data set when
// its seed exists, each page on both back to back, on SQLite; then both again on PostgreSQL when it
// is installed (a throwaway server on loopback, durable as in production). Each page is compared
// with /livez (the stack's ceiling: no session, no database) and with itself at demo scale. Prints
// a table and writes bench/results.json.
// The targets are reported, not enforced by the exit code: throughput on a shared 2-core machine
// depends on its neighbours, and a build must not fail because of them.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { migrateDatabase } from "../src/db/prepare.ts";
import { BENCH_SERVER_ENV } from "./server-env.ts";

const CONNECTIONS = 20;
const DEFAULT_SECONDS = 10;
const WARMUP_SECONDS = 1;
const TARGETS = { shareOfLivez: 0.04, p95Ms: 100, nationalOverDemo: 0.8 };
const PASSWORD = "Autonomie-2026!";
const DEMO_YOUTH_NAME = "Martin Inès";
const ROOT = path.resolve(import.meta.dirname, "..");
const SCRATCH = path.join(ROOT, ".tmp/bench");
const NATIONAL_SEED = path.join(ROOT, "scripts/national/seed.ts");
const POSTGRES_SERVER = path.join(ROOT, "scripts/postgres-local.sh");
const COPY_TO_POSTGRES = path.join(ROOT, "scripts/sqlite-to-postgres.ts");
const POSTGRES_DIR = path.join(SCRATCH, "postgres");
const POSTGRES_PORT = "55439";
const RESULTS = path.join(ROOT, "bench/results.json");

const ACCOUNTS = {
  coordination: "coordination@autonomie.test",
  referent: "referent.orleans@autonomie.test",
  school: "ecole.orleans@autonomie.test",
  evaluation: "evaluation@autonomie.test",
  youth: "jeune@autonomie.test",
} as const;
type Account = keyof typeof ACCOUNTS;

type Page = { label: string; account: Account | null; method: "GET" | "POST"; path: string; form?: Record<string, string> };
type Measure = {
  requestsPerSecond: number;
  p95Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses other than the page's normal one (200, or 303 after a form), and socket errors. */
  unexpected: number;
};
type Outcome = Measure | { failed: string };
type Dataset =
  { routes: Record<string, Outcome>; paths: Record<string, string>; notes: string[]; seedSeconds?: number } | { skipped: string };
type Jar = Map<string, string>;
type Server = { base: string; child: ChildProcess; workers: number };

// ---------------------------------------------------------------------------------------------
// The server and its databases

function scratchDatabase(name: string): { url: string; file: string } {
  mkdirSync(SCRATCH, { recursive: true });
  const file = path.join(SCRATCH, `${name}.db`);
  removeDatabase(file);
  return { url: `file:${file}`, file };
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

async function startServer(databaseUrl: string): Promise<Server> {
  // Request logs (stdout) are written as in production, then dropped; errors and progress show.
  const child = fork(path.join(ROOT, "bench/server.ts"), [], {
    env: { ...process.env, ...BENCH_SERVER_ENV, DATABASE_URL: databaseUrl },
    execArgv: profileDir ? [...process.execArgv, "--cpu-prof", `--cpu-prof-dir=${profileDir}`] : process.execArgv,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const { port, workers } = await new Promise<{ port: number; workers: number }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { port: number; workers: number }));
    child.once("exit", (code) => reject(new Error(`the server stopped before listening (exit code ${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, workers };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.disconnect();
  const timer = setTimeout(() => server.child.kill(), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The national data set into its scratch database; its duration in seconds. */
function seedNational(databaseUrl: string, file: string): number {
  migrateDatabase(databaseUrl, file);
  const started = performance.now();
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [NATIONAL_SEED], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: BENCH_SERVER_ENV.SESSION_SECRET,
      PSEUDONYM_KEY: BENCH_SERVER_ENV.PSEUDONYM_KEY,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return (performance.now() - started) / 1000;
}

/** A throwaway PostgreSQL server on loopback (fsync on, as in production); its URL. */
function startPostgres(): string {
  return execFileSync("bash", [POSTGRES_SERVER, "start", POSTGRES_DIR, POSTGRES_PORT], {
    encoding: "utf8",
    env: { ...process.env, POSTGRES_DURABLE: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

function stopPostgres(): void {
  execFileSync("bash", [POSTGRES_SERVER, "stop", POSTGRES_DIR], { stdio: "inherit" });
  rmSync(POSTGRES_DIR, { recursive: true, force: true });
}

/** An empty database of that name on the server; its URL. */
async function postgresDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The national data set on PostgreSQL: its seed writes SQLite, whose rows are then copied over. */
function copyToPostgres(sqliteFile: string, databaseUrl: string): void {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [COPY_TO_POSTGRES, sqliteFile, databaseUrl], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

// ---------------------------------------------------------------------------------------------
// A browser's cookies, sign-in and the ids the pages need

function keepCookies(jar: Jar, response: Response): void {
  // Every Set-Cookie goes back: the session's, and the device cookie a sign-in leaves.
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const equals = pair.indexOf("=");
    if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1));
  }
}

function cookieHeader(jar: Jar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function send(base: string, jar: Jar, page: Pick<Page, "method" | "path" | "form">): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { cookie: cookieHeader(jar) };
  if (page.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const response = await fetch(base + page.path, {
    method: page.method,
    headers,
    body: page.form ? new URLSearchParams(page.form).toString() : undefined,
    redirect: "manual",
  });
  keepCookies(jar, response);
  const location = response.headers.get("location");
  return { status: response.status, text: location ? `→ ${location}` : await response.text() };
}

function csrfOf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

async function signIn(base: string, email: string): Promise<Jar> {
  const jar: Jar = new Map();
  const form = await send(base, jar, { method: "GET", path: "/login" });
  const csrf = csrfOf(form.text);
  if (!csrf) throw new Error("no _csrf field on /login");
  // Only correct sign-ins: failures count towards the sign-in throttle.
  const signedIn = await send(base, jar, { method: "POST", path: "/login", form: { email, password: PASSWORD, _csrf: csrf } });
  if (signedIn.status !== 303 && signedIn.status !== 302) throw new Error(`sign-in as ${email} answered ${signedIn.status}`);
  return jar;
}

/** The demo youth's file, from the links the counsellor follows: her home, else a search of the
 * applications (else the first youth linked from the home, with a note). */
async function findYouthId(base: string, referent: Jar, notes: string[]): Promise<string> {
  const home = await send(base, referent, { method: "GET", path: "/" });
  const fromHome = new RegExp(`href="/youths/([^"]+)">${DEMO_YOUTH_NAME}<`).exec(home.text)?.[1];
  if (fromHome) return fromHome;
  const search = await send(base, referent, { method: "GET", path: `/applications?q=${encodeURIComponent(DEMO_YOUTH_NAME)}` });
  const application = new RegExp(`href="/applications/([^"]+)">${DEMO_YOUTH_NAME}<`).exec(search.text)?.[1];
  if (application) {
    const file = await send(base, referent, { method: "GET", path: `/applications/${application}` });
    const fromApplication = /href="\/youths\/([^"]+)">Fiche du jeune</.exec(file.text)?.[1];
    if (fromApplication) return fromApplication;
  }
  const anyYouth = /href="\/youths\/([^"]+)"/.exec(home.text)?.[1];
  if (!anyYouth) throw new Error("no youth file linked from referent.orleans's home");
  notes.push(`/youths/:id: ${DEMO_YOUTH_NAME} was not found from referent.orleans's pages; the first youth of her home was measured`);
  return anyYouth;
}

/** A lesson that has started (its "Présent·e" button shows) and accepts attendance: this week's
 * or last week's, on the school's week page. */
async function findStartedLesson(base: string, school: Jar): Promise<{ id: string; csrf: string }> {
  const thisWeek = await send(base, school, { method: "GET", path: "/lessons/week" });
  const lastWeek = /href="\/lessons\/week\?week=([0-9-]+)[^"]*">← Semaine précédente/.exec(thisWeek.text)?.[1];
  const pages = [thisWeek.text];
  if (lastWeek) pages.push((await send(base, school, { method: "GET", path: `/lessons/week?week=${lastWeek}` })).text);
  for (const html of pages) {
    const csrf = csrfOf(html);
    const started = html
      .split('<form method="post" action="/lessons/')
      .slice(1)
      .filter((form) => (form.split("</form>")[0] ?? "").includes('name="attendance" value="PRESENT"'))
      .map((form) => form.split("/attendance")[0] ?? "");
    for (const id of started.slice(0, 5)) {
      const tried = await send(base, school, {
        method: "POST",
        path: `/lessons/${id}/attendance`,
        form: { attendance: "PRESENT", _csrf: csrf ?? "" },
      });
      if (tried.status === 303 && csrf) return { id, csrf };
    }
  }
  throw new Error("no started lesson of ecole.orleans accepts attendance this week or last week");
}

// ---------------------------------------------------------------------------------------------
// Measures

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(base: string, page: Page, jar: Jar | undefined, seconds: number): Promise<Measure> {
  const expected = page.method === "POST" ? 303 : 200;
  const headers: Record<string, string> = jar ? { cookie: cookieHeader(jar) } : {};
  if (page.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const run = autocannon({
    url: base + page.path,
    method: page.method,
    headers,
    body: page.form ? new URLSearchParams(page.form).toString() : undefined,
    connections: CONNECTIONS,
    duration: seconds,
    warmup: { connections: CONNECTIONS, duration: Math.min(WARMUP_SECONDS, seconds) },
  });
  // autocannon reports p97.5 and p99, not p95: the p95 is taken from every response's latency.
  const latencies: number[] = [];
  let unexpected = 0;
  run.on("response", (_client, statusCode, _bytes, milliseconds) => {
    latencies.push(milliseconds);
    if (statusCode !== expected) unexpected += 1;
  });
  const result = await run;
  latencies.sort((a, b) => a - b);
  return {
    // Completed responses over the measured time: autocannon's per-second samples drop the last
    // partial second, which matters on a short run.
    requestsPerSecond: result.requests.total / result.duration,
    p95Ms: percentile(latencies, 0.95),
    p97_5Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    unexpected: unexpected + result.errors + result.timeouts,
  };
}

function pagesToMeasure(youthId: string | undefined, lesson: { id: string; csrf: string } | undefined): Page[] {
  return [
    { label: "GET /livez", account: null, method: "GET", path: "/livez" },
    { label: "GET /health", account: null, method: "GET", path: "/health" },
    { label: "coordination GET /", account: "coordination", method: "GET", path: "/" },
    { label: "referent GET /", account: "referent", method: "GET", path: "/" },
    { label: "school GET /", account: "school", method: "GET", path: "/" },
    { label: "evaluation GET /", account: "evaluation", method: "GET", path: "/" },
    { label: "youth GET /me", account: "youth", method: "GET", path: "/me" },
    { label: "referent GET /applications", account: "referent", method: "GET", path: "/applications" },
    { label: "referent GET /caseload", account: "referent", method: "GET", path: "/caseload" },
    { label: "referent GET /youths/:id", account: "referent", method: "GET", path: youthId ? `/youths/${youthId}` : "" },
    { label: "school GET /lessons/week", account: "school", method: "GET", path: "/lessons/week" },
    {
      label: "school POST /lessons/:id/attendance",
      account: "school",
      method: "POST",
      path: lesson ? `/lessons/${lesson.id}/attendance` : "",
      form: { attendance: "PRESENT", _csrf: lesson?.csrf ?? "" },
    },
  ];
}

const selected = (page: Page): boolean => !only || page.path === "/livez" || page.label.includes(only);

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A data set's server, signed in as every account, with the pages to measure (their ids found). */
type Opened = {
  name: string;
  server: Server;
  jars: Partial<Record<Account, Jar>>;
  signInErrors: Partial<Record<Account, string>>;
  pages: Page[];
  lookupErrors: { youth?: string; lesson?: string };
  notes: string[];
};

async function openDataset(name: string, databaseUrl: string): Promise<Opened> {
  console.log(`\n[bench] ${name}: starting the server (production mode, 127.0.0.1)…`);
  const server = await startServer(databaseUrl);
  serverProcesses = server.workers;
  console.log(`[bench] ${name}: ${server.workers} server process${server.workers > 1 ? "es" : ""} (WEB_CONCURRENCY)`);
  const opened: Opened = { name, server, jars: {}, signInErrors: {}, pages: [], lookupErrors: {}, notes: [] };
  try {
    for (const account of Object.keys(ACCOUNTS) as Account[]) {
      try {
        opened.jars[account] = await signIn(server.base, ACCOUNTS[account]);
      } catch (error) {
        opened.signInErrors[account] = message(error);
      }
    }
    const { referent, school } = opened.jars;
    let youthId: string | undefined;
    let lesson: { id: string; csrf: string } | undefined;
    if (referent)
      await findYouthId(server.base, referent, opened.notes).then(
        (id) => (youthId = id),
        (e) => (opened.lookupErrors.youth = message(e)),
      );
    if (school)
      await findStartedLesson(server.base, school).then(
        (found) => (lesson = found),
        (e) => (opened.lookupErrors.lesson = message(e)),
      );
    opened.pages = pagesToMeasure(youthId, lesson).filter(selected);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return opened;
}

async function measurePage(opened: Opened, page: Page, seconds: number): Promise<Outcome> {
  const jar = page.account ? opened.jars[page.account] : new Map<string, string>();
  const missing = page.account && opened.signInErrors[page.account];
  const lookupError = page.path ? undefined : page.method === "POST" ? opened.lookupErrors.lesson : opened.lookupErrors.youth;
  if (!jar || missing || lookupError || !page.path) return { failed: missing || lookupError || "not measured" };
  // One request first: a page that answers an error or a redirect is reported, not timed.
  const probe = await send(opened.server.base, jar, page);
  const expected = page.method === "POST" ? 303 : 200;
  return probe.status === expected
    ? measure(opened.server.base, page, jar, seconds)
    : { failed: `answered ${probe.status}${probe.text.startsWith("→") ? ` ${probe.text}` : ""}` };
}

/**
 * Measures every page on each data set, a page on all of them back to back (the demo's, then the
 * national's): the machine is shared and its speed drifts over minutes, so a page's national/demo
 * ratio compares two measures taken seconds apart, not a whole run apart. Every server stays up,
 * idle but for the page being measured.
 */
async function benchDatasets(sets: { name: string; url: string; seedSeconds?: number }[], seconds: number): Promise<Dataset[]> {
  const opened: (Opened | { skipped: string })[] = [];
  try {
    for (const set of sets)
      opened.push(
        await openDataset(set.name, set.url).catch((error: unknown) => ({ skipped: `the ${set.name} run failed: ${message(error)}` })),
      );
    const datasets: Dataset[] = opened.map((one, index) => {
      if ("skipped" in one) return one;
      const seedSeconds = sets[index]?.seedSeconds;
      return { routes: {}, paths: {}, notes: one.notes, ...(seedSeconds === undefined ? {} : { seedSeconds }) };
    });
    for (const label of labels) {
      for (const [index, one] of opened.entries()) {
        const dataset = datasets[index];
        const page = "skipped" in one ? undefined : one.pages.find((candidate) => candidate.label === label);
        if ("skipped" in one || !page || !dataset || !("routes" in dataset)) continue;
        dataset.paths[label] = page.path;
        dataset.routes[label] = await measurePage(one, page, seconds);
        console.log(`[bench] ${one.name.padEnd(11)} ${label.padEnd(38)} ${describe(dataset.routes[label])}`);
      }
    }
    return datasets;
  } finally {
    for (const one of opened) if (!("skipped" in one)) await stopServer(one.server);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const measured = (outcome: Outcome | undefined): Measure | undefined => (outcome && "requestsPerSecond" in outcome ? outcome : undefined);
const mark = (ok: boolean): string => (ok ? "✓" : "✗");
const rate = (value: number): string => String(Math.round(value));
const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const percent = (value: number): string => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

function describe(outcome: Outcome | undefined): string {
  const m = measured(outcome);
  if (!m) return outcome && "failed" in outcome ? `not measured: ${outcome.failed}` : "—";
  const odd = m.unexpected > 0 ? `, ${m.unexpected} unexpected answers` : "";
  return `${rate(m.requestsPerSecond)} req/s, p95 ${ms(m.p95Ms)} (p97.5 ${ms(m.p97_5Ms)}, p99 ${ms(m.p99Ms)})${odd}`;
}

type Row = {
  route: string;
  demo?: Measure;
  national?: Measure;
  postgresDemo?: Measure;
  postgresNational?: Measure;
  shareOfLivez?: number;
  nationalOverDemo?: number;
  targetsMet?: boolean;
};

type Datasets = { demo: Dataset; national: Dataset; postgresDemo: Dataset; postgresNational: Dataset };

const routesOf = (dataset: Dataset): Record<string, Outcome> => ("routes" in dataset ? dataset.routes : {});

function rowsOf(labels: string[], { demo, national, postgresDemo, postgresNational }: Datasets): Row[] {
  const demoRoutes = routesOf(demo);
  const nationalRoutes = routesOf(national);
  const livez = measured(demoRoutes["GET /livez"]);
  return labels.map((route) => {
    const d = measured(demoRoutes[route]);
    const n = measured(nationalRoutes[route]);
    const shareOfLivez = d && livez ? d.requestsPerSecond / livez.requestsPerSecond : undefined;
    const nationalOverDemo = d && n ? n.requestsPerSecond / d.requestsPerSecond : undefined;
    const row: Row = {
      route,
      demo: d,
      national: n,
      postgresDemo: measured(routesOf(postgresDemo)[route]),
      postgresNational: measured(routesOf(postgresNational)[route]),
      shareOfLivez,
      nationalOverDemo,
    };
    if (route !== "GET /livez" && d) {
      // A page that answered errors under load (e.g. a write refused while another process held
      // the lock) misses its targets, however fast.
      row.targetsMet =
        d.unexpected === 0 &&
        (!n || n.unexpected === 0) &&
        (shareOfLivez ?? 0) >= TARGETS.shareOfLivez &&
        d.p95Ms < TARGETS.p95Ms &&
        (!n || (n.p95Ms < TARGETS.p95Ms && (nationalOverDemo ?? 0) >= TARGETS.nationalOverDemo));
    }
    return row;
  });
}

function table(rows: Row[]): string {
  const lines = [
    "| route | req/s demo | p95 demo | share of /livez | req/s national | p95 national | national / demo | PostgreSQL demo | PostgreSQL national |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const row of rows) {
    const isCeiling = row.route === "GET /livez";
    const { demo: d, national: n } = row;
    const share =
      row.shareOfLivez === undefined
        ? "—"
        : `${percent(row.shareOfLivez)}${isCeiling ? "" : ` ${mark(row.shareOfLivez >= TARGETS.shareOfLivez)}`}`;
    const p95 = (m: Measure | undefined) => (m ? `${ms(m.p95Ms)}${isCeiling ? "" : ` ${mark(m.p95Ms < TARGETS.p95Ms)}`}` : "—");
    const ratio =
      row.nationalOverDemo === undefined
        ? "—"
        : `${percent(row.nationalOverDemo)}${isCeiling ? "" : ` ${mark(row.nationalOverDemo >= TARGETS.nationalOverDemo)}`}`;
    const throughput = (m: Measure | undefined) =>
      m ? `${rate(m.requestsPerSecond)}${m.unexpected ? ` (⚠ ${m.unexpected} errors)` : ""}` : "—";
    // PostgreSQL: requests/s and p95 together, for comparison (the targets are judged on SQLite).
    const postgres = (m: Measure | undefined) => (m ? `${throughput(m)} · ${ms(m.p95Ms)}` : "—");
    lines.push(
      `| ${row.route} | ${throughput(d)} | ${p95(d)} | ${share} | ${throughput(n)} | ${p95(n)} | ${ratio} | ${postgres(row.postgresDemo)} | ${postgres(row.postgresNational)} |`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: String(DEFAULT_SECONDS) },
    // A quick look at some routes (their label contains the text; /livez is always measured):
    // results.json and the README's table are only written by a full run.
    only: { type: "string" },
    "demo-only": { type: "boolean", default: false },
    "no-postgres": { type: "boolean", default: false },
    // The server writes a V8 CPU profile (.cpuprofile, for Chrome's DevTools) into this folder.
    profile: { type: "string" },
  },
});
const seconds = Number(values.duration);
const only = values.only;
/** The measured routes' labels, in the table's order. */
const labels = pagesToMeasure("", { id: "", csrf: "" })
  .filter(selected)
  .map((page) => page.label);
const profileDir = values.profile && path.resolve(values.profile);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) {
  console.error("[bench] --duration: whole seconds between 1 and 60 (default 10)");
  process.exit(2);
}

const loadBefore = os.loadavg()[0] ?? 0;
let serverProcesses = 1;
const demoDb = scratchDatabase("demo");

// The national data set is seeded first, so that each page is then measured on both back to back.
let national: Dataset | undefined;
let nationalDb: { url: string; file: string; seedSeconds: number } | undefined;
if (values["demo-only"]) {
  national = { skipped: "--demo-only: the national column is skipped" };
} else if (existsSync(NATIONAL_SEED)) {
  const db = scratchDatabase("national");
  console.log("\n[bench] national: seeding the national data set (scripts/national/seed.ts)…");
  try {
    const seedSeconds = seedNational(db.url, db.file);
    console.log(`[bench] national: seeded in ${seedSeconds.toFixed(1)} s`);
    nationalDb = { ...db, seedSeconds };
  } catch (error) {
    national = { skipped: `the national seed failed: ${message(error)}` };
  }
} else {
  national = { skipped: "scripts/national/seed.ts does not exist yet: the national column is skipped" };
}
const [demo = { skipped: "the demo run did not start" }, nationalMeasured] = await benchDatasets(
  [
    { name: "demo", url: demoDb.url },
    ...(nationalDb ? [{ name: "national", url: nationalDb.url, seedSeconds: nationalDb.seedSeconds }] : []),
  ],
  seconds,
);
national ??= nationalMeasured ?? { skipped: "the national run did not start" };
removeDatabase(demoDb.file);
if ("skipped" in demo) console.log(`\n[bench] ${demo.skipped}`);
if ("skipped" in national) console.log(`\n[bench] ${national.skipped}`);

let postgresDemo: Dataset = { skipped: "--no-postgres: the PostgreSQL columns are skipped" };
let postgresNational: Dataset = { skipped: "no national data set to copy to PostgreSQL" };
if (!values["no-postgres"]) {
  let serverUrl: string | undefined;
  try {
    console.log("\n[bench] PostgreSQL: starting a throwaway server on loopback (scripts/postgres-local.sh)…");
    serverUrl = startPostgres();
  } catch (error) {
    postgresDemo = { skipped: `PostgreSQL did not start (${message(error)}): the PostgreSQL columns are skipped` };
  }
  if (serverUrl) {
    try {
      const sets = [{ name: "pg demo", url: await postgresDatabase(serverUrl, "spid_bench_demo") }];
      if (nationalDb && "routes" in national) {
        const url = await postgresDatabase(serverUrl, "spid_bench_national");
        console.log("\n[bench] pg national: copying the national data set from SQLite (scripts/sqlite-to-postgres.ts)…");
        copyToPostgres(nationalDb.file, url);
        sets.push({ name: "pg national", url });
      }
      const [pgDemo, pgNational] = await benchDatasets(sets, seconds);
      if (pgDemo) postgresDemo = pgDemo;
      if (pgNational) postgresNational = pgNational;
    } catch (error) {
      postgresNational = { skipped: `the PostgreSQL run failed: ${message(error)}` };
    } finally {
      stopPostgres();
    }
  }
  for (const dataset of [postgresDemo, postgresNational]) if ("skipped" in dataset) console.log(`\n[bench] ${dataset.skipped}`);
}
if (nationalDb) removeDatabase(nationalDb.file);

const rows = rowsOf(labels, { demo, national, postgresDemo, postgresNational });
const printed = table(rows);
const notes = [demo, national, postgresDemo, postgresNational].flatMap((dataset) => ("routes" in dataset ? dataset.notes : []));
console.log(`\n${printed}\n`);
console.log(
  `Targets: every page ≥ ${percent(TARGETS.shareOfLivez)} of /livez's throughput, p95 < ${TARGETS.p95Ms} ms, national ≥ ${percent(TARGETS.nationalOverDemo)} of demo.`,
);
console.log(
  `${serverProcesses} server process(es), ${CONNECTIONS} connections, ${seconds} s a route after a ${Math.min(WARMUP_SECONDS, seconds)} s warm-up; load average at start ${loadBefore.toFixed(2)}, at end ${(os.loadavg()[0] ?? 0).toFixed(2)}.`,
);
for (const note of notes) console.log(`Note: ${note}`);
const missed = rows.filter((row) => row.targetsMet === false).map((row) => row.route);
console.log(missed.length ? `Targets missed: ${missed.join(", ")}.` : "All measured pages meet the targets.");

if (only || values["demo-only"]) process.exit(0);
writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, loadAverageAtStart: loadBefore, node: process.version },
      settings: { connections: CONNECTIONS, durationSeconds: seconds, warmupSeconds: Math.min(WARMUP_SECONDS, seconds), serverProcesses },
      targets: TARGETS,
      p95: "nearest rank over every measured response's latency (autocannon 'response' events)",
      datasets: { demo, national, postgresDemo, postgresNational },
      rows,
      table: printed,
    },
    null,
    2,
  )}\n`,
);
console.log(`[bench] results written to ${path.relative(ROOT, RESULTS)}`);
