import { describe, expect, it } from "vitest";
import { testDb } from "../helpers/factories.ts";

describe("AuditEvent is append-only", () => {
  it("audit triggers — after all migrations — exist for UPDATE and DELETE", async () => {
    const triggers = await testDb.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent' ORDER BY name",
    );
    expect(triggers.map((t) => t.name)).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
  });

  it("audit row — update or delete — refused by the database", async () => {
    const event = await testDb.auditEvent.create({ data: { action: "TEST", entity: "Test" } });
    await expect(testDb.auditEvent.update({ where: { id: event.id }, data: { action: "CHANGED" } })).rejects.toThrow();
    await expect(testDb.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    expect((await testDb.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("TEST");
  });
});
