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
    expect((JSON.parse(readFileSync(path.join(dir, "dev-secrets.json"), "utf8")) as { pseudonymKey: string }).pseudonymKey).toBe(
      first.pseudonymKey,
    );
    expect(first.cookieSecure).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("a bad value — e.g. a port that is not a number — is reported by name", () => {
    const { url } = tempDatabaseUrl();
    expect(() => loadConfig({ DATABASE_URL: url, PORT: "http" })).toThrow(/PORT/);
  });

  it("TRUST_PROXY — not set — trusts no proxy", () => {
    const { url } = tempDatabaseUrl();
    expect(
      loadConfig({ NODE_ENV: "test", DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40) }).trustProxy,
    ).toBe(0);
  });

  it("TRUST_PROXY — a hop count — is read as that number", () => {
    const { url } = tempDatabaseUrl();
    const config = loadConfig({ DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40), TRUST_PROXY: "2" });
    expect(config.trustProxy).toBe(2);
  });

  it.each(["true", "-1", "1.5", "loopback"])("TRUST_PROXY — %s — is refused by name with a French message", (value) => {
    const { url } = tempDatabaseUrl();
    expect(() =>
      loadConfig({ DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40), TRUST_PROXY: value }),
    ).toThrow(/TRUST_PROXY/);
  });

  it.each([
    ["production", undefined, false],
    ["production", "true", true],
    ["development", undefined, true],
    ["development", "false", false],
    ["test", undefined, true],
  ])("SPID_DEMO — NODE_ENV=%s, SPID_DEMO=%s — demo allowed: %s", (nodeEnv, demo, expected) => {
    const { url } = tempDatabaseUrl();
    const env = { NODE_ENV: nodeEnv, DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40), SPID_DEMO: demo };
    expect(loadConfig(env).demo).toBe(expected);
  });

  it.each([
    ["production", undefined, true],
    ["production", "false", false],
    ["development", undefined, false],
    ["development", "true", true],
    ["test", undefined, false],
  ])("REQUIRE_TOTP — NODE_ENV=%s, REQUIRE_TOTP=%s — second factor required: %s", (nodeEnv, value, expected) => {
    const { url } = tempDatabaseUrl();
    const env = {
      NODE_ENV: nodeEnv,
      DATABASE_URL: url,
      SESSION_SECRET: "s".repeat(40),
      PSEUDONYM_KEY: "p".repeat(40),
      REQUIRE_TOTP: value,
    };
    expect(loadConfig(env).requireTotp).toBe(expected);
  });

  it("REQUIRE_TOTP — neither true nor false — is refused by name", () => {
    const { url } = tempDatabaseUrl();
    expect(() =>
      loadConfig({ DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40), REQUIRE_TOTP: "yes" }),
    ).toThrow(/REQUIRE_TOTP/);
  });

  it("SPID_DEMO — neither true nor false — is refused by name", () => {
    const { url } = tempDatabaseUrl();
    expect(() =>
      loadConfig({ DATABASE_URL: url, SESSION_SECRET: "s".repeat(40), PSEUDONYM_KEY: "p".repeat(40), SPID_DEMO: "yes" }),
    ).toThrow(/SPID_DEMO/);
  });

  it("a variable left empty — as copied from .env.example — takes its default", () => {
    const { url } = tempDatabaseUrl();
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: url,
      SESSION_SECRET: "s".repeat(40),
      PSEUDONYM_KEY: "p".repeat(40),
      COOKIE_SECURE: "",
      TRUST_PROXY: "",
      SPID_DEMO: "",
      PORT: "",
    };
    const config = loadConfig(env);
    expect(config).toMatchObject({ cookieSecure: true, trustProxy: 0, demo: false, port: 3000 });
  });
});
