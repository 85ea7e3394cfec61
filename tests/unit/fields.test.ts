import { describe, expect, it } from "vitest";
import {
  dayField,
  dayProblem,
  eurosField,
  optionalEurosField,
  optionalTextField,
  parisDateTimeField,
  parisTimeProblem,
  parseDay,
  shiftDay,
  textField,
  textProblem,
} from "../../src/http/fields.ts";

const NOW = new Date("2026-12-01T10:00:00Z");
const INVALID = "Saisissez une date valide.";

describe("calendar days", () => {
  it("parseDay — ISO and JJ/MM/AAAA forms of one day — the same YYYY-MM-DD", () => {
    expect(parseDay("2026-11-23")).toBe("2026-11-23");
    expect(parseDay(" 23/11/2026 ")).toBe("2026-11-23");
    expect(parseDay("3/1/2027")).toBe("2027-01-03");
  });

  it("parseDay — impossible days and other shapes — null", () => {
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("31/04/2026")).toBeNull();
    expect(parseDay("26-1-1")).toBeNull();
    expect(parseDay("demain")).toBeNull();
    expect(parseDay("")).toBeNull();
  });

  it("parseDay — a leap day — accepted", () => {
    expect(parseDay("29/02/2028")).toBe("2028-02-29");
  });

  for (const text of ["0000-01-01", "1000-06-15", "9999-12-31", "31/12/9999"]) {
    it(`dayProblem — absurd year ${text} — the French message on years`, () => {
      expect(dayProblem(text, { invalid: INVALID }, NOW)).toContain("Cette année n'est pas plausible");
      expect(parseDay(text)).toBeNull();
    });
  }

  it("dayProblem — inside a window of days from today — no problem", () => {
    expect(dayProblem("2026-12-01", { invalid: INVALID, min: 0, max: 365 }, NOW)).toBeNull();
    expect(dayProblem("01/12/2027", { invalid: INVALID, min: 0, max: 365 }, NOW)).toBeNull();
  });

  it("dayProblem — the day before today with min 0 — the default message with the limit in words", () => {
    expect(dayProblem("2026-11-30", { invalid: INVALID, min: 0 }, NOW)).toBe("Saisissez une date à partir du 1 décembre 2026.");
  });

  it("dayProblem — one day past a 365-day window — the default message, month in lower case", () => {
    expect(dayProblem("2027-12-02", { invalid: INVALID, max: 365 }, NOW)).toBe("Saisissez une date jusqu'au 1 décembre 2027 au plus tard.");
  });

  it("dayProblem — explicit bounds and own messages — those messages", () => {
    const options = {
      invalid: INVALID,
      min: "2026-09-01",
      max: "2026-09-30",
      tooEarly: (d: string) => `Pas avant le ${d}.`,
      tooLate: (d: string) => `Pas après le ${d}.`,
    };
    expect(dayProblem("31/08/2026", options, NOW)).toBe("Pas avant le 1 septembre 2026.");
    expect(dayProblem("2026-10-01", options, NOW)).toBe("Pas après le 30 septembre 2026.");
    expect(dayProblem("2026-09-15", options, NOW)).toBeNull();
  });

  it("dayProblem — today in Paris is already tomorrow in UTC terms at 23:30 UTC — the window follows Paris", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z"); // 00:30 on 2 December in Paris
    expect(dayProblem("2026-12-01", { invalid: INVALID, min: 0 }, lateEvening)).toContain("à partir du 2 décembre 2026");
  });

  it("dayField — a JJ/MM/AAAA day — parsed to YYYY-MM-DD", () => {
    expect(dayField({ invalid: INVALID }).parse("05/03/2026")).toBe("2026-03-05");
  });

  it("dayField — not a string or not a day — the field's message", () => {
    const field = dayField({ invalid: INVALID });
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe(INVALID);
    expect(field.safeParse("mardi").error?.issues[0]?.message).toBe(INVALID);
  });

  it("shiftDay — across a month end and a leap day — calendar arithmetic", () => {
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftDay("2028-03-01", -1)).toBe("2028-02-29");
  });
});

