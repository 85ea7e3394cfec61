import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "../../src/domain/audit-labels.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("audit action labels", () => {
  it("every action the code records — has a French label", () => {
    const recorded = new Set<string>();
    for (const file of sourceFiles(path.resolve(import.meta.dirname, "../../src"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/action: "([A-Z_]+)"/g)) recorded.add(match[1]!);
      for (const match of text.matchAll(/action:[^,\n]*\?\s*"([A-Z_]+)"\s*:\s*"([A-Z_]+)"/g)) {
        recorded.add(match[1]!);
        recorded.add(match[2]!);
      }
    }
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((action) => !AUDIT_ACTION_LABELS[action])).toEqual([]);
  });

  it("a record's page view and an unknown code — worded from the entity, kept as they are", () => {
    expect(auditActionLabel("LOTTERY_DRAW_VIEWED", "LotteryDraw")).toBe("Consultation : tirage");
    expect(auditActionLabel("PAYMENT_RECORDED", "Payment")).toBe("Paiement enregistré");
    expect(auditActionLabel("SOMETHING_NEW", "Thing")).toBe("SOMETHING_NEW");
  });
});
