// Searching young people by name, whatever the accents, the case or the order of the words
// ("kevin dubois" and "Dubois Kévin" both find Kévin Dubois). SQLite's LIKE folds ASCII letters
// only, so each youth keeps `searchName`, its names normalised once when written, and a search
// matches each typed word, normalised the same way, against it.
import type { Prisma } from "../generated/prisma/client.ts";

// Apostrophes and hyphens join ("N'Diaye" = "ndiaye"; "jean pierre" still finds "Jean-Pierre"
// since each word is looked for on its own).
const JOINERS = /['’ʼ‐‑‒–—-]/gu;
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };

/** Lower case, no accents, letters and digits only, words separated by one space. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[œæßøđłı]/gu, (letter) => LIGATURES[letter] ?? letter)
    .replace(JOINERS, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The value stored in `Youth.searchName`: "first last", normalised. */
export function searchNameOf(person: { firstName: string; lastName: string }): string {
  return normaliseForSearch(`${person.firstName} ${person.lastName}`);
}

// Prisma's `contains` on SQLite is a LIKE without ESCAPE: a typed `%` or `_` would be a wildcard.
// Names (normalised), refs and (valid) e-mail addresses never hold `%`; only e-mails may hold `_`.
// So a word with one of them cannot match a name or a ref, and an e-mail is then compared whole.
const LIKE_WILDCARDS = /[%_]/;

/** One way a search matches a youth: every word in its searchName, a part of its ref or e-mail
 * address, or an e-mail address equal to the text. */
type YouthSearchAlternative =
  | { kind: "words"; words: string[] }
  | { kind: "contains"; field: "ref" | "email"; text: string }
  | { kind: "equals"; field: "email"; text: string };

/**
 * What a person typed in a search box, as the alternatives that find a youth (any one of them):
 * every word in the name (any order), or a part of the ref, or a part of the e-mail address.
 * Wildcards are literal. An empty text has no alternative: it finds no one.
 */
export function youthSearchAlternatives(typed: string): YouthSearchAlternative[] {
  const text = typed.trim();
  const rawWords = text.split(/\s+/).filter((word) => word !== "");
  const nameWords = rawWords.flatMap((word) => normaliseForSearch(word).split(" ")).filter((word) => word !== "");
  const literal = !LIKE_WILDCARDS.test(text);
  const alternatives: YouthSearchAlternative[] = [];
  if (literal && nameWords.length > 0) alternatives.push({ kind: "words", words: nameWords });
  if (literal && text !== "") {
    alternatives.push(
      { kind: "contains", field: "ref", text: text.toUpperCase() },
      { kind: "contains", field: "email", text: text.toLowerCase() },
    );
  }
  if (!literal) alternatives.push({ kind: "equals", field: "email", text: text.toLowerCase() });
  return alternatives;
}

/** The Prisma `where` on Youth for what a person typed in a search box (youthSearchAlternatives). */
export function youthSearchWhere(typed: string): Prisma.YouthWhereInput {
  // An empty OR matches nothing in Prisma.
  return {
    OR: youthSearchAlternatives(typed).map((alternative): Prisma.YouthWhereInput => {
      switch (alternative.kind) {
        case "words":
          return { AND: alternative.words.map((word) => ({ searchName: { contains: word } })) };
        case "contains":
          return { [alternative.field]: { contains: alternative.text } };
        case "equals":
          return { [alternative.field]: alternative.text };
      }
    }),
  };
}
