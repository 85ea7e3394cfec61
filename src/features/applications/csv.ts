// CSV import of applicants. csv-parse reads RFC 4180 (quoted fields, doubled quotes,
// line breaks inside quotes), UTF-8 with or without BOM, CRLF, LF or CR, `;` or `,` detected on the
// header line. Then every line is checked; the import is all-or-nothing, so the result is either
// the rows to write or the report of every bad line — never a part of the file.
import { finished } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, parse } from "csv-parse";
import type { z } from "zod";
import { EMPLOYMENT_STATUS_CODES } from "../../domain/remc.ts";
import { ageOn, formatDate, utcDay } from "../../domain/time.ts";
import { optionalTextField, parseDay } from "../../http/fields.ts";
import { duplicateIndex, type PersonKey } from "./duplicates.ts";
import { ageInRange, drawDay, MAX_AGE, MIN_AGE } from "./eligibility.ts";
import { consentOf, employmentStatusOf, genderOf } from "./import-values.ts";
import { emailField, MESSAGES, phoneField, postalCodeField } from "./schemas.ts";

type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { delimiter: ";" | ","; records: CsvRecord[] };
export type LineProblem = { line: number; messages: string[] };

const MAX_LINES = 1000;

class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The delimiter that splits the header line into more fields, outside quotes. */
function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ";") semicolons += 1;
    else if (!quoted && char === ",") commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ";" : commas > 0 ? "," : ";";
}

const UNCLOSED_QUOTE = "Guillemet ouvert jamais fermé.";
const TEXT_AFTER_QUOTE = "Texte après un guillemet fermant : doublez les guillemets à l'intérieur d'un champ.";
const UNREADABLE = "Ligne illisible : vérifiez les guillemets et le séparateur.";

// csv-parse reads about 1 MB/s here: a whole file parsed at once would hold the server for up
// to a second. Fed by pieces of about 16 kB, with a turn of the event loop between them, other
// requests are served meanwhile.
const PIECE = 16_384;

function pieces(text: string): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length;) {
    // Cut after a line end, never inside a character.
    const newline = text.indexOf("\n", start + PIECE);
    const end = newline === -1 ? text.length : newline + 1;
    result.push(text.slice(start, end));
    start = end;
  }
  return result;
}

export async function readCsv(input: string): Promise<CsvTable> {
  const withoutBom = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // One kind of line end, so that csv-parse counts lines the way a spreadsheet numbers them.
  const text = withoutBom.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  // csv-parse tells the line where a record ends; it starts on the line after the previous one.
  let previousEnd = 0;
  const parser = parse({
    delimiter,
    record_delimiter: "\n",
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    on_record: (fields: string[], { lines }) => {
      // Blank lines are skipped, as spreadsheets often add them at the end.
      if (!(fields.length === 1 && fields[0] === "")) records.push({ line: previousEnd + 1, fields });
      previousEnd = lines;
      return null;
    },
  });
  parser.resume();
  // Listened to from the start: a bad line makes the parser fail between two pieces, and an error
  // event nobody listens to would crash the process instead of reaching the catch below.
  const done = finished(parser);
  done.catch(() => undefined);
  try {
    for (const piece of pieces(text)) {
      if (parser.destroyed) break;
      parser.write(piece);
      await nextTurn();
    }
    parser.end();
    await done;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") throw new CsvSyntaxError(previousEnd + 1, UNCLOSED_QUOTE);
    const line = typeof error.lines === "number" ? error.lines : previousEnd + 1;
    throw new CsvSyntaxError(
      line,
      error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE"
        ? TEXT_AFTER_QUOTE
        : UNREADABLE,
    );
  }
  return { delimiter, records };
}

