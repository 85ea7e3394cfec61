import { describe, expect, it } from "vitest";
import { attendanceRate, bookletOf, currentSkillLevels, drivingMinutesDone, type LessonFacts } from "../../src/domain/progress.ts";
import { ageOn, formatDateTime, parisToUtc, startOfParisWeek } from "../../src/domain/time.ts";

const at = (iso: string) => new Date(iso);

describe("training progress", () => {
  const lessons = [
    { startsAt: at("2026-10-01T08:00:00Z"), durationMin: 60, attendance: "PRESENT", kind: "DRIVING" },
    { startsAt: at("2026-10-02T08:00:00Z"), durationMin: 90, attendance: "LATE", kind: "MOCK_EXAM" },
    { startsAt: at("2026-10-02T14:00:00Z"), durationMin: 120, attendance: "PRESENT", kind: "THEORY" },
    { startsAt: at("2026-10-03T08:00:00Z"), durationMin: 60, attendance: "ABSENT_UNEXCUSED", kind: "DRIVING" },
    { startsAt: at("2026-10-04T08:00:00Z"), durationMin: 60, attendance: "CANCELLED", kind: "DRIVING" },
    { startsAt: at("2026-12-01T08:00:00Z"), durationMin: 60, attendance: "SCHEDULED", kind: "DRIVING" },
  ] satisfies LessonFacts[];

  it("drivingMinutesDone — mixed attendance and kinds — counts present and late lessons, code lessons left out", () => {
    expect(drivingMinutesDone(lessons)).toBe(150);
  });

  it("attendanceRate — past lessons, cancelled and scheduled left out — attended / due", () => {
    expect(attendanceRate(lessons, at("2026-11-01T00:00:00Z"))).toBeCloseTo(3 / 4);
    expect(attendanceRate([], at("2026-11-01T00:00:00Z"))).toBeNull();
  });

  it("currentSkillLevels — several rows per skill — the latest wins", () => {
    const levels = currentSkillLevels([
      { skillCode: "C1.1", level: "ACQUIRED", assessedAt: at("2026-10-05T00:00:00Z") },
      { skillCode: "C1.1", level: "IN_PROGRESS", assessedAt: at("2026-10-01T00:00:00Z") },
      { skillCode: "C2.6", level: "IN_PROGRESS", assessedAt: at("2026-10-01T00:00:00Z") },
    ]);
    expect(levels.get("C1.1")).toBe("ACQUIRED");
    expect(levels.get("C2.6")).toBe("IN_PROGRESS");
  });

  it("bookletOf — no rows — 31 skills not started", () => {
    const booklet = bookletOf([]);
    expect(booklet.total).toBe(31);
    expect(booklet.acquired).toBe(0);
    expect(booklet.skills.every((skill) => skill.level === "NOT_STARTED")).toBe(true);
  });
});

describe("Paris time", () => {
  it("parisToUtc — summer and winter — applies the right offset", () => {
    expect(parisToUtc(2026, 7, 1, 10, 0).toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(parisToUtc(2026, 12, 1, 10, 0).toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("startOfParisWeek — a Sunday evening — is the Monday before, midnight Paris", () => {
    expect(startOfParisWeek(at("2026-11-29T20:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("formatDateTime — a UTC instant — shows Paris time", () => {
    expect(formatDateTime(at("2026-07-01T08:00:00Z"))).toBe("01/07/2026 10:00");
  });

  it("ageOn — the day before and on the birthday — counts whole years", () => {
    const birth = at("2001-03-15T00:00:00Z");
    expect(ageOn(birth, at("2026-03-14T00:00:00Z"))).toBe(24);
    expect(ageOn(birth, at("2026-03-15T00:00:00Z"))).toBe(25);
  });
});
