import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/http/csv.ts";

describe("CSV for spreadsheets", () => {
  it("UTF-8 with a byte-order mark, `;` between fields, CRLF line ends", () => {
    expect(toCsv(["Nom", "Prénom"], [["Dubois", "Kévin"]])).toBe("\uFEFFNom;Prénom\r\nDubois;Kévin\r\n");
  });

  it("quotes a field holding the separator, a quote or a line break", () => {
    expect(toCsv(["a"], [['N°1; "le bon"'], ["deux\nlignes"]])).toBe('\uFEFFa\r\n"N°1; ""le bon"""\r\n"deux\nlignes"\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(["x"], [['=HYPERLINK("http://x")'], ["+33 6"], ["-2"], ["@SUM(A1)"], ["\tcmd"]]);
    expect(csv.split("\r\n").slice(1, 6)).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+33 6", "'-2", "'@SUM(A1)", "'\tcmd"]);
  });

  it("numbers with a decimal comma, empty cells for missing values", () => {
    expect(toCsv(["h", "n"], [[12.5, null]])).toBe("\uFEFFh;n\r\n12,5;\r\n");
  });
});
