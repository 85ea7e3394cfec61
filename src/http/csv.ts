// CSV for spreadsheets as French users open them: UTF-8 with a byte-order mark (Excel reads the
// accents), `;` between fields (the comma is the decimal separator), CRLF line ends, fields quoted
// when needed (RFC 4180). A cell that a spreadsheet would run as a formula (starting with = + - @,
// a tab or a carriage return) gets a leading apostrophe: the file's data cannot execute.
import type { Response } from "express";

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined, separator: CsvOptions["separator"]): string {
  if (value === null || value === undefined) return "";
  const text =
    typeof value === "number"
      ? separator === ";"
        ? String(value).replace(".", ",")
        : String(value)
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The research export reads as plain RFC 4180 (`,`, decimal point, no byte-order mark) for
 * statistics software rather than a spreadsheet. */
type CsvOptions = { separator: ";" | ","; bom: boolean };

const SPREADSHEET: CsvOptions = { separator: ";", bom: true };

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: CsvOptions = SPREADSHEET,
): string {
  const lines = [header, ...rows].map((row) => row.map((value) => cell(value, options.separator)).join(options.separator));
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/** Sends a CSV as a download named `filename`; never cached (it holds personal data). */
export function sendCsv(res: Response, filename: string, csv: string): void {
  res.set({
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  });
  res.send(csv);
}

/** Rows as CSV lines (no byte-order mark, no header), each ending in CRLF: the next page of a
 * streamed export whose first chunk was `toCsv(header, [])`. */
export function csvRows(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map((value) => cell(value, SPREADSHEET.separator)).join(SPREADSHEET.separator)}\r\n`).join("");
}
