// Several instances of the app (several machines) on one PostgreSQL database: each is a separate
// `npm start`, with its own processes and memory; what a person's requests rely on (the session,
// the sign-in counters) lives in the database, so any instance can answer any request.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { csrfFrom } from "../helpers/app.ts";
import { startServerProcess } from "../helpers/server-process.ts";
import { makeUser, PASSWORD } from "../helpers/factories.ts";
import { onPostgres } from "../helpers/postgres.ts";

const instances: ChildProcess[] = [];
afterAll(() => {
  for (const instance of instances) if (instance.exitCode === null) instance.kill("SIGKILL");
});

/** `npm start` on the test file's database; resolves with its address once it listens.
 * REQUIRE_TOTP=false: the coordinator signs in with a password only (the second factor has its own tests). */
async function startInstance(): Promise<string> {
  const server = await startServerProcess({ REQUIRE_TOTP: "false" });
  instances.push(server.child);
  return server.base;
}

// PostgreSQL only: SQLite is one file on one machine (tests/http/cluster.test.ts covers its processes).
describe.runIf(onPostgres)("two instances on one PostgreSQL database", () => {
  it("a sign-in — on one instance — is valid on the other; a sign-out on the other ends it on both", async () => {
    const admin = await makeUser("ADMIN");
    const first = await startInstance();
    const second = await startInstance();

    const cookies = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(url, {
        ...init,
        redirect: "manual",
        headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
      return response;
    };

    expect((await send(`${second}/`)).status).toBe(302);
    const csrf = csrfFrom(await (await send(`${first}/login`)).text());
    const signIn = await send(`${first}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: admin.email, password: PASSWORD, _csrf: csrf }),
    });
    expect(signIn.status).toBe(303);

    const home = await send(`${second}/`);
    expect(home.status).toBe(200);
    const signedInCsrf = csrfFrom(await home.text());
    expect((await send(`${first}/`)).status).toBe(200);

    const signOut = await send(`${second}/logout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: signedInCsrf }),
    });
    expect(signOut.status).toBeLessThan(400);
    expect((await send(`${first}/`)).status).toBe(302);

    for (const instance of instances) instance.kill("SIGTERM");
    await Promise.all(instances.filter((instance) => instance.exitCode === null).map((instance) => once(instance, "exit")));
  }, 120_000);
});
