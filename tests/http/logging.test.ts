// Request logs never hold a session id, a password, a CSRF token or an access code.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { config } from "../../src/config.ts";
import { loggableUrl, shortLine } from "../../src/http/logger.ts";
import { csrfFrom } from "../helpers/app.ts";
import { makeUser, PASSWORD } from "../helpers/factories.ts";

function appWithCapturedLogs(env: "test" | "development" = "test") {
  const lines: string[] = [];
  const app = createApp({ ...config(), env, logLevel: "info" }, { logOutput: { write: (line: string) => lines.push(line) } });
  return { app, lines };
}

const sessionIdsIn = (setCookie: string[] | string | undefined): string[] =>
  [setCookie ?? []].flat().flatMap((cookie) => /spid\.sid=([^;]+)/.exec(cookie)?.[1] ?? []);

describe("request logs", () => {
  it("sign-in — logged as JSON — one line per request, without session id, password or _csrf", async () => {
    const user = await makeUser("ADMIN");
    const { app, lines } = appWithCapturedLogs();
    const agent = request.agent(app);
    const page = await agent.get("/login");
    const csrf = csrfFrom(page.text);

    const response = await agent.post("/login").type("form").send({ email: user.email, password: PASSWORD, _csrf: csrf });
    await agent.get("/");

    expect(response.status).toBe(303);
    const output = lines.join("");
    const sessionIds = [...sessionIdsIn(page.headers["set-cookie"]), ...sessionIdsIn(response.headers["set-cookie"])];
    expect(sessionIds.length).toBeGreaterThan(0);
    for (const sid of sessionIds) expect(output).not.toContain(decodeURIComponent(sid).slice(2, 34));
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(csrf);
    expect(output.toLowerCase()).not.toContain("cookie");
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; req: Record<string, unknown>; responseTime: number });
    const signIn = entries.find((entry) => entry.msg.startsWith("POST /login 303"));
    expect(Object.keys(signIn?.req ?? {}).sort()).toEqual(["id", "method", "url"]);
    expect(signIn?.responseTime).toBeGreaterThanOrEqual(0);
  });

  it("activation — a code in the body and in the query — the code appears nowhere in the logs", async () => {
    const { app, lines } = appWithCapturedLogs();
    const agent = request.agent(app);
    const code = "ABCD-EFGH-JKMN-PQRS-TWXY-Z234-5678";
    const page = await agent.get(`/activate?code=${code}&page=2`);

    await agent
      .post("/activate")
      .type("form")
      .send({ code, password: PASSWORD, passwordConfirmation: PASSWORD, _csrf: csrfFrom(page.text) });

    const output = lines.join("");
    expect(output).toContain("/activate?code=***&page=2");
    expect(output).not.toContain(code);
    expect(output).not.toContain(PASSWORD);
  });

  it("a page — its X-Request-Id — is the id of its log line; /health and assets — not logged", async () => {
    const { app, lines } = appWithCapturedLogs();

    const response = await request(app).get("/login?page=2");
    await request(app).get("/health");
    await request(app).get("/public/favicon.svg");

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as {
      level: number;
      msg: string;
      req: { id: string; method: string; url: string };
      res: { statusCode: number };
    };
    expect(entry.req).toEqual({ id: response.headers["x-request-id"], method: "GET", url: "/login?page=2" });
    expect(entry).toMatchObject({ level: 30, res: { statusCode: 200 } });
    expect(entry.msg).toMatch(/^GET \/login\?page=2 200 \d+ms$/);
  });

  it("development — a request — is one short line: time, method, path, status, duration", async () => {
    const { app, lines } = appWithCapturedLogs("development");

    await request(app).get("/login");

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} GET \/login 200 \d+ms\n$/);
  });
});

describe("log helpers", () => {
  it.each([
    ["/accounts?q=Dupont&page=3", "/accounts?q=***&page=3"],
    ["/activate?code=ABCD&token=x&_csrf=y", "/activate?code=***&token=***&_csrf=***"],
    ["/caseload?all=1", "/caseload?all=1"],
    ["/me", "/me"],
  ])("loggableUrl — %s — gives %s", (url, expected) => {
    expect(loggableUrl(url)).toBe(expected);
  });

  it("shortLine — an error entry — prints the level, the message and the stack", () => {
    const line = shortLine(
      JSON.stringify({
        level: 50,
        time: Date.UTC(2026, 0, 15, 9, 4, 5),
        msg: "GET /x 500 3ms",
        err: { stack: "Error: boom\n    at here" },
      }),
    );
    expect(line).toBe("10:04:05 ERREUR GET /x 500 3ms\nError: boom\n    at here\n");
  });
});
