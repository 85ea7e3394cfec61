// Behind a reverse proxy that terminates HTTPS: secure session cookies only when TRUST_PROXY says
// how many proxies to believe.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { config } from "../../src/config.ts";
import { csrfFrom } from "../helpers/app.ts";
import { makeUser, PASSWORD } from "../helpers/factories.ts";

const HTTPS = { "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7" };

const sessionCookie = (setCookie: string[] | string | undefined): string | undefined =>
  [setCookie ?? []].flat().find((cookie) => cookie.startsWith("spid.sid="));

// Secure cookies are not sent back over plain HTTP by a cookie jar: carried by hand here.
async function signInThroughProxy(trustProxy: number) {
  const user = await makeUser("REFERENT");
  const app = createApp({ ...config(), cookieSecure: true, trustProxy });
  const page = await request(app).get("/login").set(HTTPS);
  const cookie = sessionCookie(page.headers["set-cookie"]);
  const post = request(app).post("/login").set(HTTPS).type("form");
  if (cookie) post.set("Cookie", cookie.split(";")[0]!);
  const response = await post.send({ email: user.email, password: PASSWORD, _csrf: csrfFrom(page.text) });
  return { firstCookie: cookie, response };
}

describe("TRUST_PROXY", () => {
  it("TRUST_PROXY=1 with secure cookies — sign-in forwarded as HTTPS — gets a Secure session cookie", async () => {
    const { firstCookie, response } = await signInThroughProxy(1);

    expect(firstCookie).toMatch(/; Secure/i);
    expect(response.status).toBe(303);
    expect(sessionCookie(response.headers["set-cookie"])).toMatch(/; Secure/i);
  });

  it("no TRUST_PROXY with secure cookies — the same forwarded request — gets no session cookie", async () => {
    const { firstCookie, response } = await signInThroughProxy(0);

    expect(firstCookie).toBeUndefined();
    expect(sessionCookie(response.headers["set-cookie"])).toBeUndefined();
    expect(response.status).not.toBe(303);
  });
});
