import { describe, expect, it } from "vitest";
import { attendanceTooEarly, overlaps, paceLimit, planningWarnings, undoOf, withinAvailability } from "../../src/features/lessons/rules.ts";
import { parisDateTime } from "../../src/domain/time.ts";
import { examProblem, passes } from "../../src/features/exams/rules.ts";

const at = (iso: string) => new Date(iso);
const lesson = (iso: string, durationMin = 60) => ({ startsAt: at(iso), durationMin });

describe("lesson rules", () => {
  it("overlaps — back-to-back — false; one minute into the other — true", () => {
    expect(overlaps(lesson("2026-03-02T09:00:00Z"), lesson("2026-03-02T10:00:00Z"))).toBe(false);
    expect(overlaps(lesson("2026-03-02T09:00:00Z"), lesson("2026-03-02T09:59:00Z"))).toBe(true);
    expect(overlaps(lesson("2026-03-02T09:00:00Z", 240), lesson("2026-03-02T10:00:00Z", 30))).toBe(true);
  });

  it("paceLimit — per status, the counsellor's override winning — the suggested number", () => {
    expect(paceLimit("APPRENTICE", null)).toBe(2);
    expect(paceLimit("JOB_SEEKER", null)).toBe(4);
    expect(paceLimit("JOB_SEEKER", 1)).toBe(1);
    expect(paceLimit("UNKNOWN", undefined)).toBe(3);
  });

  it("withinAvailability — Paris wall-clock slots, DST included — inside or not", () => {
    const slots = [{ day: 1, from: "18:00", to: "20:00" }];
    expect(withinAvailability(slots, { startsAt: parisDateTime("2026-03-02", "18:00"), durationMin: 120 })).toBe(true); // winter Monday
    expect(withinAvailability(slots, { startsAt: parisDateTime("2026-07-06", "18:30"), durationMin: 60 })).toBe(true); // summer Monday
    expect(withinAvailability(slots, { startsAt: parisDateTime("2026-03-02", "19:30"), durationMin: 60 })).toBe(false); // ends after 20:00
    expect(withinAvailability(slots, { startsAt: parisDateTime("2026-03-03", "18:00"), durationMin: 60 })).toBe(false); // a Tuesday
    expect(withinAvailability([], { startsAt: parisDateTime("2026-03-03", "03:00"), durationMin: 60 })).toBe(true);
  });

  it("parisDateTime — a summer and a winter time — the right UTC instant", () => {
    expect(parisDateTime("2026-07-06", "14:30").toISOString()).toBe("2026-07-06T12:30:00.000Z");
    expect(parisDateTime("2026-01-15", "14:30").toISOString()).toBe("2026-01-15T13:30:00.000Z");
  });

  it("attendanceTooEarly — a future lesson — only a cancellation is accepted", () => {
    const now = at("2026-03-02T09:00:00Z");
    expect(attendanceTooEarly("PRESENT", at("2026-03-02T10:00:00Z"), now)).toBe(true);
    expect(attendanceTooEarly("CANCELLED", at("2026-03-02T10:00:00Z"), now)).toBe(false);
    expect(attendanceTooEarly("PRESENT", at("2026-03-02T09:00:00Z"), now)).toBe(false);
  });

  it("attendanceTooEarly — putting a future lesson back to planned — accepted", () => {
    expect(attendanceTooEarly("SCHEDULED", at("2026-03-02T10:00:00Z"), at("2026-03-02T09:00:00Z"))).toBe(false);
  });

  it("undoOf — a first tap, a lateness, a cancellation — the fields that put the previous value back", () => {
    expect(undoOf({ attendance: "SCHEDULED", lateMin: null, cancelReason: null }, { attendance: "PRESENT" })).toEqual({
      attendance: "SCHEDULED",
      lateMin: null,
      reason: null,
    });
    expect(undoOf({ attendance: "LATE", lateMin: 10, cancelReason: null }, { attendance: "PRESENT" })).toEqual({
      attendance: "LATE",
      lateMin: 10,
      reason: null,
    });
    expect(undoOf({ attendance: "CANCELLED", lateMin: null, cancelReason: "Panne" }, { attendance: "PRESENT" })).toEqual({
      attendance: "CANCELLED",
      lateMin: null,
      reason: "Panne",
    });
  });

  it("undoOf — nothing changed, or a previous value that cannot be sent again — null", () => {
    expect(undoOf({ attendance: "PRESENT", lateMin: null, cancelReason: null }, { attendance: "PRESENT" })).toBeNull();
    expect(undoOf({ attendance: "LATE", lateMin: 10, cancelReason: null }, { attendance: "LATE", lateMin: 10 })).toBeNull();
    expect(undoOf({ attendance: "LATE", lateMin: null, cancelReason: null }, { attendance: "PRESENT" })).toBeNull();
    expect(undoOf({ attendance: "CANCELLED", lateMin: null, cancelReason: null }, { attendance: "PRESENT" })).toBeNull();
  });

  it("planningWarnings — beyond the pace and outside the slots — both warnings", () => {
    const warnings = planningWarnings({
      lesson: { startsAt: parisDateTime("2026-03-03", "10:00"), durationMin: 60 },
      slots: [{ day: 1, from: "18:00", to: "20:00" }],
      lessonsThatWeek: 3,
      limit: 2,
    });
    expect(warnings).toHaveLength(2);
    expect(
      planningWarnings({
        lesson: { startsAt: parisDateTime("2026-03-02", "18:00"), durationMin: 60 },
        slots: [],
        lessonsThatWeek: 2,
        limit: 2,
      }),
    ).toEqual([]);
  });
});

describe("exam rules", () => {
  it("passes — theory 35/40, practical 20/31 without eliminatory fault", () => {
    expect(passes("THEORY", 35, false)).toBe(true);
    expect(passes("THEORY", 34, false)).toBe(false);
    expect(passes("PRACTICAL", 20, false)).toBe(true);
    expect(passes("PRACTICAL", 31, true)).toBe(false);
  });

  it("examProblem — agreeing facts — null; each disagreement — its field", () => {
    expect(examProblem({ kind: "THEORY", score: 36, result: "PASSED", eliminatoryFault: false })).toBeNull();
    expect(examProblem({ kind: "PRACTICAL", score: 25, result: "FAILED", eliminatoryFault: true })).toBeNull();
    expect(examProblem({ kind: "PRACTICAL", result: "ABSENT", eliminatoryFault: false })).toBeNull();
    expect(examProblem({ kind: "THEORY", score: 34, result: "PASSED", eliminatoryFault: false })?.field).toBe("result");
    expect(examProblem({ kind: "THEORY", score: 41, result: "FAILED", eliminatoryFault: false })?.field).toBe("score");
    expect(examProblem({ kind: "THEORY", result: "FAILED", eliminatoryFault: false })?.field).toBe("score");
    expect(examProblem({ kind: "PRACTICAL", score: 22, result: "PASSED", eliminatoryFault: true })?.field).toBe("result");
    expect(examProblem({ kind: "THEORY", score: 36, result: "PASSED", eliminatoryFault: true })?.field).toBe("eliminatoryFault");
  });
});
