// Every page that shows a youth's personal data writes an AuditEvent, by construction: the route
// table says which pages do (its `audit` field). This test opens every GET route of the table as
// every role allowed to use it, on a record in scope, and fails when a page shows a youth's name
// without being declared as audited, or is declared and writes no event.
import { beforeAll, describe, expect, it } from "vitest";
import { GRANTS } from "../../src/auth/policy.ts";
import { ROLES, type Role } from "../../src/domain/enums.ts";
import { signedIn, type Agent } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { appRouteTable, pathTo } from "../helpers/routes.ts";
import { makeApplicant } from "../helpers/lottery-factories.ts";
import { homeUser, type World } from "./matrix/foundation.ts";

const PAGES = appRouteTable().filter((row) => row.method === "GET" && row.permission !== "public");

async function youthNames(): Promise<string[]> {
  const youths = await testDb.youth.findMany({ select: { lastName: true } });
  return youths.map((youth) => youth.lastName).filter((name) => name.length >= 6);
}

describe("personal-data audit", () => {
  let world: World;
  const agents = new Map<Role, Agent>();
  beforeAll(async () => {
    world = await makeWorld();
    for (const role of ROLES) agents.set(role, (await signedIn(homeUser(world, role).email, PASSWORD)).agent);
  });

  it("personal-data audit — an application's edit form, then the filtered list — one event each, the list with its filter", async () => {
    const { application } = await makeApplicant(world.home.missionLocale.id, world.cohort.id);
    const referent = homeUser(world, "REFERENT");
    const agent = agents.get("REFERENT")!;

    expect((await agent.get(`/applications/${application.id}/edit`)).status).toBe(200);
    expect((await agent.get("/applications?q=sacha")).status).toBe(200);

    const viewed = await testDb.auditEvent.findMany({
      where: { actorId: referent.id, action: "APPLICATION_VIEWED", entityId: application.id },
    });
    expect(viewed).toHaveLength(1);
    const listed = await testDb.auditEvent.findFirstOrThrow({
      where: { actorId: referent.id, action: "LIST_VIEWED" },
      orderBy: { at: "desc" },
    });
    expect(JSON.parse(listed.details!)).toMatchObject({ page: "/applications", filter: { q: "sacha" } });
  });

  it("personal-data audit — the route table — declares at least the youth file and the lists", () => {
    const declared = PAGES.filter((row) => row.audit).map((row) => row.path);
    expect(declared).toEqual(expect.arrayContaining(["/youths/:id", "/applications", "/applications/:id/edit"]));
  });

  for (const row of PAGES) {
    for (const role of ROLES.filter((r) => row.permission !== "public" && GRANTS[r].includes(row.permission))) {
      it(`personal-data audit — GET ${row.path} as ${role} — is audited when it shows a youth's name`, async () => {
        const path = row.target ? pathTo(row.path, await row.target.inScope(world, role)) : row.path;
        const actor = homeUser(world, role);
        const before = await testDb.auditEvent.count({ where: { actorId: actor.id } });

        const response = await agents.get(role)!.get(path);

        expect([200, 302]).toContain(response.status);
        const after = await testDb.auditEvent.count({ where: { actorId: actor.id } });
        const shown = (await youthNames()).filter((name) => (response.text ?? "").includes(name)); // a served file (PDF) has no text
        if (shown.length > 0) expect(row.audit, `${row.path} shows ${shown[0]} but is not declared as audited`).toBeDefined();
        if (row.audit && response.status === 200)
          expect(after, `${row.path} is declared as audited but wrote no event`).toBeGreaterThan(before);
      });
    }
  }
});
