import { describe, expect, it } from "vitest";
import { absenceNoticeOutcome, absenceNoticeRefusal } from "../../src/features/lessons/rules.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 3_600_000;

describe("absenceNoticeOutcome", () => {
  it("absence notice — exactly 24 h before the lesson — excused", () => {
    expect(absenceNoticeOutcome(later(24 * HOUR), NOW)).toBe("EXCUSED");
  });
  it("absence notice — three days before — excused", () => {
    expect(absenceNoticeOutcome(later(72 * HOUR), NOW)).toBe("EXCUSED");
  });
  it("absence notice — one minute less than 24 h before — the school decides", () => {
    expect(absenceNoticeOutcome(later(24 * HOUR - 60_000), NOW)).toBe("SCHOOL_DECIDES");
  });
  it("absence notice — an hour before — the school decides", () => {
    expect(absenceNoticeOutcome(later(HOUR), NOW)).toBe("SCHOOL_DECIDES");
  });
});

describe("absenceNoticeRefusal", () => {
  const planned = { startsAt: later(HOUR), attendance: "SCHEDULED" as const, absenceNoticeAt: null };
  it("absence notice — a planned lesson to come — accepted", () => {
    expect(absenceNoticeRefusal(planned, NOW)).toBeNull();
  });
  it("absence notice — a lesson started or past — refused", () => {
    expect(absenceNoticeRefusal({ ...planned, startsAt: NOW }, NOW)).toMatch(/déjà commencé ou est passée/);
    expect(absenceNoticeRefusal({ ...planned, startsAt: later(-HOUR) }, NOW)).toMatch(/déjà commencé ou est passée/);
  });
  it("absence notice — a cancelled lesson — refused", () => {
    expect(absenceNoticeRefusal({ ...planned, attendance: "CANCELLED" }, NOW)).toMatch(/annulée/);
  });
  it("absence notice — already given — refused", () => {
    expect(absenceNoticeRefusal({ ...planned, absenceNoticeAt: NOW }, NOW)).toMatch(/déjà prévenu/);
  });
});
