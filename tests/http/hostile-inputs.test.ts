// Every form of the app's route table against every hostile value of helpers/hostile-inputs.ts:
// each answer is a French 4xx or an accepted write whose pages show the value inert, never a 500,
// never markup written unescaped. The forms, their roles and records come from the route table
// and the matrix fixtures; the fields from the form the app renders (a rejected empty post).
import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import type { Response } from "supertest";
import { GRANTS } from "../../src/auth/policy.ts";
import { ROLES, type Role } from "../../src/domain/enums.ts";
import { parisIsoDay } from "../../src/domain/time.ts";
import { anonymous, signedIn, type Agent } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { formFields, HOSTILE_INPUTS, hostileBody, isFrenchRefusal, unescapedMarkup } from "../helpers/hostile-inputs.ts";
import { appRouteTable, pathTo, type MatrixRow } from "../helpers/routes.ts";
import { homeUser, type World } from "./matrix/foundation.ts";

const FORMS: MatrixRow[] = appRouteTable().filter((row) => row.method === "POST");
/** Beyond the first text field, each field gets every STRIDE-th value (rotating with the field). */
const STRIDE = 16;
const OVERSIZED = "x".repeat(2 * 1024 * 1024);

type Client = { role: Role | "anonymous"; agent: Agent; csrf: string; path: string };

const stats = { requests: 0, forms: 0, started: Date.now() };

/** What is wrong with an answer (and the page its redirect leads to), or null. */
async function problem(client: Client, response: Response): Promise<string | null> {
  stats.requests += 1;
  const type = String(response.headers["content-type"] ?? "");
  if (response.status >= 500) return `${response.status}`;
  if (response.status >= 400 && !isFrenchRefusal(type, response.text))
    return `${response.status} not in French: ${response.text.slice(0, 120)}`;
  if (type.includes("text/html")) {
    const unsafe = unescapedMarkup(response.text);
    if (unsafe) return `${response.status} unescaped: ${unsafe}`;
  }
  const location = response.headers.location;
  if (response.status >= 300 && response.status < 400 && location?.startsWith("/")) {
    stats.requests += 1;
    const next = await client.agent.get(location);
    if (next.status >= 500) return `${location} after the redirect: ${next.status}`;
    const unsafe = String(next.headers["content-type"] ?? "").includes("text/html") ? unescapedMarkup(next.text) : null;
    if (unsafe) return `${location} after the redirect, unescaped: ${unsafe}`;
  }
  return null;
}

function rolesFor(row: MatrixRow): (Role | "anonymous")[] {
  if (row.permission === "public") return ["anonymous"];
  const permission = row.permission;
  return ROLES.filter((role) => GRANTS[role].includes(permission));
}

/** A session per role (signed in side by side), then each role's record (one after the other: a
 * fixture may upsert the same row for two roles). */
async function clientsFor(world: World, row: MatrixRow): Promise<Client[]> {
  const roles = rolesFor(row);
  const sessions = await Promise.all(
    roles.map((role) => (role === "anonymous" ? anonymous() : signedIn(homeUser(world, role).email, PASSWORD))),
  );
  const clients: Client[] = [];
  for (const [i, role] of roles.entries()) {
    const path = row.target ? pathTo(row.path, await row.target.inScope(world, role === "anonymous" ? "ADMIN" : role)) : row.path;
    clients.push({ role, ...sessions[i]!, path });
  }
  return clients;
}

// Each form gets its own world and sessions; with the cheapest argon2 hash, signing in takes a
// millisecond instead of the production cost, which the run would otherwise spend ~150 times.
const cheapHash = hash(PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });

async function cheapWorld(): Promise<World> {
  const world = await makeWorld();
  const ids = [world.admin, world.evaluator, world.home.referent, world.home.schoolUser, world.home.youthUser].map((user) => user.id);
  await testDb.user.updateMany({ where: { id: { in: ids } }, data: { passwordHash: await cheapHash } });
  return world;
}

