import { describe, expect, it } from "vitest";
import { nextStepOf, type NextStepFacts } from "../../src/domain/next-step.ts";

const NOW = new Date("2026-12-01T10:00:00Z");

function before(application: Partial<NextStepFacts["application"]> = {}): NextStepFacts {
  return { application: { state: "SELECTED", confirmed: false, canConfirm: false, infoMeeting: null, ...application }, training: null };
}

function training(extra: Partial<NonNullable<NextStepFacts["training"]>> = {}): NextStepFacts {
  return {
    application: { state: "SELECTED", confirmed: true, canConfirm: false, infoMeeting: null },
    training: {
      status: "ACTIVE",
      licenceObtained: false,
      theoryPassed: false,
      nextLessonAt: null,
      minutesDone: 0,
      forecastMinutes: 1800,
      ...extra,
    },
  };
}

describe("nextStepOf", () => {
  it("next step — no application — talk to the counsellor", () => {
    expect(nextStepOf(before({ state: "NONE" }), NOW).key).toBe("APPLY");
  });

  it("next step — draw not announced yet — wait for it", () => {
    expect(nextStepOf(before({ state: "PENDING" }), NOW).key).toBe("WAIT_DRAW");
  });

  it("next step — waitlisted — says the counsellor will call", () => {
    expect(nextStepOf(before({ state: "WAITLISTED" }), NOW).text).toContain("liste d'attente");
  });

  it("next step — selected, meeting ahead — come to the meeting, with its day, hour and place (Paris time)", () => {
    const step = nextStepOf(
      before({ infoMeeting: { startsAt: new Date("2026-12-03T09:00:00Z"), place: "Mission Locale, 2 rue Haute" } }),
      NOW,
    );
    expect(step.key).toBe("INFO_MEETING");
    expect(step.text).toBe("Venez à la réunion d'information jeudi 3 décembre à 10 h, Mission Locale, 2 rue Haute.");
  });

  it("next step — selected, meeting held, commitments to confirm — a link to confirm them", () => {
    const step = nextStepOf(before({ canConfirm: true, infoMeeting: { startsAt: new Date("2026-11-30T09:00:00Z"), place: "ML" } }), NOW);
    expect(step).toMatchObject({ key: "CONFIRM", link: { href: "/me/commitments" } });
  });

  it("next step — selected, no meeting known — the counsellor will tell the date", () => {
    expect(nextStepOf(before(), NOW).key).toBe("WAIT_MEETING");
  });

  it("next step — commitments confirmed, no school yet — wait for the enrolment", () => {
    expect(nextStepOf(before({ confirmed: true }), NOW).key).toBe("WAIT_SCHOOL");
  });

  it("next step — a lesson planned — its day and hour", () => {
    const step = nextStepOf(training({ nextLessonAt: new Date("2026-12-03T13:30:00Z") }), NOW);
    expect(step.text).toBe("Votre prochaine leçon : jeudi 3 décembre à 14 h 30.");
  });

  it("next step — no lesson planned, code not passed — revise the code", () => {
    expect(nextStepOf(training(), NOW).key).toBe("REVISE_THEORY");
  });

  it("next step — code passed, hours done — book the exam", () => {
    expect(nextStepOf(training({ theoryPassed: true, minutesDone: 1800 }), NOW).key).toBe("BOOK_EXAM");
  });

  it("next step — code passed, hours left, nothing planned — plan a lesson", () => {
    expect(nextStepOf(training({ theoryPassed: true, minutesDone: 600 }), NOW).key).toBe("PLAN_LESSON");
  });

  it("next step — licence obtained — congratulations first, whatever else is planned", () => {
    expect(nextStepOf(training({ licenceObtained: true, nextLessonAt: new Date("2026-12-03T09:00:00Z") }), NOW).key).toBe("LICENCE");
  });

  it("next step — training paused — call the counsellor", () => {
    expect(nextStepOf(training({ status: "SUSPENDED" }), NOW).key).toBe("SUSPENDED");
  });

  it("next step — training completed without the licence — ask the counsellor", () => {
    expect(nextStepOf(training({ status: "COMPLETED" }), NOW).key).toBe("ENDED");
  });

  it("next step — an application neither selected nor waitlisted — ask the counsellor", () => {
    expect(nextStepOf(before({ state: "OTHER" }), NOW).key).toBe("ASK_REFERENT");
  });
});
