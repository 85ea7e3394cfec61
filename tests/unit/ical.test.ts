import { describe, expect, it } from "vitest";
import { icalEvent, icalFold, icalText, icalUtc } from "../../src/domain/ical.ts";

const EVENT = {
  uid: "lesson-abc@spid",
  startsAt: new Date("2026-12-03T09:00:00Z"),
  durationMin: 90,
  summary: "Leçon de conduite, Auto-école du Centre",
  location: "12 rue des Lilas; Orléans",
  description: "Prévenez l'auto-école\nsi vous ne pouvez pas venir.",
  stamp: new Date("2026-12-01T18:00:05.123Z"),
};

describe("iCalendar", () => {
  it("ical — an instant — in UTC, basic format with Z", () => {
    expect(icalUtc(new Date("2026-12-03T09:00:00.000Z"))).toBe("20261203T090000Z");
  });

  it("ical — text — backslash, semicolon, comma and line breaks escaped", () => {
    expect(icalText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("ical — a lesson — one VEVENT with UID, DTSTAMP, start and end in UTC, CRLF everywhere", () => {
    const text = icalEvent(EVENT);
    const lines = text.split("\r\n");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("UID:lesson-abc@spid");
    expect(lines).toContain("DTSTAMP:20261201T180005Z");
    expect(lines).toContain("DTSTART:20261203T090000Z");
    expect(lines).toContain("DTEND:20261203T103000Z");
    expect(lines).toContain("SUMMARY:Leçon de conduite\\, Auto-école du Centre");
    expect(lines).toContain("LOCATION:12 rue des Lilas\\; Orléans");
    expect(lines).toContain("DESCRIPTION:Prévenez l'auto-école\\nsi vous ne pouvez pas venir.");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  });

  it("ical — a long line — folded at 75 octets without cutting an accented letter", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = icalFold(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
  });
});
