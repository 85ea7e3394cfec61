// The real server (scripts/start.ts, as `npm start` runs it) in a child process on a free port,
// on the test file's database or another one, and a cookie-keeping client that speaks to it over
// loopback: for the tests that stop, kill or load a server.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { csrfFrom } from "./app.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A TCP port free on loopback now, for a server to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export type ServerProcess = { base: string; port: number; child: ChildProcess; exited: Promise<number | null> };

/** Starts the server, resolves once it listens. `env` overrides (DATABASE_URL, WEB_CONCURRENCY…). */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  // node itself (not the tsx launcher) so that the child's pid is the server's.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SPID_DEMO: "false",
      WEB_CONCURRENCY: "1",
      PORT: String(port),
      LOG_LEVEL: "silent",
      COOKIE_SECURE: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[spid] prêt sur")) resolve();
    });
    void exited.then((code) => reject(new Error(`the server stopped before listening (exit code ${code}): ${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, port, child, exited };
}

/** One browser: its own cookies (hence its own session) and the CSRF token of its session. */
export class HttpClient {
  readonly #cookies = new Map<string, string>();
  /** One kept-alive connection per client, as a browser tab. */
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });
  csrf = "";

  constructor(readonly base: string) {}

  /** The Cookie header of this browser's requests. */
  get cookie(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async send(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(this.base + url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: this.cookie } });
    this.#remember(response.headers.getSetCookie());
    return response;
  }

  #remember(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ""] = line.split(";");
      this.#cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  }

  /** A form POST with the session's CSRF token. Through node:http rather than fetch: a test that
   * sends thousands spends several times less of the machine's CPU on its own side. */
  post(url: string, form: Record<string, string>): Promise<{ status: number; location: string | undefined }> {
    const body = new URLSearchParams({ ...form, _csrf: this.csrf }).toString();
    return new Promise((resolve, reject) => {
      const sent = request(
        this.base + url,
        {
          method: "POST",
          agent: this.#agent,
          headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie: this.cookie },
        },
        (response) => {
          this.#remember(response.headers["set-cookie"] ?? []);
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
          response.on("error", reject);
        },
      );
      sent.on("error", reject);
      sent.end(body);
    });
  }

  async signIn(email: string, password: string): Promise<this> {
    this.csrf = csrfFrom(await (await this.send("/login")).text());
    const response = await this.post("/login", { email, password });
    if (response.status !== 303) throw new Error(`sign-in as ${email} gave ${response.status}`);
    this.csrf = csrfFrom(await (await this.send(response.location ?? "/")).text());
    return this;
  }
}

/** One signed-in client per account, signed in one after the other: attempts are counted per
 * address before being checked, so many at once would be refused as too many. */
export async function signedInClients(base: string, accounts: readonly { email: string }[], password: string): Promise<HttpClient[]> {
  const clients: HttpClient[] = [];
  for (const account of accounts) clients.push(await new HttpClient(base).signIn(account.email, password));
  return clients;
}
