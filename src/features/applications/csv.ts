// CSV import of applicants (issue 4). A small RFC 4180 reader (quoted fields, doubled quotes,
// line breaks inside quotes, CRLF or LF), UTF-8 with or without BOM, `;` or `,` detected on the
// header line. Then every line is checked; the import is all-or-nothing, so the result is either
// the rows to write or the report of every bad line — never a part of the file.
import { z } from "zod";
import { EMPLOYMENT_STATUS_CODES, EMPLOYMENT_STATUS_LABELS } from "../../domain/remc.ts";
import { formatDate } from "../../domain/time.ts";
import { findDuplicates, type PersonKey } from "./duplicates.ts";
import { ageInRange, ageOnDrawDay, drawDay, MAX_AGE, MIN_AGE } from "./eligibility.ts";
import { optionalTextField, parseDay, utcDay } from "../../http/fields.ts";
import { emailField, MESSAGES, phoneField, postalCodeField } from "./schemas.ts";

export type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { delimiter: ";" | ","; records: CsvRecord[] };
export type LineProblem = { line: number; messages: string[] };

export const MAX_LINES = 1000;

export class CsvSyntaxError extends Error {
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

export function readCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = "";
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // Blank lines (a lone empty field) are skipped, as spreadsheets often add them at the end.
    if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === "" && !afterQuote) {
      quoted = true;
      field = "";
    } else if (char === delimiter) {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (afterQuote) {
      if (char.trim() !== "") throw new CsvSyntaxError(line, "Texte après un guillemet fermant : doublez les guillemets à l'intérieur d'un champ.");
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "Guillemet ouvert jamais fermé.");
  if (field !== "" || fields.length > 0) endRecord();
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
const HEADER_ALIASES: Record<string, Column> = { prenom: "prenom", date_de_naissance: "date_naissance", e_mail: "email", mail: "email", courriel: "email", tel: "telephone", projet: "projet_professionnel", cp: "code_postal" };

export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

const simple = (value: string) => headerKey(value).replace(/_/g, "");
const GENDER_WORDS: Record<string, "FEMALE" | "MALE" | "OTHER"> = {
  f: "FEMALE", femme: "FEMALE", female: "FEMALE",
  h: "MALE", m: "MALE", homme: "MALE", male: "MALE",
  a: "OTHER", autre: "OTHER", other: "OTHER",
};
const STATUS_WORDS: Record<string, string> = Object.fromEntries(
  EMPLOYMENT_STATUS_CODES.flatMap((code) => [
    [simple(code), code],
    [simple(EMPLOYMENT_STATUS_LABELS[code] ?? code), code],
  ]),
);
const YES = new Set(["oui", "o", "1", "x", "yes", "vrai"]);
const NO = new Set(["non", "n", "0", "", "no", "faux"]);

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

function firstMessage(result: z.ZodSafeParseResult<unknown>): string {
  return result.success ? "" : (result.error.issues[0]?.message ?? "Valeur invalide.");
}

function readLine(values: Partial<Record<Column, string>>, line: number, context: ImportContext): { applicant?: ImportedApplicant; messages: string[] } {
  const messages: string[] = [];
  const get = (column: Column) => (values[column] ?? "").trim();
  for (const column of REQUIRED_COLUMNS) {
    if (get(column) === "") messages.push(`Champ obligatoire manquant : ${COLUMN_LABELS[column]}.`);
  }
  const text = (column: Column, max: number, multiline = false) => {
    const result = optionalTextField({ max, tooLong: `${COLUMN_LABELS[column]} : au plus ${max} caractères.`, multiline }).safeParse(get(column));
    if (!result.success) messages.push(`${COLUMN_LABELS[column]} : ${firstMessage(result)}`);
    return result.success ? (result.data ?? "") : "";
  };
  const lastName = text("nom", 80);
  const firstName = text("prenom", 80);
  const address = text("adresse", 200) || null;
  const city = text("ville", 100) || null;
  const professionalProject = text("projet_professionnel", 2000, true);

  let birthDate: Date | null = null;
  if (get("date_naissance") !== "") {
    const day = parseDay(get("date_naissance"));
    birthDate = day ? utcDay(day) : null;
    if (!birthDate) {
      messages.push(`Date de naissance invalide « ${get("date_naissance")} » : attendue sous la forme JJ/MM/AAAA.`);
    } else {
      const age = ageOnDrawDay(birthDate, context.drawDate);
      if (!ageInRange(age)) {
        messages.push(`Âge hors limites : ${age} ans le ${formatDate(drawDay(context.drawDate))}, jour du tirage (de ${MIN_AGE} à ${MAX_AGE} ans).`);
      }
    }
  }
  const gender = GENDER_WORDS[simple(get("genre"))];
  if (get("genre") !== "" && !gender) messages.push(`Genre inconnu « ${get("genre")} » : F, H ou A (autre).`);
  const employmentStatus = STATUS_WORDS[simple(get("situation"))];
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
    const word = simple(get(column));
    if (!YES.has(word) && !NO.has(word)) messages.push(`${COLUMN_LABELS[column]} : répondez oui ou non.`);
    return YES.has(word);
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
export function analyseImport(input: string, context: ImportContext): ImportAnalysis {
  let table: CsvTable;
  try {
    table = readCsv(input);
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
  if (records.length === 0) return { applicants: [], problems: [{ line: header.line, messages: ["Le fichier ne contient aucune candidature."] }] };
  if (records.length > MAX_LINES) {
    return { applicants: [], problems: [{ line: header.line, messages: [`Au plus ${MAX_LINES} candidatures par import (le fichier en a ${records.length}).`] }] };
  }

  const applicants: ImportedApplicant[] = [];
  const problems: LineProblem[] = [];
  for (const record of records) {
    const messages: string[] = [];
    if (record.fields.length !== columns.length) {
      messages.push(`${record.fields.length} champs au lieu de ${columns.length} : vérifiez le séparateur « ${table.delimiter} » et les guillemets.`);
    }
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((column, index) => {
      if (column) values[column] = record.fields[index] ?? "";
    });
    const read = readLine(values, record.line, context);
    messages.push(...read.messages);
    if (read.applicant && messages.length === 0) {
      for (const earlier of findDuplicates(read.applicant, applicants)) {
        messages.push(`Doublon de la ligne ${earlier.record.line} (${earlier.reasons.join(", ")}).`);
      }
    }
    if (messages.length > 0) problems.push({ line: record.line, messages });
    else if (read.applicant) applicants.push(read.applicant);
  }
  return { applicants, problems };
}

export type ExistingPerson = PersonKey & { ref: string };

/** Lines that look like a person already on file (the import has no "create anyway"). */
export function duplicatesOnFile(applicants: readonly ImportedApplicant[], existing: readonly ExistingPerson[]): LineProblem[] {
  const problems: LineProblem[] = [];
  for (const applicant of applicants) {
    const matches = findDuplicates(applicant, existing);
    if (matches.length === 0) continue;
    problems.push({
      line: applicant.line,
      messages: matches.map(({ record, reasons }) => `Doublon possible du dossier ${record.ref} (${reasons.join(", ")}).`),
    });
  }
  return problems;
}
