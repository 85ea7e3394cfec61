import { describe, expect, it } from "vitest";
import { ageOnDrawDay, eligibilityOf } from "../../src/features/applications/eligibility.ts";
import { duplicateReasons, normaliseName } from "../../src/features/applications/duplicates.ts";
import { normalisePhone } from "../../src/http/fields.ts";

// 10:00 in Paris on 1 July 2026 (08:00 UTC), as the app stores draw dates.
const DRAW = new Date("2026-07-01T08:00:00Z");
const ML = "ml-orleans";
const context = { drawDate: DRAW, missionLocaleName: "Mission Locale de l'Orléanais", missionLocalesWithSeats: new Set([ML]) };
const consent = new Date("2026-03-01T10:00:00Z");
const eligible = {
  birthDate: new Date("2004-05-06T00:00:00Z"),
  missionLocaleId: ML,
  professionalProject: "Cariste",
  lotteryConsentAt: consent,
  evaluationConsentAt: consent,
};

describe("eligibility", () => {
  it("eligibilityOf — every condition met — is eligible with five lines, all ok", () => {
    const result = eligibilityOf(eligible, context);
    expect(result.eligible).toBe(true);
    expect(result.lines.map((l) => [l.check, l.ok])).toEqual([
      ["AGE", true],
      ["MISSION_LOCALE", true],
      ["PROJECT", true],
      ["LOTTERY_CONSENT", true],
      ["EVALUATION_CONSENT", true],
    ]);
    expect(result.lines[0]!.text).toBe("A 22 ans le 01/07/2026, jour du tirage (il faut avoir de 18 à 25 ans).");
  });

  it.each([
    ["18th birthday on the draw day", "2008-07-01", true],
    ["18th birthday the day after", "2008-07-02", false],
    ["26th birthday on the draw day", "2000-07-01", false],
    ["26th birthday the day after", "2000-07-02", true],
  ])("age on the draw day — %s — eligible: %s", (_label, birth, ok) => {
    const result = eligibilityOf({ ...eligible, birthDate: new Date(`${birth}T00:00:00Z`) }, context);
    expect(result.lines[0]!.ok).toBe(ok);
  });

  it("age — a draw late in the evening in Paris (already the next day in UTC+2) — counts the Paris day", () => {
    const lateDraw = new Date("2026-06-30T22:30:00Z"); // 1 July, 00:30 in Paris
    expect(ageOnDrawDay(new Date("2008-07-01T00:00:00Z"), lateDraw)).toBe(18);
  });

  it("eligibilityOf — no project, no consents, a Mission Locale without seats — says each reason", () => {
    const result = eligibilityOf(
      { ...eligible, missionLocaleId: "ml-other", professionalProject: "  ", lotteryConsentAt: null, evaluationConsentAt: null },
      context,
    );
    expect(result.eligible).toBe(false);
    expect(result.lines.filter((l) => !l.ok).map((l) => l.check)).toEqual([
      "MISSION_LOCALE",
      "PROJECT",
      "LOTTERY_CONSENT",
      "EVALUATION_CONSENT",
    ]);
  });
});

describe("duplicates", () => {
  const person = { lastName: "Le Goff", birthDate: new Date("2003-09-09T00:00:00Z"), email: "a.b@exemple.fr", phone: "0612345678" };

  it("duplicateReasons — same name written differently and same birth date — one reason", () => {
    expect(duplicateReasons(person, { ...person, lastName: "LEGOFF", email: null, phone: null })).toEqual([
      "même nom et même date de naissance",
    ]);
    expect(normaliseName("Lefèvre-Dupont")).toBe(normaliseName("LEFEVRE DUPONT"));
  });

  it("duplicateReasons — same e-mail in another case, same phone with +33 — two reasons", () => {
    const other = { lastName: "Autre", birthDate: new Date("2001-01-01T00:00:00Z"), email: "A.B@Exemple.fr", phone: "+33 6 12 34 56 78" };
    expect(duplicateReasons(person, other)).toEqual(["même adresse e-mail", "même numéro de téléphone"]);
    expect(normalisePhone("06.12.34.56.78")).toBe("0612345678");
  });

  it("duplicateReasons — same name, other birth date, no shared contact — none", () => {
    expect(
      duplicateReasons(person, { lastName: "Le Goff", birthDate: new Date("2003-09-10T00:00:00Z"), email: null, phone: null }),
    ).toEqual([]);
  });
});
