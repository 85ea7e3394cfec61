// Rendered pages hold Latin-1 characters only (cheaper to send: see src/http/html-escape.ts): the
// escaping of <%= %> writes every other character as a numeric reference, and the templates' own
// text holds none of them (EJS tags aside, whose text goes through the escaping).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/http/html-escape.ts";

const VIEWS = path.resolve(import.meta.dirname, "../../views");
const EJS_TAG = /<%[\s\S]*?%>/g;
const BEYOND_LATIN1 = /[\u{100}-\u{10FFFF}]/u;

describe("HTML escaping", () => {
  it("escapeHtml — HTML's special characters — as entities", () => {
    expect(escapeHtml(`<a href="x">L'auto & moi</a>`)).toBe("&lt;a href=&#34;x&#34;&gt;L&#39;auto &amp; moi&lt;/a&gt;");
  });

  it("escapeHtml — Latin-1 text — unchanged, accents included", () => {
    expect(escapeHtml("Élodie Bréhaut, 45 ans · à Orléans")).toBe("Élodie Bréhaut, 45 ans · à Orléans");
  });

  it("escapeHtml — dashes, euro, narrow no-break space, a name's ğ, an emoji — numeric references", () => {
    expect(escapeHtml("1\u202f000 € — Doğan …🚗")).toBe("1&#8239;000 &#8364; &#8212; Do&#287;an &#8230;&#128663;");
  });

  it("escapeHtml — nothing — an empty string; a number — its text", () => {
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(42)).toBe("42");
  });

  it("views — text outside EJS tags — Latin-1 only (an entity for a dash, an ellipsis, the euro)", () => {
    const offending = readdirSync(VIEWS, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ejs"))
      .filter((file) => BEYOND_LATIN1.test(readFileSync(path.join(VIEWS, file), "utf8").replace(EJS_TAG, "")));
    expect(offending).toEqual([]);
  });
});
