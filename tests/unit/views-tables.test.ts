// Tables wider than a phone scroll sideways inside their wrapper: keyboard users can only scroll
// a region that takes the focus, and screen readers announce it by its name (axe's
// "scrollable-region-focusable", RGAA 7.3). Checked on the templates themselves, so that a new
// view cannot forget it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const VIEWS = path.resolve(import.meta.dirname, "../../views");
const WRAPPER = /<div class="table-wrap" tabindex="0" role="region" aria-(label="[^"]+"|labelledby="[^"]+")>\s*<table[\s>]/g;

function templates(): { file: string; text: string }[] {
  return readdirSync(VIEWS, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ejs"))
    .map((file) => ({ file, text: readFileSync(path.join(VIEWS, file), "utf8") }));
}

describe("table regions", () => {
  it("views — every table — sits in a focusable, named scroll region", () => {
    const withTables = templates().filter(({ text }) => text.includes("<table"));
    const unwrapped = withTables
      .filter(({ text }) => (text.match(/<table[\s>]/g) ?? []).length !== (text.match(WRAPPER) ?? []).length)
      .map(({ file }) => file);
    expect(withTables.length).toBeGreaterThan(0);
    expect(unwrapped).toEqual([]);
  });
});
