import { describe, expect, it } from "vitest";
import { journeyOf, type JourneyFacts, type JourneyStep } from "../../src/domain/journey.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** A youth who applied, was drawn and selected, and nothing since. */
function applied(): JourneyFacts {
  return {
    application: {
      status: "SELECTED",
      createdAt: day("2026-01-05"),
      submittedAt: day("2026-01-10"),
      draw: { rank: 3, outcome: "SELECTED", drawnAt: day("2026-02-01") },
      drawHidden: false,
      infoMeeting: null,
      attendanceCommitmentAt: null,
      contributionCommitmentAt: null,
    },
    enrolment: null,
    lessons: [],
    exams: [],
    surveys: [],
  };
}

function withEnrolment(facts: JourneyFacts, extra: Partial<NonNullable<JourneyFacts["enrolment"]>> = {}): JourneyFacts {
  return {
    ...facts,
    enrolment: {
      enrolledAt: day("2026-03-01"),
      schoolName: "Auto-école du Centre",
      initialAssessmentAt: null,
      licenceObtainedOn: null,
      theoryPassedOn: null,
      ...extra,
    },
  };
}

const step = (steps: JourneyStep[], key: string) => steps.find((s) => s.key === key)!;

describe("journeyOf", () => {
  it("journeyOf — selected, nothing else yet — application and draw done with their dates and rank, the meeting current, the rest to come", () => {
    const steps = journeyOf(applied(), NOW);
    expect(steps.map((s) => s.key)).toEqual([
      "application",
      "draw",
      "meeting",
      "commitments",
      "enrolment",
      "assessment",
      "lessons",
      "theory",
      "practical",
      "licence",
      "surveys",
    ]);
    expect(step(steps, "application")).toMatchObject({ state: "done", date: day("2026-01-10") });
    expect(step(steps, "draw")).toMatchObject({ state: "done", date: day("2026-02-01"), details: ["Rang 3 : retenu·e"] });
    expect(step(steps, "meeting").state).toBe("current");
    expect(steps.slice(3).every((s) => s.state === "upcoming" && s.date === null)).toBe(true);
  });

  it("journeyOf — no application at all — the first step is current", () => {
    const steps = journeyOf({ ...applied(), application: null }, NOW);
    expect(step(steps, "application").state).toBe("current");
    expect(step(steps, "draw").state).toBe("upcoming");
  });

  it("journeyOf — waitlisted — the draw stays current with its rank; promoted later — done", () => {
    const facts = applied();
    const waitlisted = {
      ...facts.application!,
      status: "WAITLISTED" as const,
      draw: { rank: 12, outcome: "WAITLISTED" as const, drawnAt: day("2026-02-01") },
    };
    const steps = journeyOf({ ...facts, application: waitlisted }, NOW);
    expect(step(steps, "draw")).toMatchObject({ state: "current", date: null, details: ["Rang 12 : liste d'attente"] });

    const promoted = journeyOf({ ...facts, application: { ...waitlisted, status: "SELECTED" } }, NOW);
    expect(step(promoted, "draw")).toMatchObject({ state: "done", details: ["Rang 12 : liste d'attente, puis retenu·e"] });
  });

  it("journeyOf — the draw awaiting the committee, for a reader who does not follow draws — not told", () => {
    const facts = applied();
    const steps = journeyOf({ ...facts, application: { ...facts.application!, drawHidden: true } }, NOW);
    expect(step(steps, "draw")).toMatchObject({ state: "current", details: ["Résultat du tirage à venir"] });
  });

  it("journeyOf — information meeting — done once its time has passed, current with its date before", () => {
    const facts = applied();
    const at = (startsAt: Date) => ({
      ...facts,
      application: { ...facts.application!, infoMeeting: { startsAt, place: "Mission Locale" } },
    });
    expect(step(journeyOf(at(new Date(NOW.getTime() - 60_000)), NOW), "meeting").state).toBe("done");
    const before = step(journeyOf(at(new Date(NOW.getTime() + 60_000)), NOW), "meeting");
    expect(before.state).toBe("current");
    expect(before.details[0]).toMatch(/^Prévue le 15\/06\/2026/);
  });

  it("journeyOf — commitments — done with the later signature when both are signed; one alone is not enough", () => {
    const facts = applied();
    const signed = (attendance: Date | null, contribution: Date | null) =>
      journeyOf(
        { ...facts, application: { ...facts.application!, attendanceCommitmentAt: attendance, contributionCommitmentAt: contribution } },
        NOW,
      );
    expect(step(signed(day("2026-02-10"), day("2026-02-12")), "commitments")).toMatchObject({ state: "done", date: day("2026-02-12") });
    const half = step(signed(day("2026-02-10"), null), "commitments");
    expect(half.state).not.toBe("done");
    expect(half.details).toEqual(["Assiduité : signée le 10/02/2026", "Participation financière : à signer"]);
  });

  it("journeyOf — enrolled without the meeting or the commitments recorded — those are skipped, not to come", () => {
    const steps = journeyOf(withEnrolment(applied()), NOW);
    expect(step(steps, "meeting").state).toBe("skipped");
    expect(step(steps, "commitments").state).toBe("skipped");
    expect(step(steps, "enrolment")).toMatchObject({ state: "done", date: day("2026-03-01"), details: ["Auto-école du Centre"] });
    expect(step(steps, "assessment").state).toBe("current");
  });

  it("journeyOf — lessons — done from the first attended one; before, current with the next planned one", () => {
    const enrolled = withEnrolment(applied(), { initialAssessmentAt: day("2026-03-05") });
    const planned = journeyOf({ ...enrolled, lessons: [{ startsAt: new Date(NOW.getTime() + 86_400_000), attendance: "SCHEDULED" }] }, NOW);
    expect(step(planned, "lessons")).toMatchObject({ state: "current", date: null });
    expect(step(planned, "lessons").details[0]).toMatch(/^Prévue le 16\/06\/2026/);

    const started = journeyOf(
      {
        ...enrolled,
        lessons: [
          { startsAt: day("2026-03-20"), attendance: "PRESENT" },
          { startsAt: day("2026-03-10"), attendance: "ABSENT_UNEXCUSED" },
          { startsAt: day("2026-03-15"), attendance: "LATE" },
        ],
      },
      NOW,
    );
    expect(step(started, "lessons")).toMatchObject({ state: "done", date: day("2026-03-15"), details: ["2 leçons suivies"] });
    expect(step(started, "theory").state).toBe("current");
  });

  it("journeyOf — exams — each attempt listed in order, done on the pass, a failure alone keeps it current", () => {
    const enrolled = withEnrolment(applied(), { initialAssessmentAt: day("2026-03-05") });
    const lessons = [{ startsAt: day("2026-03-20"), attendance: "PRESENT" as const }];
    const failed = journeyOf({ ...enrolled, lessons, exams: [{ kind: "THEORY", date: day("2026-04-01"), result: "FAILED" }] }, NOW);
    expect(step(failed, "theory")).toMatchObject({ state: "current", details: ["1re tentative le 01/04/2026 : échoué"] });

    const passed = journeyOf(
      {
        ...enrolled,
        lessons,
        exams: [
          { kind: "THEORY", date: day("2026-05-01"), result: "PASSED" },
          { kind: "THEORY", date: day("2026-04-01"), result: "FAILED" },
          { kind: "PRACTICAL", date: day("2026-06-01"), result: "FAILED" },
        ],
      },
      NOW,
    );
    expect(step(passed, "theory")).toMatchObject({
      state: "done",
      date: day("2026-05-01"),
      details: ["1re tentative le 01/04/2026 : échoué", "2e tentative le 01/05/2026 : réussi"],
    });
    expect(step(passed, "practical")).toMatchObject({ state: "current", details: ["1re tentative le 01/06/2026 : échoué"] });
  });

  it("journeyOf — theory passed before the programme — done without an attempt", () => {
    const steps = journeyOf(withEnrolment(applied(), { theoryPassedOn: day("2025-11-03") }), NOW);
    expect(step(steps, "theory")).toMatchObject({
      state: "done",
      date: day("2025-11-03"),
      details: ["Obtenu avant l'entrée dans le programme"],
    });
  });

  it("journeyOf — licence obtained — done with its date; the surveys are next", () => {
    const steps = journeyOf(withEnrolment(applied(), { licenceObtainedOn: day("2026-06-10") }), NOW);
    expect(step(steps, "licence")).toMatchObject({ state: "done", date: day("2026-06-10") });
    expect(step(steps, "surveys").state).toBe("current");
  });

  it("journeyOf — surveys — done once the three are closed, each listed; one still pending keeps them to do", () => {
    const base = withEnrolment(applied(), { licenceObtainedOn: day("2026-06-10") });
    const answered = (monthsAfter: number, on: string) => ({
      monthsAfter,
      dueOn: day(on),
      status: "ANSWERED" as const,
      answeredAt: day(on),
    });
    const pending = journeyOf(
      { ...base, surveys: [answered(6, "2026-08-01"), { monthsAfter: 12, dueOn: day("2027-02-01"), status: "PENDING", answeredAt: null }] },
      NOW,
    );
    expect(step(pending, "surveys")).toMatchObject({
      state: "current",
      details: ["6 mois : répondue le 01/08/2026", "12 mois : prévue le 01/02/2027"],
    });
    const closed = journeyOf(
      {
        ...base,
        surveys: [
          answered(6, "2026-08-01"),
          answered(24, "2028-02-01"),
          { monthsAfter: 12, dueOn: day("2027-02-01"), status: "UNREACHABLE", answeredAt: null },
        ],
      },
      NOW,
    );
    expect(step(closed, "surveys")).toMatchObject({ state: "done", date: day("2028-02-01") });
    expect(step(closed, "surveys").details[1]).toBe("12 mois : jeune injoignable");
  });

  it("journeyOf — a reader who does not follow the surveys — the step is left out", () => {
    expect(journeyOf({ ...applied(), surveys: null }, NOW).some((s) => s.key === "surveys")).toBe(false);
  });
});
