// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (scripts/postgres-schema.ts):
// a model changed in one but not the other would give the two databases different tables.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the PostgreSQL schema", () => {
  it("prisma/postgresql/schema.prisma — regenerated from prisma/schema.prisma — is the committed file", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    expect(() =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/postgres-schema.ts", "--check"], { cwd: root, stdio: "pipe" }),
    ).not.toThrow();
  });
});
