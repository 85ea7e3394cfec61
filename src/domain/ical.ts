// One event as an iCalendar file (RFC 5545), for "Ajouter à mon agenda": CRLF line endings, text
// escaped, times in UTC (the calendar shows them in the phone's own time zone), lines folded at
// 75 octets without cutting a UTF-8 character.

export type CalendarEvent = {
  uid: string;
  startsAt: Date;
  durationMin: number;
  summary: string;
  location: string | null;
  description: string | null;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
};

/** "20261203T090000Z". */
export function icalUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n. */
export function icalText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const FOLD_OCTETS = 75;

/** A content line folded into lines of at most 75 octets, each continuation starting with a space. */
export function icalFold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines begin with a space, which counts in their 75 octets.
    const limit = parts.length === 0 ? FOLD_OCTETS : FOLD_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function icalEvent(event: CalendarEvent): string {
  const endsAt = new Date(event.startsAt.getTime() + event.durationMin * 60_000);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//SPID//Mon parcours permis//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${icalUtc(event.stamp)}`,
    `DTSTART:${icalUtc(event.startsAt)}`,
    `DTEND:${icalUtc(endsAt)}`,
    `SUMMARY:${icalText(event.summary)}`,
    ...(event.location ? [`LOCATION:${icalText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icalText(event.description)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(icalFold).join("\r\n") + "\r\n";
}