const post = (client: Client, body: string) => client.agent.post(client.path).type("form").send(body);

describe("hostile inputs — every form", () => {
  it("the hostile values — at least 30, each with its own name", () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_INPUTS.map((input) => input.name)).size).toBe(HOSTILE_INPUTS.length);
  });

  it("the detector — markup written raw — caught; the same escaped, or as text — not", () => {
    for (const raw of [
      "<p><script>alert(1)</script></p>",
      '<input value=""><img src=x onerror=alert(1)>">',
      "<a title='' onmouseover='alert(1)'>",
      '<a href="javascript:alert(1)">',
    ]) {
      expect(unescapedMarkup(raw)).not.toBeNull();
    }
    for (const inert of [
      '<input value="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;">',
      "<p>' onmouseover='alert(1)</p>",
      "<p>&lt;script&gt;alert(1)</p>",
    ]) {
      expect(unescapedMarkup(inert)).toBeNull();
    }
  });

  for (const row of FORMS) {
    describe(`POST ${row.path}`, () => {
      let clients: Client[];
      let base: Record<string, string>;
      let fields: string[];
      let first: string;

      beforeAll(async () => {
        const world = await cheapWorld();
        clients = await clientsFor(world, row);
        const owner = clients[0]!;
        const empty = await owner.agent.post(owner.path).type("form").send({ _csrf: owner.csrf });
        const found = formFields(empty.text, owner.path);
        base = { ...Object.fromEntries(found.map((field) => [field.name, field.value])), ...row.body };
        fields = Object.keys(base);
        // A one-button form reads no field: the values go into one it does not expect.
        if (fields.length === 0) fields = ["commentaire"];
        first = found.find((field) => field.textual)?.name ?? fields[0]!;
        stats.forms += 1;
      });

      it(`POST ${row.path} — each hostile value, by each role allowed — a French 4xx or stored inert, never 500`, async () => {
        const failures: string[] = [];
        const check = async (client: Client, label: string, response: Response) => {
          const found = await problem(client, response);
          if (found) failures.push(`${client.role} ${label}: ${found}`);
        };
        for (const [i, input] of HOSTILE_INPUTS.entries()) {
          const client = clients[i % clients.length]!;
          await check(client, `${first} = ${input.name}`, await post(client, hostileBody(base, first, input, client.csrf)));
          for (const [j, field] of fields.entries()) {
            if (field === first || (i + j) % STRIDE !== 0) continue;
            await check(client, `${field} = ${input.name}`, await post(client, hostileBody(base, field, input, client.csrf)));
          }
        }
        expect(failures).toEqual([]);
      });

      it(`POST ${row.path} — JSON with objects and arrays where text is expected — a French 4xx or accepted, never 500`, async () => {
        const client = clients[0]!;
        const body = Object.fromEntries(fields.map((field, i) => [field, i % 2 === 0 ? { a: "b" } : ["a", "b"]]));
        const response = await client.agent.post(client.path).set("x-csrf-token", client.csrf).send(body);
        expect(await problem(client, response)).toBeNull();
      });

      it(`POST ${row.path} — a 2 MB body — 413 in French`, async () => {
        const client = clients[0]!;
        const response = await post(client, `${first}=${OVERSIZED}&_csrf=${client.csrf}`);
        // The CSV import reads up to 3 MB of form (its file is limited to 1 MB, with a message).
        expect(row.path === "/applications/import" ? [413, 422] : [413]).toContain(response.status);
        expect(await problem(client, response)).toBeNull();
      });

      it(`POST ${row.path} — the same form sent twice at once — never 500`, async () => {
        const client = clients[0]!;
        const body = hostileBody(base, first, HOSTILE_INPUTS[0]!, client.csrf);
        const [a, b] = await Promise.all([post(client, body), post(client, body)]);
        expect([await problem(client, a), await problem(client, b)]).toEqual([null, null]);
      });
    });
  }

  it("the run — requests made and time taken", () => {
    console.info(
      `hostile inputs: ${stats.forms} forms × ${HOSTILE_INPUTS.length} values, ${stats.requests} requests in ${Date.now() - stats.started} ms`,
    );
    expect(stats.forms).toBe(FORMS.length);
  });
});

