import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeLesson } from "../helpers/school-factories.ts";
import { recordAudit } from "../../src/features/audit/service.ts";

const nameOf = async (id: string) => (await testDb.user.findUniqueOrThrow({ where: { id } })).displayName;
const rowsOf = (html: string) => (html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "").split("<tr>").slice(1);

describe("GET /audit", () => {
  it("audit viewer — a counsellor opened a youth file — the coordinator sees who, what, when; the youth filter keeps the file's events", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: new Date(Date.now() - 86_400_000) });
    await recordAudit({ actorId: world.home.schoolUser.id, action: "LESSON_ATTENDANCE_RECORDED", entity: "Lesson", entityId: lesson.id });
    const counsellor = await signedIn(world.home.referent.email, PASSWORD);
    expect((await counsellor.agent.get(`/youths/${world.home.youth.id}`)).status).toBe(200);
    await counsellor.agent.get(`/youths/${world.away.youth.id}`);
    const admin = await signedIn(world.admin.email, PASSWORD);

    const page = await admin.agent.get(`/audit?youth=${world.home.youth.ref}`);

    expect(page.status).toBe(200);
    const rows = rowsOf(page.text);
    const counsellorName = await nameOf(world.home.referent.id);
    expect(rows.some((row) => row.includes(counsellorName) && row.includes("Dossier consulté"))).toBe(true);
    expect(rows.some((row) => row.includes("Présence enregistrée") && row.includes("leçon"))).toBe(true);
    expect(page.text).not.toContain(`href="/youths/${world.away.youth.id}"`);
    expect(page.text).toContain(`${world.home.youth.firstName} ${world.home.youth.lastName}`);
  });

  it("audit viewer — filtered by person, action and period — only the matching events, newest first", async () => {
    const world = await makeWorld();
    const other = await makeUser("REFERENT", { missionLocaleId: world.home.missionLocale.id });
    await recordAudit({ actorId: world.home.referent.id, action: "PAYMENT_RECORDED", entity: "Payment", entityId: "p1" });
    await recordAudit({ actorId: other.id, action: "PAYMENT_RECORDED", entity: "Payment", entityId: "p2" });
    await testDb.auditEvent.create({
      data: {
        actorId: world.home.referent.id,
        action: "PAYMENT_RECORDED",
        entity: "Payment",
        entityId: "p0",
        at: new Date("2025-01-10T10:00:00Z"),
      },
    });
    const admin = await signedIn(world.admin.email, PASSWORD);

    const page = await admin.agent.get(
      `/audit?person=${encodeURIComponent(world.home.referent.email)}&action=PAYMENT_RECORDED&from=2026-01-01`,
    );

    const rows = rowsOf(page.text);
    const counsellorName = await nameOf(world.home.referent.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(counsellorName);
    expect(rows[0]).toContain("Paiement enregistré");
    const old = rowsOf((await admin.agent.get(`/audit?action=PAYMENT_RECORDED&to=31/01/2025`)).text);
    expect(old.filter((row) => row.includes(counsellorName))).toHaveLength(1);
  });

  it("audit viewer — an unknown file reference — says so by the field, lists nothing; nonsense filters read as none", async () => {
    const world = await makeWorld();
    const admin = await signedIn(world.admin.email, PASSWORD);

    const unknown = await admin.agent.get("/audit?youth=AUT-0000-0000");
    const nonsense = await admin.agent.get("/audit?action=<script>&from=99/99/2026&page=-3");

    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("Aucun dossier avec cette référence.");
    expect(unknown.text).toContain('aria-invalid="true"');
    expect(unknown.text).toContain("Aucun évènement ne correspond.");
    expect(nonsense.status).toBe(200);
    expect(nonsense.text).not.toContain("<script>");
  });

  it("audit viewer — the list view itself — audited; every role but the coordinator — 403", async () => {
    const world = await makeWorld();
    const admin = await signedIn(world.admin.email, PASSWORD);
    await admin.agent.get("/audit");
    expect(await testDb.auditEvent.count({ where: { actorId: world.admin.id, action: "LIST_VIEWED", entity: "AuditEvent" } })).toBe(1);
    for (const email of [world.home.referent.email, world.home.schoolUser.email, world.home.youthUser.email]) {
      const { agent } = await signedIn(email, PASSWORD);
      expect((await agent.get("/audit")).status).toBe(403);
    }
  });

  it("youth file — as the coordinator — links to the file's access history; as the counsellor — no link", async () => {
    const world = await makeWorld();
    const admin = await signedIn(world.admin.email, PASSWORD);
    const counsellor = await signedIn(world.home.referent.email, PASSWORD);

    expect((await admin.agent.get(`/youths/${world.home.youth.id}`)).text).toContain(`href="/audit?youth=${world.home.youth.id}"`);
    expect((await counsellor.agent.get(`/youths/${world.home.youth.id}`)).text).not.toContain("/audit?youth=");
  });
});
