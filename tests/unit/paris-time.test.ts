import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  existsInParis,
  formatDate,
  formatDateInWords,
  formatDateLong,
  formatDateTime,
  formatMoment,
  formatTime,
  parisDateTime,
  parisIsoDay,
  parisParts,
  parisToUtc,
  startOfParisDay,
  startOfParisWeek,
} from "../../src/domain/time.ts";

const at = (iso: string) => new Date(iso);

// 2026 clock changes in Paris: Sunday 29 March, 02:00 → 03:00 (UTC+1 → UTC+2);
// Sunday 25 October, 03:00 → 02:00 (UTC+2 → UTC+1).
describe("Paris time on the clock-change days of 2026", () => {
  it("parisToUtc — 01:30 on 29 March (still winter time) — 00:30 UTC", () => {
    expect(parisToUtc(2026, 3, 29, 1, 30).toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });

  it("parisToUtc — 01:30 on 25 October (still summer time) — 23:30 UTC the day before", () => {
    expect(parisToUtc(2026, 10, 25, 1, 30).toISOString()).toBe("2026-10-24T23:30:00.000Z");
  });

  it("parisToUtc — 03:30 on 29 March and 03:30 on 25 October — summer then winter offset", () => {
    expect(parisToUtc(2026, 3, 29, 3, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parisToUtc(2026, 10, 25, 3, 30).toISOString()).toBe("2026-10-25T02:30:00.000Z");
  });

  it("parisToUtc — 02:30 on 29 March, which does not exist — moves forward to 03:30 summer time", () => {
    expect(parisToUtc(2026, 3, 29, 2, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(existsInParis("2026-03-29", "02:30")).toBe(false);
  });

  it("parisToUtc — 02:30 on 25 October, which happens twice — the second time (winter time)", () => {
    expect(parisToUtc(2026, 10, 25, 2, 30).toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(existsInParis("2026-10-25", "02:30")).toBe(true);
  });

  it("existsInParis — 01:59 and 03:00 on 29 March — both exist", () => {
    expect(existsInParis("2026-03-29", "01:59")).toBe(true);
    expect(existsInParis("2026-03-29", "03:00")).toBe(true);
  });

  it("parisParts — the last winter minute and the first summer minute — read on the Paris clock", () => {
    expect(parisParts(at("2026-03-29T00:59:00Z"))).toMatchObject({ day: 29, hour: 1, minute: 59, weekday: 7 });
    expect(parisParts(at("2026-03-29T01:00:00Z"))).toMatchObject({ day: 29, hour: 3, minute: 0, weekday: 7 });
  });

  it("startOfParisDay — an evening of each clock-change day — Paris midnight with that night's offset", () => {
    expect(startOfParisDay(at("2026-03-29T20:00:00Z")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfParisDay(at("2026-10-25T20:00:00Z")).toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("startOfParisWeek — Sunday 29 March late and Monday 30 March early — the week turns at Paris midnight", () => {
    expect(startOfParisWeek(at("2026-03-29T21:59:00Z")).toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(startOfParisWeek(at("2026-03-29T22:00:00Z")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("startOfParisDay, startOfParisWeek — instants asked in turn, back and forth across midnight — each its own day and week", () => {
    const instants = [
      "2026-03-29T21:59:59.999Z",
      "2026-03-29T22:00:00Z",
      "2026-03-29T21:00:00Z",
      "2026-03-30T21:59:00Z",
      "2026-03-28T23:00:00Z",
    ];
    expect(instants.map((instant) => startOfParisDay(at(instant)).toISOString())).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
      "2026-03-28T23:00:00.000Z",
    ]);
    expect(instants.map((instant) => startOfParisWeek(at(instant)).toISOString())).toEqual([
      "2026-03-22T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
      "2026-03-22T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
      "2026-03-22T23:00:00.000Z",
    ]);
  });

  it("startOfParisDay — the returned date changed by its caller — the next answer is still right", () => {
    const first = startOfParisDay(at("2026-06-10T12:00:00Z"));
    first.setTime(0);
    expect(startOfParisDay(at("2026-06-10T13:00:00Z")).toISOString()).toBe("2026-06-09T22:00:00.000Z");
    const later = addDays(at("2026-06-10T12:00:00Z"), 3);
    later.setTime(0);
    expect(addDays(at("2026-06-10T12:00:00Z"), 3).toISOString()).toBe("2026-06-13T12:00:00.000Z");
  });

  it("startOfParisWeek — the week of 25 October — Monday 19 October, summer time", () => {
    expect(startOfParisWeek(at("2026-10-25T12:00:00Z")).toISOString()).toBe("2026-10-18T22:00:00.000Z");
  });

  it("addDays — seven days from the Monday before each change — the next Monday midnight (167 h or 169 h later)", () => {
    const spring = at("2026-03-22T23:00:00Z");
    const autumn = at("2026-10-18T22:00:00Z");
    expect(addDays(spring, 7).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(addDays(autumn, 7).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("addMonths — six months after a summer draw — same Paris time in winter", () => {
    expect(addMonths(at("2026-06-15T08:00:00Z"), 6).toISOString()).toBe("2026-12-15T09:00:00.000Z");
  });

  it("parisDateTime and parisIsoDay — a Paris day and time — round trip across midnight UTC", () => {
    const instant = parisDateTime("2026-10-25", "00:30");
    expect(instant.toISOString()).toBe("2026-10-24T22:30:00.000Z");
    expect(parisIsoDay(instant)).toBe("2026-10-25");
  });
});

describe("formatting in Paris time, in French", () => {
  it("formatDate, formatDateTime, formatTime — 01:30 on 25 October — the Paris clock", () => {
    const instant = at("2026-10-24T23:30:00Z");
    expect(formatDate(instant)).toBe("25/10/2026");
    expect(formatDateTime(instant)).toBe("25/10/2026 01:30");
    expect(formatTime(instant)).toBe("01:30");
  });

  it("formatDateInWords and formatDateLong — 1 December — month and weekday in lower case", () => {
    const instant = at("2026-12-01T10:00:00Z");
    expect(formatDateInWords(instant)).toBe("1 décembre 2026");
    expect(formatDateLong(instant)).toBe("mardi 1 décembre 2026");
  });

  it("formatters — no date — a dash", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDateInWords(undefined)).toBe("—");
  });

  it("formatMoment — a lesson on Tuesday 3 March 2026 at 14:00 and one at 9:30 in summer — said as a notice says it", () => {
    expect(formatMoment(parisDateTime("2026-03-03", "14:00"))).toBe("mardi 3 mars à 14 h");
    expect(formatMoment(parisDateTime("2026-07-07", "09:30"))).toBe("mardi 7 juillet à 9 h 30");
  });
});