// Columns of the sample file (public/samples/candidatures.csv); headers are matched without
// case, accents or spaces ("Date de naissance" = "date_naissance").
export const COLUMNS = {
  nom: "lastName",
  prenom: "firstName",
  date_naissance: "birthDate",
  genre: "gender",
  email: "email",
  telephone: "phone",
  adresse: "address",
  code_postal: "postalCode",
  ville: "city",
  situation: "employmentStatus",
  projet_professionnel: "professionalProject",
  accord_tirage: "lotteryConsent",
  accord_evaluation: "evaluationConsent",
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED_COLUMNS: readonly Column[] = [
  "nom",
  "prenom",
  "date_naissance",
  "genre",
  "situation",
  "projet_professionnel",
  "accord_tirage",
  "accord_evaluation",
];
const COLUMN_LABELS: Record<Column, string> = {
  nom: "nom",
  prenom: "prénom",
  date_naissance: "date de naissance",
  genre: "genre",
  email: "e-mail",
  telephone: "téléphone",
  adresse: "adresse",
  code_postal: "code postal",
  ville: "ville",
  situation: "situation",
  projet_professionnel: "projet professionnel",
  accord_tirage: "accord pour le tirage",
  accord_evaluation: "accord pour l'évaluation",
};
const HEADER_ALIASES: Record<string, Column> = {
  prenom: "prenom",
  date_de_naissance: "date_naissance",
  e_mail: "email",
  mail: "email",
  courriel: "email",
  tel: "telephone",
  projet: "projet_professionnel",
  cp: "code_postal",
};

function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

export type ImportedApplicant = PersonKey & {
  line: number;
  firstName: string;
  gender: "FEMALE" | "MALE" | "OTHER";
  address: string | null;
  postalCode: string | null;
  city: string | null;
  employmentStatus: string;
  professionalProject: string;
  lotteryConsent: boolean;
  evaluationConsent: boolean;
};

export type ImportContext = { drawDate: Date };
export type ImportAnalysis = { applicants: ImportedApplicant[]; problems: LineProblem[] };
/** The draw's day, computed once per file rather than once per line. */
type DrawDay = { day: Date; shown: string };

const TEXT_LIMITS = { nom: 80, prenom: 80, adresse: 200, ville: 100, projet_professionnel: 2000 } as const;
type TextColumn = keyof typeof TEXT_LIMITS;
// Built once: making a zod schema costs more than using it.
const TEXT_SCHEMAS = Object.fromEntries(
  (Object.entries(TEXT_LIMITS) as [TextColumn, number][]).map(([column, max]) => [
    column,
    optionalTextField({
      max,
      tooLong: `${COLUMN_LABELS[column]} : au plus ${max} caractères.`,
      multiline: column === "projet_professionnel",
    }),
  ]),
) as Record<TextColumn, ReturnType<typeof optionalTextField>>;
// Lines checked between two turns of the event loop.
const LINES_PER_TURN = 100;

function firstMessage(result: z.ZodSafeParseResult<unknown>): string {
  return result.success ? "" : (result.error.issues[0]?.message ?? "Valeur invalide.");
}

function readLine(
  values: Partial<Record<Column, string>>,
  line: number,
  draw: DrawDay,
): { applicant?: ImportedApplicant; messages: string[] } {
  const messages: string[] = [];
  const get = (column: Column) => (values[column] ?? "").trim();
  for (const column of REQUIRED_COLUMNS) {
    if (get(column) === "") messages.push(`Champ obligatoire manquant : ${COLUMN_LABELS[column]}.`);
  }
  const text = (column: TextColumn) => {
    const result = TEXT_SCHEMAS[column].safeParse(get(column));
    if (!result.success) messages.push(`${COLUMN_LABELS[column]} : ${firstMessage(result)}`);
    return result.success ? (result.data ?? "") : "";
  };
  const lastName = text("nom");
  const firstName = text("prenom");
  const address = text("adresse") || null;
  const city = text("ville") || null;
  const professionalProject = text("projet_professionnel");

  let birthDate: Date | null = null;
  if (get("date_naissance") !== "") {
    const day = parseDay(get("date_naissance"));
    birthDate = day ? utcDay(day) : null;
    if (!birthDate) {
      messages.push(`Date de naissance invalide « ${get("date_naissance")} » : attendue sous la forme JJ/MM/AAAA.`);
    } else {
      const age = ageOn(birthDate, draw.day);
      if (!ageInRange(age)) {
        messages.push(`Âge hors limites : ${age} ans le ${draw.shown}, jour du tirage (de ${MIN_AGE} à ${MAX_AGE} ans).`);
      }
    }
  }
  const gender = genderOf(get("genre"));
  if (get("genre") !== "" && !gender) messages.push(`Genre inconnu « ${get("genre")} » : F, H ou A (autre).`);
  const employmentStatus = employmentStatusOf(get("situation"));
  if (get("situation") !== "" && !employmentStatus) {
    messages.push(`Situation inconnue « ${get("situation")} » : ${EMPLOYMENT_STATUS_CODES.join(", ")}.`);
  }
  const email = emailField.safeParse(get("email"));
  if (!email.success) messages.push(MESSAGES.EMAIL_INVALID);
  const phone = phoneField.safeParse(get("telephone"));
  if (!phone.success) messages.push(MESSAGES.PHONE_INVALID);
  const postalCode = postalCodeField.safeParse(get("code_postal"));
  if (!postalCode.success) messages.push(MESSAGES.POSTAL_CODE_INVALID);
  const consent = (column: Column) => {
    const answer = consentOf(get(column));
    if (get(column) !== "" && answer === undefined) messages.push(`${COLUMN_LABELS[column]} : répondez oui ou non.`);
    return answer === true;
  };
  const lotteryConsent = consent("accord_tirage");
  const evaluationConsent = consent("accord_evaluation");

  if (messages.length > 0 || !birthDate || !gender || !employmentStatus) return { messages };
  return {
    messages,
    applicant: {
      line,
      lastName,
      firstName,
      birthDate,
      gender,
      email: email.data ?? null,
      phone: phone.data ?? null,
      address,
      postalCode: postalCode.data ?? null,
      city,
      employmentStatus,
      professionalProject,
      lotteryConsent,
      evaluationConsent,
    },
  };
}

/** Reads the file and checks every line, duplicates inside the file included. */
export async function analyseImport(input: string, context: ImportContext): Promise<ImportAnalysis> {
  let table: CsvTable;
  try {
    table = await readCsv(input);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { applicants: [], problems: [{ line: error.line, messages: [error.message] }] };
    throw error;
  }
  const [header, ...records] = table.records;
  if (!header) return { applicants: [], problems: [{ line: 1, messages: ["Le fichier est vide."] }] };
  const columns: (Column | null)[] = [];
  const headerMessages: string[] = [];
  for (const name of header.fields) {
    const key = headerKey(name);
    const column = key in COLUMNS ? (key as Column) : HEADER_ALIASES[key];
    if (!column) headerMessages.push(`Colonne inconnue « ${name.trim()} ».`);
    if (column && columns.includes(column)) headerMessages.push(`Colonne en double « ${name.trim()} ».`);
    columns.push(column ?? null);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) headerMessages.push(`Colonne obligatoire absente : ${column}.`);
  }
  if (headerMessages.length > 0) return { applicants: [], problems: [{ line: header.line, messages: headerMessages }] };
  if (records.length === 0)
    return { applicants: [], problems: [{ line: header.line, messages: ["Le fichier ne contient aucune candidature."] }] };
  if (records.length > MAX_LINES) {
    return {
      applicants: [],
      problems: [{ line: header.line, messages: [`Au plus ${MAX_LINES} candidatures par import (le fichier en a ${records.length}).`] }],
    };
  }

  const applicants: ImportedApplicant[] = [];
  const problems: LineProblem[] = [];
  const earlierLines = duplicateIndex<ImportedApplicant>();
  const day = drawDay(context.drawDate);
  const draw = { day, shown: formatDate(day) };
  for (const [index, record] of records.entries()) {
    if (index > 0 && index % LINES_PER_TURN === 0) await nextTurn();
    const messages: string[] = [];
    if (record.fields.length !== columns.length) {
      messages.push(
        `${record.fields.length} champs au lieu de ${columns.length} : vérifiez le séparateur « ${table.delimiter} » et les guillemets.`,
      );
    }
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((column, index) => {
      if (column) values[column] = record.fields[index] ?? "";
    });
    const read = readLine(values, record.line, draw);
    messages.push(...read.messages);
    if (read.applicant && messages.length === 0) {
      for (const earlier of earlierLines.find(read.applicant)) {
        messages.push(`Doublon de la ligne ${earlier.record.line} (${earlier.reasons.join(", ")}).`);
      }
    }
    if (messages.length > 0) problems.push({ line: record.line, messages });
    else if (read.applicant) {
      applicants.push(read.applicant);
      earlierLines.add(read.applicant);
    }
  }
  return { applicants, problems };
}

export type ExistingPerson = PersonKey & { ref: string };

/** Lines that look like a person already on file (the import has no "create anyway"). */
export function duplicatesOnFile(applicants: readonly ImportedApplicant[], existing: readonly ExistingPerson[]): LineProblem[] {
  const problems: LineProblem[] = [];
  const onFile = duplicateIndex(existing);
  for (const applicant of applicants) {
    const matches = onFile.find(applicant);
    if (matches.length === 0) continue;
    problems.push({
      line: applicant.line,
      messages: matches.map(({ record, reasons }) => `Doublon possible du dossier ${record.ref} (${reasons.join(", ")}).`),
    });
  }
  return problems;
}
