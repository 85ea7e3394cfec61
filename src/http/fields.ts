// Fields shared by every form: calendar days, Paris date-times, times of day, free text, amounts in
// euros and the return path. A feature builds its schema from these, never from another feature's schemas.
import { z } from "zod";
import { parseEurosToCents } from "../domain/money.ts";
import { existsInParis, formatDateInWords, parisDateTime, parisIsoDay, utcDay } from "../domain/time.ts";

// A year outside this range (0, 1000, 9999) is a typing mistake whatever the form; refusing it
// here keeps such dates away from the date arithmetic and the database.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

const YEAR_IMPLAUSIBLE = "Cette année n'est pas plausible : vérifiez la date (exemple : 23/11/2026).";
const TIME_SKIPPED =
  "Cette heure n'existe pas ce jour-là : à 2 h, les horloges passent directement à 3 h (heure d'été). Choisissez une autre heure.";
const TEXT_CONTROL =
  "Ce texte contient un caractère invisible non autorisé (caractère de contrôle ou d'inversion du sens d'écriture) : retapez-le sans copier-coller.";
const TEXT_ONE_LINE = "Ce champ tient sur une seule ligne.";

const pad = (value: number) => String(value).padStart(2, "0");

type DayReading = { day: string } | { problem: "invalid" | "year" };

/** "2026-11-23" (date input) or "23/11/2026" (typed, CSV) → "2026-11-23", if that day exists. */
function readDay(text: string): DayReading {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!iso && !french) return { problem: "invalid" };
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(french?.[3]), Number(french?.[2]), Number(french?.[1])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { problem: "year" };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { problem: "invalid" };
  return { day: `${year}-${pad(month)}-${pad(day)}` };
}

/** The YYYY-MM-DD day a person typed (either form), or null when it is not a plausible day. */
export function parseDay(text: string): string | null {
  const reading = readDay(text);
  return "day" in reading ? reading.day : null;
}

