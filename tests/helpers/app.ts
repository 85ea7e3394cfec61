import request from "supertest";
import type { Express } from "express";
import { beforeEach } from "vitest";
import { createApp } from "../../src/app.ts";
import { testDb } from "./factories.ts";

// The sign-in and activation counters are in the database, shared by every app of the file: each
// test starts with none, as if no one had tried before.
beforeEach(async () => {
  await testDb.throttleWindow.deleteMany();
});

let app: Express | undefined;

/** One app per test file, on that file's own database (per-file-database.ts). */
export function testApp(): Express {
  app ??= createApp();
  return app;
}

export type Agent = ReturnType<typeof request.agent>;

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no _csrf field in the page");
  return match[1];
}

/** A new app on the same database, for a test that changes its settings (trust proxy). */
export function freshApp(): Express {
  return createApp();
}

/** A cookie-keeping client with the CSRF token of its session. */
export async function anonymous(app: Express = testApp()): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get("/login");
  return { agent, csrf: csrfFrom(page.text) };
}

/** Signs in and returns the agent with the new session's token (the session is regenerated). */
export async function signedIn(email: string, password: string, app: Express = testApp()): Promise<{ agent: Agent; csrf: string }> {
  const { agent, csrf } = await anonymous(app);
  const response = await agent.post("/login").type("form").send({ email, password, _csrf: csrf });
  if (response.status !== 303) throw new Error(`sign-in as ${email} gave ${response.status}`);
  const home = await agent.get(response.headers.location ?? "/");
  return { agent, csrf: csrfFrom(home.text) };
}

const NAMED_BEYOND_LATIN1: Record<string, string> = { mdash: "—", hellip: "…", euro: "€", larr: "←", rarr: "→", rsquo: "’" };

/** Pages are sent in Latin-1 only (src/http/html-escape.ts): a dash, an ellipsis, the euro sign or
 * the narrow no-break space of an amount arrive as character references. This puts those back as
 * the browser shows them; markup and HTML's own escapes (&amp;, &#39;…) are left as they are. */
export function withReferencesDecoded(html: string): string {
  return html.replace(/&#(\d+);|&([a-z]+);/g, (reference, code: string | undefined, name: string | undefined) => {
    if (code !== undefined) return Number(code) > 0xff ? String.fromCodePoint(Number(code)) : reference;
    return NAMED_BEYOND_LATIN1[name ?? ""] ?? reference;
  });
}
