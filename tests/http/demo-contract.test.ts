// The "Done when" of the foundation, on the demo programme itself (seeded once for this file).
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { testDb } from "../helpers/factories.ts";
import { seedDemo } from "../../src/demo/seed.ts";

const DEMO_PASSWORD = "Autonomie-2026!";
let demoYouthId: string;
let montargisYouthId: string;
let otherOrleansYouthId: string;

beforeAll(async () => {
  await seedDemo(testDb, { today: new Date() });
  const demoUser = await testDb.user.findUniqueOrThrow({ where: { email: "jeune@autonomie.test" } });
  demoYouthId = demoUser.youthId!;
  montargisYouthId = (await testDb.youth.findFirstOrThrow({ where: { missionLocale: { code: "MONTARGIS" } } })).id;
  otherOrleansYouthId = (await testDb.youth.findFirstOrThrow({ where: { missionLocale: { code: "ORLEANS" }, id: { not: demoYouthId } } })).id;
}, 120_000);

describe("demo programme — scopes of the demo accounts", () => {
  it("referent.orleans — a Montargis youth's file — 404; the demo youth's file — 200", async () => {
    const { agent } = await signedIn("referent.orleans@autonomie.test", DEMO_PASSWORD);
    expect((await agent.get(`/youths/${montargisYouthId}`)).status).toBe(404);
    expect((await agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
  });

  it("ecole.montargis — the demo youth's file — 404; ecole.orleans — 200", async () => {
    const montargis = await signedIn("ecole.montargis@autonomie.test", DEMO_PASSWORD);
    const orleans = await signedIn("ecole.orleans@autonomie.test", DEMO_PASSWORD);
    expect((await montargis.agent.get(`/youths/${demoYouthId}`)).status).toBe(404);
    expect((await orleans.agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
  });

  it("jeune — anyone else's file — 404; their own — 200 and audited", async () => {
    const { agent } = await signedIn("jeune@autonomie.test", DEMO_PASSWORD);
    expect((await agent.get(`/youths/${otherOrleansYouthId}`)).status).toBe(404);
    const before = await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: demoYouthId } });
    expect((await agent.get(`/youths/${demoYouthId}`)).status).toBe(200);
    expect(await testDb.auditEvent.count({ where: { action: "YOUTH_VIEWED", entityId: demoYouthId } })).toBe(before + 1);
  });

  it("each demo account — signs in — lands on a home that answers 200", async () => {
    for (const email of [
      "coordination@autonomie.test", "referent.orleans@autonomie.test", "referent.montargis@autonomie.test",
      "ecole.orleans@autonomie.test", "ecole.montargis@autonomie.test", "jeune@autonomie.test", "evaluation@autonomie.test",
    ]) {
      const { agent } = await signedIn(email, DEMO_PASSWORD);
      const home = await agent.get(email.startsWith("jeune") ? "/me" : "/");
      expect(home.status, email).toBe(200);
    }
  });
});
