// Values a CSV import accepts for the coded columns: the codes, and the French words the form
// shows (and their masculine and feminine forms), whatever the case, accents, spaces or
// apostrophes — "Demandeur d'emploi", "DEMANDEUSE D’EMPLOI" and JOB_SEEKER are one value.
import { GENDER_LABELS, GENDERS, type Gender } from "../../domain/enums.ts";
import { EMPLOYMENT_STATUS_CODES, EMPLOYMENT_STATUS_LABELS } from "../../domain/remc.ts";

/** Lower case, no accents, letters and digits only: "Demandeur d’emploi" → "demandeurdemploi". */
function valueKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** "Demandeur·se d'emploi" → the masculine "Demandeur d'emploi" and the feminine "Demandeuse d'emploi". */
export function inclusiveForms(label: string): string[] {
  if (!label.includes("·")) return [label];
  const inclusive = /(\p{L}+)·(\p{L}+)/gu;
  const masculine = label.replace(inclusive, (_all, stem: string) => stem);
  const feminine = label.replace(inclusive, (_all, stem: string, ending: string) =>
    ending === "se" && stem.endsWith("eur") ? `${stem.slice(0, -1)}se` : `${stem}${ending}`,
  );
  return [masculine, feminine];
}

const GENDER_WORDS: Record<Gender, readonly string[]> = {
  FEMALE: ["F", GENDER_LABELS.FEMALE, "Féminin"],
  MALE: ["H", "M", GENDER_LABELS.MALE, "Masculin"],
  OTHER: ["A", GENDER_LABELS.OTHER],
};

// Words people use in spreadsheets for the statuses whose form label is a description.
const STATUS_SYNONYMS: Record<string, readonly string[]> = {
  STUDENT: ["Étudiant·e", "Lycéen·ne"],
  INTERN: ["Stagiaire"],
  OTHER: ["Autre"],
};

const STATUS_WORDS: Record<string, readonly string[]> = Object.fromEntries(
  EMPLOYMENT_STATUS_CODES.map((code) => [
    code,
    [
      ...new Set(
        [EMPLOYMENT_STATUS_LABELS[code] ?? code, ...(STATUS_SYNONYMS[code] ?? [])].flatMap((word) => [word, ...inclusiveForms(word)]),
      ),
    ],
  ]),
);

const YES_WORDS = ["oui", "o", "1", "x", "vrai", "yes"] as const;
const NO_WORDS = ["non", "n", "0", "faux", "no"] as const;

function lookup<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, list] of Object.entries(words) as [T, readonly string[]][]) {
    for (const word of [code, ...list]) map.set(valueKey(word), code);
  }
  return map;
}

const GENDER_LOOKUP = lookup(GENDER_WORDS);
const STATUS_LOOKUP = lookup(STATUS_WORDS);
const CONSENT_LOOKUP = new Map<string, boolean>([...YES_WORDS.map((w) => [w, true] as const), ...NO_WORDS.map((w) => [w, false] as const)]);

export const genderOf = (text: string): Gender | undefined => GENDER_LOOKUP.get(valueKey(text));
export const employmentStatusOf = (text: string): string | undefined => STATUS_LOOKUP.get(valueKey(text));
export const consentOf = (text: string): boolean | undefined => CONSENT_LOOKUP.get(valueKey(text));

/** What the import page lists as accepted, column by column. */
export const ACCEPTED_VALUES = {
  genders: GENDERS.map((code) => ({ code, words: GENDER_WORDS[code] })),
  employmentStatuses: EMPLOYMENT_STATUS_CODES.map((code) => ({ code, words: STATUS_WORDS[code] ?? [] })),
  yes: YES_WORDS,
  no: NO_WORDS,
};
