import { describe, expect, it } from "vitest";
import {
  EMPLOYMENT_STATUSES,
  isEmployed,
  overdueBefore,
  surveyDueOn,
  surveyDueState,
  SURVEY_EMPLOYMENT_LABELS,
} from "../../src/domain/survey.ts";
import { staffAnswerSchema } from "../../src/features/surveys/schemas.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("employment → employed", () => {
  it("isEmployed — the seven situations — a work contract (CDI, CDD, interim, apprenticeship) is employment, the rest not", () => {
    const employed = EMPLOYMENT_STATUSES.filter((status) => isEmployed(status));
    expect(employed).toEqual(["CDI", "CDD", "INTERIM", "APPRENTICESHIP"]);
    expect(EMPLOYMENT_STATUSES.filter((status) => !isEmployed(status))).toEqual(["TRAINING", "JOB_SEEKER", "INACTIVE"]);
    expect(Object.keys(SURVEY_EMPLOYMENT_LABELS)).toEqual([...EMPLOYMENT_STATUSES]);
  });

  it("the form — a code outside the seven — refused; a licence without its date — refused; no licence drops the date", () => {
    expect(staffAnswerSchema.safeParse({ employmentStatus: "EMPLOYEE", hasLicence: "no", carAccess: "no" }).success).toBe(false);
    expect(staffAnswerSchema.safeParse({ employmentStatus: "CDI", hasLicence: "yes", carAccess: "no" }).success).toBe(false);
    const parsed = staffAnswerSchema.parse({
      employmentStatus: "CDI",
      hasLicence: "no",
      licenceObtainedOn: "2025-01-10",
      carAccess: "yes",
    });
    expect(parsed).toEqual({ employmentStatus: "CDI", hasLicence: false, licenceObtainedOn: null, carAccess: true });
  });
});

describe("due and overdue", () => {
  it("surveyDueOn — the draw's Paris day, months later, clamped to a shorter month", () => {
    // 23:30 UTC on 31 March is already 1 April in Paris.
    expect(surveyDueOn(new Date("2026-03-31T23:30:00Z"), 6)).toEqual(day("2026-10-01"));
    expect(surveyDueOn(new Date("2026-08-31T08:00:00Z"), 6)).toEqual(day("2027-02-28"));
    expect(surveyDueOn(new Date("2026-07-01T08:00:00Z"), 24)).toEqual(day("2028-07-01"));
  });

  it("surveyDueState — before its day, from its day, a month after, closed — upcoming, due, overdue, closed", () => {
    const dueOn = day("2026-11-01");
    const pending = { status: "PENDING", dueOn };
    expect(surveyDueState(pending, new Date("2026-10-31T23:30:00Z"))).toBe("DUE"); // 00:30 on 1 November in Paris
    expect(surveyDueState(pending, new Date("2026-10-31T12:00:00Z"))).toBe("UPCOMING");
    expect(surveyDueState(pending, new Date("2026-12-01T12:00:00Z"))).toBe("DUE");
    expect(surveyDueState(pending, new Date("2026-12-02T12:00:00Z"))).toBe("OVERDUE");
    expect(surveyDueState({ status: "UNREACHABLE", dueOn }, new Date("2027-01-01T12:00:00Z"))).toBe("CLOSED");
    expect(overdueBefore(new Date("2026-12-02T12:00:00Z"))).toEqual(day("2026-11-02"));
  });
});
