// The probes: /health asks the database, /livez only the process (the benchmark's ceiling). This
// file's app runs on a file that is not a database, to show which probe depends on it.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { testApp } from "../helpers/app.ts";
import type * as DbClient from "../../src/db/client.ts";

vi.mock("../../src/db/client.ts", async (importOriginal) => {
  const original = await importOriginal<typeof DbClient>();
  const notADatabase = path.join(mkdtempSync(path.join(os.tmpdir(), "spid-probes-")), "not-a-database.db");
  writeFileSync(notADatabase, "ceci n'est pas une base SQLite, mais un texte assez long pour en avoir l'air".repeat(20));
  const unreachable = original.createDb(`file:${notADatabase}`);
  return { ...original, db: () => unreachable };
});

describe("probes", () => {
  it("GET /livez — database unreachable — answers 200 alive without opening a session", async () => {
    const response = await request(testApp()).get("/livez");

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "alive" });
    expect(response.headers["set-cookie"]).toBeUndefined();
  });

  it("GET /health — database unreachable — answers 503", async () => {
    const response = await request(testApp()).get("/health");

    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable" });
  });
});
