// The process's one SQLite connection carries interactive transactions across awaits. A write
// outside any transaction (another request's session save, a counter) made while one is open must
// not join it: it would be undone with it when it rolls back (src/db/client.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../src/db/client.ts";
import { executeStatement } from "../../src/db/sql.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";

const trace = (action: string) => ({ id: randomUUID(), action, entity: "Test", at: new Date() });

describe("writes beside an open transaction", () => {
  it("a transaction rolled back while writes outside it wait — the writes outside are kept, its own is undone", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    const transaction = db()
      .$transaction(async (tx) => {
        await tx.auditEvent.create({ data: trace("INSIDE_ROLLED_BACK") });
        begun();
        await released;
        throw new Error("refused form");
      })
      .catch((error: unknown) => String(error));
    await inside;

    const outside = [
      db().auditEvent.create({ data: trace("OUTSIDE_PRISMA") }),
      executeStatement(
        Prisma.sql`INSERT INTO "AuditEvent" ("id", "at", "action", "entity") VALUES (${randomUUID()}, ${new Date()}, 'OUTSIDE_RAW', 'Test')`,
      ),
    ];
    release();
    await Promise.all(outside);

    expect(await transaction).toMatch(/refused form/);
    const actions = (await db().auditEvent.findMany({ where: { entity: "Test" }, select: { action: true } })).map((row) => row.action);
    expect(actions.sort()).toEqual(["OUTSIDE_PRISMA", "OUTSIDE_RAW"]);
  });

  it("reads outside a transaction do not wait for it", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    const transaction = db().$transaction(async () => {
      begun();
      await released;
    });
    await inside;
    await expect(db().auditEvent.count()).resolves.toBeGreaterThanOrEqual(0);
    release();
    await transaction;
  });
});