describe("Paris date and time", () => {
  const field = parisDateTimeField({ invalid: "Saisissez la date et l'heure." });

  it("parisDateTimeField — datetime-local, JJ/MM/AAAA HH:MM and 14h00 — the same UTC instant", () => {
    expect(field.parse("2026-09-12T14:00").toISOString()).toBe("2026-09-12T12:00:00.000Z");
    expect(field.parse("12/09/2026 14:00").toISOString()).toBe("2026-09-12T12:00:00.000Z");
    expect(field.parse("12/09/2026 14h00").toISOString()).toBe("2026-09-12T12:00:00.000Z");
  });

  it("parisDateTimeField — 01:30 on 29 March 2026 — winter time", () => {
    expect(field.parse("29/03/2026 01:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });

  it("parisDateTimeField — 02:30 on 29 March 2026, which does not exist — refused with the reason", () => {
    expect(field.safeParse("2026-03-29T02:30").error?.issues[0]?.message).toContain("Cette heure n'existe pas");
  });

  it("parisDateTimeField — 25:00, a year 9999 or words — refused, never an invalid date", () => {
    expect(field.safeParse("2026-09-12T25:00").success).toBe(false);
    expect(field.safeParse("9999-12-31T10:00").error?.issues[0]?.message).toContain("année n'est pas plausible");
    expect(field.safeParse("demain à 14 h").success).toBe(false);
  });

  it("parisTimeProblem — 02:30 on 28 March 2027 and on an ordinary day — a message, then none", () => {
    expect(parisTimeProblem("2027-03-28", "02:30")).toContain("n'existe pas");
    expect(parisTimeProblem("2027-03-27", "02:30")).toBeNull();
    expect(parisTimeProblem("pas-une-date", "02:30")).toBeNull();
  });
});

describe("free text", () => {
  const line = textField("Saisissez le lieu.", { max: 20, tooLong: "Au plus 20 caractères." });
  const paragraph = optionalTextField({ max: 50, tooLong: "Au plus 50 caractères.", multiline: true });

  it("textField — spaces around — trimmed", () => {
    expect(line.parse("  Salle des fêtes  ")).toBe("Salle des fêtes");
  });

  it("textField — empty, blank or too long — the field's messages", () => {
    expect(line.safeParse("").error?.issues[0]?.message).toBe("Saisissez le lieu.");
    expect(line.safeParse("   ").error?.issues[0]?.message).toBe("Saisissez le lieu.");
    expect(line.safeParse(undefined).error?.issues[0]?.message).toBe("Saisissez le lieu.");
    expect(line.safeParse("x".repeat(21)).error?.issues[0]?.message).toBe("Au plus 20 caractères.");
  });

  for (const [name, char] of [
    ["U+202E (right-to-left override)", "\u202E"],
    ["U+202A (left-to-right embedding)", "\u202A"],
    ["U+2066 (left-to-right isolate)", "\u2066"],
    ["U+2069 (pop directional isolate)", "\u2069"],
    ["U+0000 (null)", "\u0000"],
    ["U+001B (escape)", "\u001B"],
    ["U+007F (delete)", "\u007F"],
    ["U+0085 (next line, C1)", "\u0085"],
  ] as const) {
    it(`textField and optionalTextField — a text holding ${name} — refused with the French message`, () => {
      expect(line.safeParse(`Salle${char}A`).error?.issues[0]?.message).toContain("caractère invisible non autorisé");
      expect(paragraph.safeParse(`Ligne${char}B`).error?.issues[0]?.message).toContain("caractère invisible non autorisé");
    });
  }

  it("textField — a line break or a tab in a one-line field — refused", () => {
    expect(line.safeParse("Salle\nA").error?.issues[0]?.message).toBe("Ce champ tient sur une seule ligne.");
    expect(line.safeParse("Salle\tA").success).toBe(false);
  });

  it("optionalTextField multiline — line breaks (CRLF) and tabs — kept, as \\n", () => {
    expect(paragraph.parse("Première ligne\r\nseconde\tligne")).toBe("Première ligne\nseconde\tligne");
  });

  it("optionalTextField — absent, empty or blank — undefined", () => {
    expect(paragraph.parse(undefined)).toBeUndefined();
    expect(paragraph.parse("")).toBeUndefined();
    expect(paragraph.parse("  \n ")).toBeUndefined();
  });

  it("textProblem — accents, apostrophes, emoji and a formula — accepted as data", () => {
    expect(textProblem('Élodie d’Aubigné 🚗 =HYPERLINK("x")', {})).toBeNull();
  });
});

describe("amounts in euros", () => {
  const options = { invalid: "Montant invalide.", minCents: 100, maxCents: 50_000, outOfRange: "Hors limites." };

  it("eurosField — a comma, a point, spaces and the euro sign — the same integer cents", () => {
    const field = eurosField(options);
    expect(field.parse("45,50")).toBe(4550);
    expect(field.parse("45.50")).toBe(4550);
    expect(field.parse(" 45,5 € ")).toBe(4550);
    // 12.29 × 100 is 1228.999… in floating point: the cents are rounded, never truncated.
    expect(field.parse("12,29")).toBe(1229);
  });

  it("eurosField — three decimals, words, a negative amount — the invalid message", () => {
    const field = eurosField(options);
    for (const text of ["45,505", "quarante", "-45", "45,50,00"]) {
      expect(field.safeParse(text).error?.issues[0]?.message, text).toBe("Montant invalide.");
    }
  });

  it("eurosField — below the minimum or above the maximum — the range message", () => {
    const field = eurosField(options);
    expect(field.safeParse("0,50").error?.issues[0]?.message).toBe("Hors limites.");
    expect(field.safeParse("500,01").error?.issues[0]?.message).toBe("Hors limites.");
    expect(field.parse("500")).toBe(50_000);
  });

  it("optionalEurosField — empty or blank — undefined; a typed amount — cents", () => {
    const field = optionalEurosField(options);
    expect(field.parse(undefined)).toBeUndefined();
    expect(field.parse("  ")).toBeUndefined();
    expect(field.parse("47")).toBe(4700);
  });
});
