// npx tsx bench/page-cost.ts <database file> [requests]: the server's CPU time per request for the
// pages people use most, read from /proc (Linux) around a burst of requests. Steadier than requests/s
// on a shared machine, and comparable between two databases (demo and national):
//   npx tsx bench/page-cost.ts .tmp/bench/demo.db
//   DATABASE_URL=file:.tmp/national.db npm run seed:national && npx tsx bench/page-cost.ts .tmp/national.db
//   ONLY=referent.orleans:/caseload npx tsx bench/page-cost.ts .tmp/national.db   (some pages, after /livez)
// The database must hold the demo accounts (npm start or npm run seed:national made it). The server
// runs as `npm run bench` runs it (bench/server.ts, production mode, one process, loopback).
import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BENCH_SERVER_ENV } from "./server-env.ts";
import { signedInCookie } from "./sign-in.ts";

const CONCURRENCY = 4;
const WARM_UP = 100;
const PAGES: [account: string | null, path: string][] = process.env.ONLY
  ? [[null, "/livez"], ...process.env.ONLY.split(",").map((p) => p.split(":") as [string, string])]
  : [
      [null, "/livez"],
      ["coordination", "/"],
      ["referent.orleans", "/"],
      ["ecole.orleans", "/"],
      ["evaluation", "/"],
      ["jeune", "/me"],
      ["referent.orleans", "/applications"],
      ["referent.orleans", "/caseload"],
      ["referent.orleans", "/youths/:first"],
      ["ecole.orleans", "/lessons/week"],
    ];

const [file, count = "300"] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.error("usage: npx tsx bench/page-cost.ts <database file> [requests per page]");
  process.exit(2);
}
const requests = Math.max(CONCURRENCY, Math.round(Number(count) / CONCURRENCY) * CONCURRENCY);

const server = fork(path.resolve(import.meta.dirname, "server.ts"), [], {
  env: {
    ...process.env,
    ...BENCH_SERVER_ENV,
    WEB_CONCURRENCY: "1",
    DATABASE_URL: `file:${path.resolve(file)}`,
  },
  execArgv: process.execArgv,
  stdio: ["ignore", "ignore", "inherit", "ipc"],
});
const { port } = await new Promise<{ port: number }>((resolve) =>
  server.once("message", (message) => resolve(message as { port: number })),
);
const base = `http://127.0.0.1:${port}`;

/** The server's user + system CPU time so far, in ms (clock ticks of 10 ms). */
function serverCpuMs(): number {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

console.log(`${path.basename(file)}: server CPU per request, ${requests} requests a page, ${CONCURRENCY} at a time`);
for (const [account, pagePath] of PAGES) {
  const cookie = account ? await signedInCookie(base, account) : "";
  let url = pagePath;
  if (pagePath === "/youths/:first") {
    const home = await (await fetch(`${base}/`, { headers: { cookie } })).text();
    url = `/youths/${/href="\/youths\/([^"]+)"/.exec(home)![1]}`;
  }
  const once = async () => {
    const response = await fetch(base + url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const before = serverCpuMs();
  for (let i = 0; i < requests / CONCURRENCY; i++) await Promise.all(Array.from({ length: CONCURRENCY }, once));
  const perRequest = (serverCpuMs() - before) / requests;
  console.log(`${`${account ?? "anonymous"} GET ${pagePath}`.padEnd(40)} ${perRequest.toFixed(2).padStart(6)} ms`);
}
server.disconnect();