/** A calendar day `days` later (or earlier), YYYY-MM-DD. */
export function shiftDay(day: string, days: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "1 décembre 2026" for a YYYY-MM-DD day. */
function dayInWords(day: string): string {
  return formatDateInWords(parisDateTime(day, "12:00"));
}

/** A bound of a plausible window: a number of days from today (Paris), or a YYYY-MM-DD day. */
type DayLimit = number | string;

type DayWindow = {
  min?: DayLimit;
  max?: DayLimit;
  /** Message when the day is before `min`, given that day in words. */
  tooEarly?: (limit: string) => string;
  tooLate?: (limit: string) => string;
};

type DayFieldOptions = DayWindow & { invalid: string };

const limitDay = (limit: DayLimit, now: Date) => (typeof limit === "number" ? shiftDay(parisIsoDay(now), limit) : limit);
const defaultTooEarly = (limit: string) => `Saisissez une date à partir du ${limit}.`;
const defaultTooLate = (limit: string) => `Saisissez une date jusqu'au ${limit} au plus tard.`;

/** What is wrong with a typed day for this field (null when nothing is). Pure: `now` fixes "today". */
export function dayProblem(text: string, options: DayFieldOptions, now = new Date()): string | null {
  const reading = readDay(text);
  if ("problem" in reading) return reading.problem === "year" ? YEAR_IMPLAUSIBLE : options.invalid;
  return windowProblem(reading.day, options, now);
}

function windowProblem(day: string, window: DayWindow, now: Date): string | null {
  if (window.min !== undefined) {
    const min = limitDay(window.min, now);
    if (day < min) return (window.tooEarly ?? defaultTooEarly)(dayInWords(min));
  }
  if (window.max !== undefined) {
    const max = limitDay(window.max, now);
    if (day > max) return (window.tooLate ?? defaultTooLate)(dayInWords(max));
  }
  return null;
}

// Refinements rather than aborting transforms: the form's other checks still run and every
// message shows at once. The transform after them is total (an empty string when refused).
/** A calendar day, YYYY-MM-DD or JJ/MM/AAAA, within an optional plausible window → "YYYY-MM-DD". */
export function dayField(options: DayFieldOptions) {
  return z
    .string(options.invalid)
    .superRefine((text, ctx) => {
      const problem = dayProblem(text, options);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((text) => parseDay(text) ?? "");
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A time of day, HH:MM (24 h). */
export function timeField(message: string) {
  return z.string(message).trim().regex(TIME, message);
}

/** The message for a Paris wall-clock time that does not exist (the hour skipped in spring), else
 * null; a day or time that does not parse is its own field's problem. */
export function parisTimeProblem(day: string, time: string): string | null {
  if (!parseDay(day) || !TIME.test(time)) return null;
  return existsInParis(day, time) ? null : TIME_SKIPPED;
}

type DateTimeReading = { day: string; time: string } | { problem: string };

function readDateTime(text: string, options: DayFieldOptions, now: Date): DateTimeReading {
  // "2026-09-12T14:00" (datetime-local), "2026-09-12 14:00", "12/09/2026 14:00" or "12/09/2026 14h00".
  const match = /^(\S+?)(?:T|\s+)(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!match) return { problem: options.invalid };
  const problem = dayProblem(match[1] ?? "", options, now);
  if (problem) return { problem };
  const time = `${pad(Number(match[2]))}:${match[3] ?? ""}`;
  if (!TIME.test(time)) return { problem: options.invalid };
  const day = parseDay(match[1] ?? "") ?? "";
  const skipped = parisTimeProblem(day, time);
  return skipped ? { problem: skipped } : { day, time };
}

/** A day and a time, read as Paris wall-clock time → the UTC instant. The window is on the day. */
export function parisDateTimeField(options: DayFieldOptions) {
  return z
    .string(options.invalid)
    .superRefine((text, ctx) => {
      const reading = readDateTime(text, options, new Date());
      if ("problem" in reading) ctx.addIssue({ code: "custom", message: reading.problem });
    })
    .transform((text) => {
      const reading = readDateTime(text, options, new Date());
      return "problem" in reading ? new Date(Number.NaN) : parisDateTime(reading.day, reading.time);
    });
}

// C0 controls and DEL; line breaks and tabs only where a text may hold several lines. C1
// controls; and the bidirectional embeddings, overrides and isolates, which can make a text read
// differently from what it holds (a name shown backwards, a file name hiding its extension).
// eslint-disable-next-line no-control-regex -- refusing control characters is this pattern's purpose
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\r\n]/;

type TextOptions = {
  max: number;
  tooLong: string;
  /** A text on several lines (a textarea): line breaks and tabs allowed, kept as "\n". */
  multiline?: boolean;
  /** Shortest acceptable text, with its message (a required field is at least 1 character). */
  min?: number;
  tooShort?: string;
};

/** What is wrong with a (trimmed) free text, or null. */
export function textProblem(text: string, options: Pick<TextOptions, "multiline">): string | null {
  if (!options.multiline && LINE_BREAK.test(text)) return TEXT_ONE_LINE;
  if (CONTROL_EXCEPT_LINES.test(text) || (!options.multiline && text.includes("\t"))) return TEXT_CONTROL;
  return null;
}

function cleanText(options: TextOptions, required: string | undefined) {
  const min = options.min ?? (required ? 1 : 0);
  return z
    .string()
    .transform((text) => (options.multiline ? text.replace(/\r\n?/g, "\n") : text).trim())
    .pipe(
      z
        .string()
        .min(min, options.tooShort ?? required ?? options.tooLong)
        .max(options.max, options.tooLong)
        .superRefine((text, ctx) => {
          const problem = textProblem(text, options);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    );
}

/** A required free text, trimmed, at most `max` characters, without control or bidi characters. */
export function textField(required: string, options: TextOptions) {
  return z.string(required).pipe(cleanText(options, required));
}

/** An optional free text: empty (or blank) → undefined; otherwise as `textField`. */
export function optionalTextField(options: TextOptions) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value))
    .pipe(cleanText(options, undefined).optional());
}

type EurosOptions = {
  invalid: string;
  /** The largest amount, in cents, and the message for an amount above it (or below `minCents`). */
  maxCents: number;
  minCents?: number;
  outOfRange: string;
};

/** A required amount typed in euros, with a comma or a point ("1 000", "250,5", "45,50 €") → integer
 * cents; negative only when `minCents` is. */
export function eurosField(options: EurosOptions) {
  // A minus sign is a typing mistake where no amount may be negative (a price, a cap).
  const read = (value: string) => {
    const cents = parseEurosToCents(value);
    return cents !== null && cents < 0 && (options.minCents ?? 0) >= 0 ? null : cents;
  };
  return z
    .string(options.invalid)
    .refine((value) => read(value) !== null, options.invalid)
    .transform((value) => read(value) ?? 0)
    .pipe(
      z
        .number()
        .int()
        .min(options.minCents ?? 0, options.outOfRange)
        .max(options.maxCents, options.outOfRange),
    );
}

/** An optional amount in euros: empty (or blank) → undefined; otherwise as `eurosField`. */
export function optionalEurosField(options: EurosOptions) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value))
    .pipe(eurosField(options).optional());
}

/** Where to go back after a write: a local path only (never another site). */
export const returnToField = z.preprocess(
  (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .regex(/^\/(?!\/)[A-Za-z0-9/_\-?=&.#%]*$/)
    .max(300)
    .optional()
    .catch(undefined),
);

/** A French phone number as stored: 10 digits, "+33" and "0033" read as a leading 0. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+33")) return `0${digits.slice(3)}`;
  if (digits.startsWith("0033")) return `0${digits.slice(4)}`;
  return digits.replace(/\+/g, "");
}

/** An optional French phone number (blank = not given), stored as its 10 digits. */
export function optionalPhoneField(invalid: string) {
  return z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .string()
        .transform((value) => normalisePhone(value))
        .pipe(z.string().regex(/^0[1-9]\d{8}$/, invalid))
        .optional(),
    );
}

/** A list's page number in its query string: anything else than 1…10 000 reads as the first page. */
export const pageField = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined);
