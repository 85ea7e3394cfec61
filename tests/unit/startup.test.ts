// What `npm start` decides for the database, and what it prints; the demo stays out of src/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startupHints, startupPlan } from "../../scripts/startup.ts";

describe("start-up plan", () => {
  it("production without SPID_DEMO — empty database — waits for the first coordinator, no demo", () => {
    expect(startupPlan({ empty: true }, { demo: false })).toBe("FIRST_ADMIN");
  });

  it("demo allowed (development, or SPID_DEMO=true) — empty database — loads the demo", () => {
    expect(startupPlan({ empty: true }, { demo: true })).toBe("LOAD_DEMO");
  });

  it.each([true, false])("a database in use — demo allowed: %s — is left as it is", (demo) => {
    expect(startupPlan({ empty: false }, { demo })).toBe("READY");
  });

  it("hints — empty production database — say how to create the first coordinator", () => {
    expect(startupHints("FIRST_ADMIN").join("\n")).toContain("npm run admin:create -- ");
  });

  it("hints — demo just loaded — list the demo accounts and their password", () => {
    const hints = startupHints("LOAD_DEMO").join("\n");
    expect(hints).toContain("coordination@autonomie.test");
    expect(hints).toContain("jeune@autonomie.test");
    expect(hints).toContain("Autonomie-2026!");
  });

  it("hints — database in use — print nothing", () => {
    expect(startupHints("READY")).toEqual([]);
  });
});

describe("runtime import graph", () => {
  it("src/ — any file — imports nothing from scripts/ (the demo generator stays out of the app)", () => {
    const src = path.resolve("src");
    const offenders = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.startsWith("generated"))
      .filter((file) => /(?:from\s+|import\s*\()["'][^"']*(?:scripts|demo)\//.test(readFileSync(path.join(src, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
