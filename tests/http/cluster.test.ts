// `npm start` in production runs one server process per core (WEB_CONCURRENCY): a session opened
// on one process is valid on the others, a process that dies is replaced, and SIGTERM stops them all.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csrfFrom } from "../helpers/app.ts";
import { freePort } from "../helpers/server-process.ts";
import { makeUser, PASSWORD } from "../helpers/factories.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The primary's server processes (its other child is the TypeScript loader's esbuild service). */
function workersOf(primary: ChildProcess): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(primary.pid), "-f", "scripts/start.ts"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return [];
  }
}

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let server: ChildProcess | undefined;
afterAll(() => {
  if (server?.exitCode === null) server.kill("SIGKILL");
});

describe("several server processes", () => {
  it("cluster — two processes, a session, a killed process, SIGTERM — shared session, replaced process, clean stop", async () => {
    const admin = await makeUser("ADMIN");
    const port = await freePort();
    // node itself (not the tsx launcher) so that its pid is the primary's.
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        SPID_DEMO: "false",
        WEB_CONCURRENCY: "2",
        PORT: String(port),
        LOG_LEVEL: "silent",
        COOKIE_SECURE: "false",
        REQUIRE_TOTP: "false",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(() => (output.includes("(2 processus)") ? true : undefined), "the cluster to listen", 60_000);
    const base = `http://127.0.0.1:${port}`;
    expect(workersOf(server)).toHaveLength(2);

    // Each request on a new connection: the cluster hands connections to its processes in turn.
    const cookies = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(base + url, {
        ...init,
        redirect: "manual",
        headers: { ...init.headers, connection: "close", cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
      return response;
    };
    const csrf = csrfFrom(await (await send("/login")).text());
    const signIn = await send("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: admin.email, password: PASSWORD, _csrf: csrf }),
    });
    expect(signIn.status).toBe(303);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await send("/")).status);
    expect(statuses).toEqual(Array(8).fill(200));

    const [victim] = workersOf(server);
    process.kill(victim!, "SIGKILL");
    await until(() => {
      const workers = workersOf(server!);
      return workers.length === 2 && !workers.includes(victim!) ? workers : undefined;
    }, "a replacement process");
    const after = [];
    for (let i = 0; i < 4; i++) after.push((await send("/")).status);
    expect(after).toEqual(Array(4).fill(200));

    server.kill("SIGTERM");
    const [code] = (await once(server, "exit")) as [number | null];
    expect(code).toBe(0);
  }, 120_000);
});