describe("hostile inputs — uploads", () => {
  let admin: { agent: Agent; csrf: string };
  const fields = { kind: "DOCUMENT", title: "Guide", summary: "Résumé.", topic: "Code", audience: "ALL" };
  const upload = (content: Buffer, filename: string, contentType: string) => {
    let request = admin.agent.post("/resources/new").field("_csrf", admin.csrf);
    for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
    return request.attach("file", content, { filename, contentType });
  };
  const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

  beforeAll(async () => {
    const world = await makeWorld();
    admin = await signedIn(world.admin.email, PASSWORD);
  });

  for (const filename of [
    "../../etc/passwd.pdf",
    "..\\..\\windows\\win.ini.pdf",
    "guide\u202Efdp.exe",
    '"; filename="evil.html',
    "<script>.pdf",
  ]) {
    it(`upload — a PDF named ${JSON.stringify(filename)} — stored under a plain name, served as a PDF download`, async () => {
      const response = await upload(PDF, filename, "application/pdf");
      expect(response.status).toBe(303);
      const slug = String(response.headers.location).replace("/resources/", "");
      const stored = await testDb.resource.findUniqueOrThrow({ where: { slug } });
      expect(stored.fileName).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);
      expect(stored.fileName).not.toContain("..");
      const file = await admin.agent.get(`/resources/${slug}/file`);
      expect(file.status).toBe(200);
      expect(file.headers["content-type"]).toBe("application/pdf");
      expect(file.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(file.headers["content-disposition"])).toMatch(/^(attachment|inline); filename="[A-Za-z0-9._-]+\.pdf"/);
    });
  }

  const lying: [string, Buffer, string][] = [
    ["an HTML page named .pdf", Buffer.from("<html><script>alert(1)</script></html>"), "page.pdf"],
    ["a Windows program named .pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "facture.pdf"],
    ["an SVG with a script named .mp4", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "video.mp4"],
  ];
  for (const [what, content, filename] of lying) {
    it(`upload — ${what}, sent as application/pdf — 422 in French, nothing stored`, async () => {
      const before = await testDb.resource.count();
      const response = await upload(content, filename, "application/pdf");
      expect(response.status).toBe(422);
      expect(isFrenchRefusal(String(response.headers["content-type"]), response.text)).toBe(true);
      expect(unescapedMarkup(response.text)).toBeNull();
      expect(await testDb.resource.count()).toBe(before);
    });
  }

  it("upload — a file over 20 MB — 413 in French, nothing stored", async () => {
    const before = await testDb.resource.count();
    const response = await upload(Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), "gros.pdf", "application/pdf");
    expect(response.status).toBe(413);
    expect(response.text).toContain("Le fichier dépasse 20 Mo");
    expect(isFrenchRefusal(String(response.headers["content-type"]), response.text)).toBe(true);
    expect(await testDb.resource.count()).toBe(before);
  });
});

describe("hostile inputs — spreadsheet formulas stored then exported", () => {
  it("a payment label =HYPERLINK(…) — stored as typed, exported with a leading apostrophe", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const label = '=HYPERLINK("https://pirate.example";"Cliquez")';

    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/payments`)
      .type("form")
      .send({ payer: "YOUTH", amount: "10,00", paidOn: parisIsoDay(new Date()), label, _csrf: csrf });

    expect(response.status).toBe(303);
    expect((await testDb.payment.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } })).label).toBe(label);
    const csv = await agent.get("/exports/payments.csv");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""https://pirate.example"";""Cliquez"")"`);
    expect(csv.text).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });
});
