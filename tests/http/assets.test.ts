// Static assets: content-hashed URLs cached for a year; compressed responses where it pays.
import { describe, expect, it } from "vitest";
import request from "supertest";
import { testApp } from "../helpers/app.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";

function linkedUrl(html: string, file: string): string {
  const escaped = file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`"(${escaped}\\?v=[0-9a-f]{10})"`).exec(html);
  if (!match?.[1]) throw new Error(`${file} is not linked with its hash`);
  return match[1];
}

describe("static assets", () => {
  it("a page — its stylesheets and scripts — are linked with a content hash", async () => {
    const page = await request(testApp()).get("/login");

    for (const file of ["/vendor/pico/pico.min.css", "/public/css/app.css", "/public/js/print.js", "/public/js/error-summary.js"]) {
      expect(linkedUrl(page.text, file)).toMatch(/\?v=[0-9a-f]{10}$/);
    }
  });

  it.each(["/public/css/app.css", "/vendor/pico/pico.min.css"])(
    "%s — asked with its current hash — cached a year, immutable",
    async (file) => {
      const page = await request(testApp()).get("/login");
      const url = linkedUrl(page.text, file);

      const response = await request(testApp()).get(url);

      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe(IMMUTABLE);
    },
  );

  it("an asset — asked without its hash or with a stale one — is not marked immutable", async () => {
    const bare = await request(testApp()).get("/public/css/app.css");
    const stale = await request(testApp()).get("/public/css/app.css?v=0000000000");

    expect(bare.status).toBe(200);
    expect(bare.headers["cache-control"]).not.toMatch(/immutable/);
    expect(stale.headers["cache-control"]).not.toMatch(/immutable/);
  });
});

describe("compression", () => {
  it("a page and a stylesheet above 1 kB — a browser accepting gzip — are sent compressed", async () => {
    const page = await request(testApp()).get("/login").set("Accept-Encoding", "gzip");
    const css = await request(testApp()).get("/public/css/app.css").set("Accept-Encoding", "gzip");

    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect(page.text).toContain("<html");
  });

  it("a response under 1 kB — a browser accepting gzip — is sent as it is", async () => {
    const response = await request(testApp()).get("/health").set("Accept-Encoding", "gzip");

    expect(response.headers["content-encoding"]).toBeUndefined();
  });
});
