// The view engine (src/http/view-engine.ts): EJS templates compiled without `with`, whose output
// must be what EJS's own rendering gives.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ejs from "ejs";
import { beforeEach, describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/http/html-escape.ts";
import { viewEngine } from "../../src/http/view-engine.ts";

let root: string;
let engine: ReturnType<typeof viewEngine>;

function view(name: string, source: string): string {
  const file = path.join(root, `${name}.ejs`);
  writeFileSync(file, source);
  return file;
}

function render(file: string, locals: object): Promise<string> {
  return new Promise((resolve, reject) => engine(file, locals, (error, html) => (error ? reject(error) : resolve(html ?? ""))));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "spid-views-"));
  engine = viewEngine({ root, escape: escapeHtml, compileDebug: true });
});

describe("view engine", () => {
  it("a page with includes — the same text as EJS's own rendering", async () => {
    view("card", `<li><%= lesson.name %> <%= format(lesson.at) %><% if (locals.badge) { %> <b><%= badge %></b><% } %></li>`);
    const page = view(
      "page",
      `<h1><%= title %></h1><ul><% for (const lesson of lessons) { %><%- include('/card', { lesson }) %><% } %></ul><%# a comment %>`,
    );
    const locals = {
      title: "Semaine <1>",
      lessons: [
        { name: "Ali", at: 1 },
        { name: "Élodie", at: 2 },
      ],
      badge: "à jour",
      format: (n: number) => `${n} h`,
    };
    const expected = await ejs.renderFile(page, locals, { root, escape: escapeHtml });
    expect(await render(page, locals)).toBe(expected);
    expect(expected).toContain("<li>Ali 1 h <b>à jour</b></li>");
  });

  it("an include — its parent's locals and its own, its own first", async () => {
    view("child", `<%= who %>/<%= where %>`);
    const page = view("page", `<%- include('/child', { who: 'enfant' }) %>`);
    expect(await render(page, { who: "parent", where: "Orléans" })).toBe("enfant/Orléans");
  });

  it("names read only inside a template literal's ${...} or after a spread — read", async () => {
    const page = view("page", "<%= `${percent(rate)} de ${total}` %> <%= [...names].join(', ') %>");
    const locals = { percent: (n: number) => `${n * 100} %`, rate: 0.5, total: 4, names: ["Ali", "Lou"] };
    expect(await render(page, locals)).toBe("50 % de 4 Ali, Lou");
  });

  it("a local that a later render brings — read too (the template is compiled again)", async () => {
    const page = view("page", `<%= typeof note === 'undefined' ? 'sans note' : note %>`);
    expect(await render(page, {})).toBe("sans note");
    expect(await render(page, { note: "absent" })).toBe("absent");
  });

  it("a template that declares a variable under a local's name — still renders it (with EJS's `with`)", async () => {
    const page = view("page", `<% const youth = 'déclarée'; %><%= youth %>`);
    expect(await render(page, { youth: "local" })).toBe("déclarée");
  });

  it("an include by a relative path — an error naming the template", async () => {
    view("child", `x`);
    const page = view("page", `<%- include('child') %>`);
    await expect(render(page, {})).rejects.toThrow(/page\.ejs: include "child" by its path from the views folder/);
  });

  it("an error in a template — passed to Express with its template line", async () => {
    const page = view("page", `<p>\n<%= missing.field %></p>`);
    await expect(render(page, { missing: undefined })).rejects.toThrow(/page\.ejs:2/);
  });
});
