import { describe, expect, it } from "vitest";
import { testDb } from "../helpers/factories.ts";
import { onPostgres } from "../helpers/postgres.ts";

describe("AuditEvent is append-only", () => {
  it("audit triggers — after all migrations — exist for UPDATE and DELETE", async () => {
    const triggers = await testDb.$queryRawUnsafe<{ name: string }[]>(
      onPostgres
        ? "SELECT DISTINCT CAST(trigger_name AS text) AS name FROM information_schema.triggers WHERE event_object_table = 'AuditEvent' ORDER BY name"
        : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent' ORDER BY name",
    );
    expect(triggers.map((t) => t.name)).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
  });

  it("audit row — update or delete — refused by the database", async () => {
    const event = await testDb.auditEvent.create({ data: { action: "TEST", entity: "Test" } });
    await expect(testDb.auditEvent.update({ where: { id: event.id }, data: { action: "CHANGED" } })).rejects.toThrow();
    await expect(testDb.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    expect((await testDb.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("TEST");
  });

  it("audit row — older than 12 months — may be deleted, never updated", async () => {
    const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * 86_400_000);
    const old = await testDb.auditEvent.create({ data: { action: "OLD", entity: "Test", at: monthsAgo(13) } });
    const recent = await testDb.auditEvent.create({ data: { action: "RECENT", entity: "Test", at: monthsAgo(11) } });
    await expect(testDb.auditEvent.update({ where: { id: old.id }, data: { action: "CHANGED" } })).rejects.toThrow();
    await expect(testDb.auditEvent.delete({ where: { id: recent.id } })).rejects.toThrow();
    await testDb.auditEvent.delete({ where: { id: old.id } });
    expect(await testDb.auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await testDb.auditEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});

describe("a draw is immutable in the database too", () => {
  async function aDraw() {
    const { makeCohort, makeMissionLocale, makeUser } = await import("../helpers/factories.ts");
    const { makeDraw } = await import("../helpers/lottery-factories.ts");
    const cohort = await makeCohort();
    const missionLocale = await makeMissionLocale();
    const admin = await makeUser("ADMIN");
    const { drawId } = await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: admin.id,
      applicants: 3,
      seats: 1,
    });
    return { drawId, adminId: admin.id };
  }

  it("lottery rows — entries, frozen list, freeze — refuse UPDATE and DELETE", async () => {
    const { drawId } = await aDraw();
    const entry = await testDb.lotteryEntry.findFirstOrThrow({ where: { drawId } });
    const draw = await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } });
    await expect(testDb.lotteryEntry.update({ where: { id: entry.id }, data: { outcome: "SELECTED" } })).rejects.toThrow();
    await expect(testDb.lotteryEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(testDb.frozenApplicant.deleteMany({ where: { freezeId: draw.freezeId } })).rejects.toThrow();
    await expect(testDb.lotteryFreeze.update({ where: { id: draw.freezeId }, data: { listDigest: "f".repeat(64) } })).rejects.toThrow();
    expect((await testDb.lotteryEntry.findUniqueOrThrow({ where: { id: entry.id } })).outcome).toBe(entry.outcome);
  });

  it("lottery draw — its inputs never change; the committee's validation is written once", async () => {
    const { drawId, adminId } = await aDraw();
    await expect(testDb.lotteryDraw.update({ where: { id: drawId }, data: { seed: "autre graine" } })).rejects.toThrow();
    await expect(testDb.lotteryDraw.update({ where: { id: drawId }, data: { seats: 3 } })).rejects.toThrow();
    await expect(testDb.lotteryDraw.delete({ where: { id: drawId } })).rejects.toThrow();
    await testDb.lotteryDraw.update({
      where: { id: drawId },
      data: { validatedAt: new Date(), validatedById: adminId, validationNote: "Comité" },
    });
    await expect(testDb.lotteryDraw.update({ where: { id: drawId }, data: { validationNote: "Autre" } })).rejects.toThrow();
    expect((await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } })).validationNote).toBe("Comité");
  });
});
