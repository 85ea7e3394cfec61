import { describe, expect, it } from "vitest";
import {
  SEVERITY_OF,
  WARNING_ORDER,
  WARNING_THRESHOLDS,
  warningRank,
  warningsChangeAt,
  warningsOf,
  type WarningFacts,
} from "../../src/domain/warnings.ts";
import { RECOMMENDATION_KINDS } from "../../src/domain/enums.ts";
import { formatEuros } from "../../src/domain/time.ts";

const NOW = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/** An active enrolment with nothing to warn about. */
function facts(changes: Partial<WarningFacts> = {}): WarningFacts {
  return {
    status: "ACTIVE",
    enrolledAt: daysAgo(100),
    initialAssessmentAt: daysAgo(95),
    forecastHours: 30,
    drivingMinutes: 600,
    lastAttended: daysAgo(2),
    unexcusedInARow: 0,
    recentRecorded: 10,
    recentAttended: 10,
    stalledSkill: null,
    latestExam: null,
    contribution: { dueCents: 25_000, paidCents: 25_000, since: daysAgo(100) },
    aid: { capCents: 100_000, paidCents: 40_000 },
    openDifficulties: {},
    ...changes,
  };
}

const codes = (changes: Partial<WarningFacts>, now = NOW) => warningsOf(facts(changes), now).map((warning) => warning.code);
const only = (changes: Partial<WarningFacts>) => {
  const found = warningsOf(facts(changes), NOW);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("early warnings", () => {
  it("warningsOf — an active enrolment going well — no warning", () => {
    expect(warningsOf(facts(), NOW)).toEqual([]);
  });

  it("NO_RECENT_LESSON — 20 days since the last lesson — none; 21 and 26 days — the days in the reason, a pace change", () => {
    expect(codes({ lastAttended: daysAgo(20) })).toEqual([]);
    expect(codes({ lastAttended: new Date(daysAgo(21).getTime() + 60_000) })).toEqual([]);
    expect(codes({ lastAttended: daysAgo(21) })).toEqual(["NO_RECENT_LESSON"]);
    const warning = only({ lastAttended: daysAgo(26) });
    expect(warning.reason).toMatch(/^Aucune leçon depuis 26 jours/);
    expect(warning.suggestion.kind).toBe("PACE_CHANGE");
    expect(codes({ lastAttended: null })).toEqual([]);
  });

  it("ABSENCES — one unexcused absence, then two in a row — warns at two", () => {
    expect(codes({ unexcusedInARow: 1, recentAttended: 9 })).toEqual([]);
    const warning = only({ unexcusedInARow: 2, recentAttended: 8 });
    expect(warning.code).toBe("ABSENCES");
    expect(warning.reason).toBe("2 absences non excusées de suite");
  });

  it("ABSENCES — attendance at 80 % and under, and too few lessons — warns under 80 % from 5 recorded lessons", () => {
    expect(codes({ recentRecorded: 10, recentAttended: 8 })).toEqual([]);
    expect(codes({ recentRecorded: 5, recentAttended: 4 })).toEqual([]);
    expect(only({ recentRecorded: 9, recentAttended: 7 }).reason).toBe("Présent·e à 7 des 9 dernières leçons (78 %)");
    expect(WARNING_THRESHOLDS.attendanceMinRecorded).toBe(5);
    expect(codes({ recentRecorded: 4, recentAttended: 1 })).toEqual([]);
    expect(codes({ recentRecorded: 1, recentAttended: 0 })).toEqual([]);
    expect(only({ recentRecorded: 5, recentAttended: 3, unexcusedInARow: 2 }).reason).toBe(
      "2 absences non excusées de suite ; présent·e à 3 des 5 dernières leçons (60 %)",
    );
  });

  it("STALLED_SKILL — a skill in progress over 6, then 7 lessons — warns over 6 with the code, label and count", () => {
    expect(codes({ stalledSkill: { code: "C2.3", lessons: 6 } })).toEqual([]);
    const warning = only({ stalledSkill: { code: "C2.3", lessons: 7 } });
    expect(warning.code).toBe("STALLED_SKILL");
    expect(warning.reason).toBe("Compétence C2.3 « Adapter l'allure aux situations » en cours d'acquisition depuis 7 leçons de conduite");
    expect(warning.suggestion).toEqual({ kind: "EXTRA_LESSONS", text: "Planifier une leçon d'évaluation sur la compétence C2.3" });
  });

  it("EXAM_FAILED — the latest exam failed, passed or missed — warns only when failed, with the kind and date", () => {
    const latestExam = (result: "PASSED" | "FAILED" | "ABSENT") => ({
      latestExam: { kind: "PRACTICAL" as const, date: new Date("2026-11-12T08:00:00Z"), result },
    });
    expect(codes(latestExam("PASSED"))).toEqual([]);
    expect(codes(latestExam("ABSENT"))).toEqual([]);
    const warning = only(latestExam("FAILED"));
    expect(warning.reason).toBe("Examen pratique échoué le 12/11/2026");
    expect(warning.suggestion.kind).toBe("MOCK_EXAM");
  });

  it("CONTRIBUTION_DUE — part paid 59 then 60 days after enrolment, and fully paid — warns from day 60 with the sums", () => {
    const contribution = (days: number, paidCents: number) => ({ contribution: { dueCents: 25_000, paidCents, since: daysAgo(days) } });
    expect(codes({ ...contribution(59, 10_000), enrolledAt: daysAgo(59) })).toEqual([]);
    expect(codes({ ...contribution(70, 25_000), enrolledAt: daysAgo(70) })).toEqual([]);
    const warning = only({ ...contribution(60, 10_000), enrolledAt: daysAgo(60) });
    expect(warning.code).toBe("CONTRIBUTION_DUE");
    expect(warning.reason).toBe(`Participation versée : ${formatEuros(10_000)} sur ${formatEuros(25_000)}, 60 jours après l'inscription`);
    expect(warning.reason).toContain("250,00");
    expect(warning.suggestion).toEqual({
      kind: "OTHER",
      text: `Proposer un échéancier pour les ${formatEuros(15_000)} restants de la participation`,
    });
  });

  it("HOURS_OVERRUN — 37 h 30 (+25 %) then 37 h 48 (+26 %) for 30 h forecast — warns over 25 % with the hours", () => {
    expect(codes({ forecastHours: 30, drivingMinutes: 2250 })).toEqual([]);
    const warning = only({ forecastHours: 30, drivingMinutes: 2268 });
    expect(warning.code).toBe("HOURS_OVERRUN");
    expect(warning.reason).toBe("37 h 48 de conduite pour 30 h prévues (+26 %)");
    expect(codes({ forecastHours: null, drivingMinutes: 6000 })).toEqual([]);
    expect(codes({ forecastHours: 0, drivingMinutes: 6000 })).toEqual([]);
  });

  it("OPEN_DIFFICULTY — open difficulties of several categories — the count and categories, the main category's support", () => {
    const one = only({ openDifficulties: { MOBILITY: 1 } });
    expect(one.reason).toBe("1 difficulté signalée non résolue (Mobilité)");
    expect(one.suggestion.kind).toBe("SUPPORT_MOBILITY");
    const three = only({ openDifficulties: { MOBILITY: 1, COGNITIVE: 2 } });
    expect(three.reason).toBe("3 difficultés signalées non résolues (Compréhension, Mobilité)");
    expect(three.suggestion.kind).toBe("SUPPORT_HEALTH");
    expect(codes({ openDifficulties: { FINANCIAL: 0 } })).toEqual([]);
  });

  it("ASSESSMENT_MISSING — 13 then 14 days without an initial assessment — warns from day 14", () => {
    const enrolled = (days: number) => ({ enrolledAt: daysAgo(days), initialAssessmentAt: null, lastAttended: null });
    expect(codes(enrolled(13))).toEqual([]);
    expect(only(enrolled(14)).reason).toBe("Inscrit·e depuis 14 jours sans évaluation de départ");
    expect(codes({ enrolledAt: daysAgo(30) })).toEqual([]);
  });

  const everything: Partial<WarningFacts> = {
    enrolledAt: daysAgo(90),
    initialAssessmentAt: null,
    drivingMinutes: 3000,
    lastAttended: daysAgo(30),
    unexcusedInARow: 3,
    stalledSkill: { code: "C1.4", lessons: 9 },
    latestExam: { kind: "THEORY", date: daysAgo(10), result: "FAILED" },
    contribution: { dueCents: 25_000, paidCents: 0, since: daysAgo(90) },
    openDifficulties: { FINANCIAL: 1 },
  };

  it("warningsOf — every rule firing — most serious first, in WARNING_ORDER, severities never rising", () => {
    const found = warningsOf(facts(everything), NOW);

    expect(found.map((warning) => warning.code)).toEqual([...WARNING_ORDER]);
    const ranks = { HIGH: 0, MEDIUM: 1, LOW: 2 };
    const severities = WARNING_ORDER.map((code) => ranks[SEVERITY_OF[code]]);
    expect(severities).toEqual([...severities].sort());
    expect(found.map((warning) => warning.severity)).toEqual(WARNING_ORDER.map((code) => SEVERITY_OF[code]));
    for (const warning of found) expect(RECOMMENDATION_KINDS).toContain(warning.suggestion.kind);
  });

  it("warningsOf — suspended, completed, dropped — only the open difficulty while suspended; nothing once closed", () => {
    expect(codes({ ...everything, status: "SUSPENDED" })).toEqual(["OPEN_DIFFICULTY"]);
    expect(codes({ ...everything, status: "COMPLETED" })).toEqual([]);
    expect(codes({ ...everything, status: "DROPPED" })).toEqual([]);
  });
});

describe("when the clock alone changes the warnings", () => {
  const after = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

  it("the earliest threshold still ahead: the idle days after the last lesson", () => {
    expect(warningsChangeAt(facts(), NOW)).toEqual(after(daysAgo(2), WARNING_THRESHOLDS.idleDays));
  });

  it("the assessment and contribution deadlines count while they are not met", () => {
    const enrolledAt = daysAgo(3);
    const pending = facts({
      lastAttended: null,
      enrolledAt,
      initialAssessmentAt: null,
      contribution: { dueCents: 25_000, paidCents: 0, since: enrolledAt },
    });
    expect(warningsChangeAt(pending, NOW)).toEqual(after(enrolledAt, WARNING_THRESHOLDS.assessmentDays));
    expect(warningsChangeAt({ ...pending, initialAssessmentAt: NOW }, NOW)).toEqual(after(enrolledAt, WARNING_THRESHOLDS.contributionDays));
  });

  it("a threshold already crossed, or nothing to wait for: null", () => {
    expect(warningsChangeAt(facts({ lastAttended: daysAgo(30) }), NOW)).toBeNull();
    expect(warningsChangeAt(facts({ lastAttended: null }), NOW)).toBeNull();
  });

  it("at the instant it gives, the warning is raised; just before, not yet", () => {
    const changeAt = warningsChangeAt(facts(), NOW)!;
    expect(codes({}, new Date(changeAt.getTime() - 1))).toEqual([]);
    expect(codes({}, changeAt)).toEqual(["NO_RECENT_LESSON"]);
  });
});

describe("a warning list's rank", () => {
  it("is its most serious code's place in WARNING_ORDER, or after them all", () => {
    expect(warningRank([])).toBe(WARNING_ORDER.length);
    expect(warningRank(["ASSESSMENT_MISSING", "ABSENCES"])).toBe(WARNING_ORDER.indexOf("ABSENCES"));
  });
});
