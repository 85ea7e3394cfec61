import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const dirs: string[] = [];
function tempDatabaseUrl(): { url: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spid-config-"));
  dirs.push(dir);
  return { url: `file:${path.join(dir, "spid.db")}`, dir };
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("configuration", () => {
  it("production — without secrets — refuses to start with a clear French message", () => {
    const { url } = tempDatabaseUrl();
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(/SESSION_SECRET et PSEUDONYM_KEY sont obligatoires/);
  });

  it("production — with secrets — uses secure cookies by default", () => {
    const { url } = tempDatabaseUrl();
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40) });
    expect(config.cookieSecure).toBe(true);
    expect(config.port).toBe(3000);
  });

  it("development — without secrets — generates them once beside the database and keeps them", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { url, dir } = tempDatabaseUrl();
    const first = loadConfig({ NODE_ENV: "development", DATABASE_URL: url });
    const second = loadConfig({ NODE_ENV: "development", DATABASE_URL: url });
    expect(first.sessionSecret).toHaveLength(64);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.pseudonymKey).toBe(first.pseudonymKey);
    expect(existsSync(path.join(dir, "dev-secrets.json"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, "dev-secrets.json"), "utf8")).pseudonymKey).toBe(first.pseudonymKey);
    expect(first.cookieSecure).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("a bad value — e.g. a port that is not a number — is reported by name", () => {
    const { url } = tempDatabaseUrl();
    expect(() => loadConfig({ DATABASE_URL: url, PORT: "http" })).toThrow(/PORT/);
  });
});
