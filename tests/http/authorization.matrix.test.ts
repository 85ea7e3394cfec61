// Every route × every role × a record inside / outside the caller's scope, checked against the
// policy's GRANTS. The routes and their permissions come from the app's own route table; the
// files under matrix/ only say which record is in or out of scope and what a POST sends. A route
// of the table without fixtures, or a route the app answers outside the table, fails.
import { beforeAll, describe, expect, it } from "vitest";
import { GRANTS, type Permission } from "../../src/auth/policy.ts";
import { homeUser, type Fixture, type World } from "./matrix/foundation.ts";
import { ROLES, type Role } from "../../src/domain/enums.ts";
import { signedIn, testApp, type Agent } from "../helpers/app.ts";
import { makeUser, makeWorld, PASSWORD } from "../helpers/factories.ts";
import { ALL_FIXTURES, appRouteTable, pathTo, registeredRoutes, type MatrixRow } from "../helpers/routes.ts";

const ROUTES: MatrixRow[] = appRouteTable();

function allowed(role: Role, permission: Permission | "public"): boolean {
  return permission === "public" || GRANTS[role].includes(permission);
}

async function clients(world: World): Promise<Record<Role, { agent: Agent; csrf: string }>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await signedIn(homeUser(world, role).email, PASSWORD)] as const));
  return Object.fromEntries(entries) as Record<Role, { agent: Agent; csrf: string }>;
}

function send(client: { agent: Agent; csrf: string }, row: Fixture, path: string) {
  return row.method === "GET"
    ? client.agent.get(path)
    : client.agent
        .post(path)
        .type("form")
        .send({ ...(row.body ?? {}), _csrf: client.csrf });
}

describe("authorization matrix", () => {
  it("authorization matrix — every route the app answers — is a row of its route table", () => {
    const known = new Set(ROUTES.map((row) => `${row.method} ${row.path}`));
    const outsideTable = registeredRoutes(testApp()).filter((route) => !known.has(route));
    expect(outsideTable).toEqual([]);
  });

  it("authorization matrix — every row of the route table — has fixtures", () => {
    const withFixtures = new Set(ALL_FIXTURES.map((fixture) => `${fixture.method} ${fixture.path}`));
    const missing = ROUTES.filter((row) => !withFixtures.has(`${row.method} ${row.path}`)).map((row) => `${row.method} ${row.path}`);
    expect(missing).toEqual([]);
  });

  it("authorization matrix — every row with a record in its path — has a record to call it with", () => {
    const withoutRecord = ROUTES.filter((row) => /:(id|slug)\b/.test(row.path) && !row.target).map((row) => `${row.method} ${row.path}`);
    expect(withoutRecord).toEqual([]);
  });

  it("authorization matrix — every row with a record that a scoped role reaches — has a record out of its scope", () => {
    const scoped = ROLES.filter((role) => role !== "ADMIN");
    const missing = ROUTES.filter(
      (row) => row.target && !row.target.outOfScope && row.permission !== "public" && scoped.some((role) => allowed(role, row.permission)),
    ).map((row) => `${row.method} ${row.path} (${row.permission})`);
    expect(missing).toEqual([]);
  });

  for (const row of ROUTES.filter((r) => r.permission !== "public")) {
    describe(`${row.method} ${row.path} (${row.permission})`, () => {
      let world: World;
      let as: Record<Role, { agent: Agent; csrf: string }>;
      beforeAll(async () => {
        world = await makeWorld();
        as = await clients(world);
      });

      for (const role of ROLES) {
        const expected = allowed(role, row.permission) ? "allowed" : "403";
        it(`${row.method} ${row.path} — as ${role} on a record in scope — is ${expected}`, async () => {
          const path = row.target ? pathTo(row.path, await row.target.inScope(world, role)) : row.path;
          const response = await send(as[role], row, path);
          if (expected === "403") expect(response.status).toBe(403);
          else expect([200, 302, 303, 422]).toContain(response.status);
        });
        if (row.target?.outOfScope && allowed(role, row.permission) && role !== "ADMIN") {
          it(`${row.method} ${row.path} — as ${role} on a record out of scope — is 404`, async () => {
            const response = await send(as[role], row, pathTo(row.path, await row.target!.outOfScope!(world)));
            expect(response.status).toBe(404);
          });
        }
      }
      it(`${row.method} ${row.path} — signed out — never answers with data`, async () => {
        const { anonymous } = await import("../helpers/app.ts");
        const { agent, csrf } = await anonymous();
        const path = row.target ? pathTo(row.path, await row.target.inScope(world, "ADMIN")) : row.path;
        const response = row.method === "GET" ? await agent.get(path) : await agent.post(path).type("form").send({ _csrf: csrf });
        expect([302, 401]).toContain(response.status);
      });
    });
  }
});

describe("authorization matrix — ADMIN out of scope", () => {
  it("a made-up id — as ADMIN — is 404", async () => {
    const admin = await makeUser("ADMIN");
    const { agent } = await signedIn(admin.email, PASSWORD);
    expect((await agent.get("/youths/does-not-exist")).status).toBe(404);
    expect((await agent.get("/accounts/does-not-exist")).status).toBe(404);
  });
});
