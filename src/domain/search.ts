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

/**
 * What a person typed in a search box, as the youth fields it is compared with: every word in the
 * name (any order), or a part of the ref, or a part of the e-mail address; with a wildcard typed, the
 * whole e-mail address only. Null where that field is not compared.
 */
type YouthSearch = {
  nameWords: string[] | null;
  refPart: string | null;
  emailPart: string | null;
  email: string | null;
};

export function youthSearchOf(typed: string): YouthSearch {
  const text = typed.trim();
  const rawWords = text.split(/\s+/).filter((word) => word !== "");
  const nameWords = rawWords.flatMap((word) => normaliseForSearch(word).split(" ")).filter((word) => word !== "");
  const literal = !LIKE_WILDCARDS.test(text);
  return {
    nameWords: literal && nameWords.length > 0 ? nameWords : null,
    refPart: literal && text !== "" ? text.toUpperCase() : null,
    emailPart: literal && text !== "" ? text.toLowerCase() : null,
    email: literal ? null : text.toLowerCase(),
  };
}

/** The Prisma `where` on Youth for a search (in SQL: src/db/sql-search.ts). Wildcards are literal. */
export function youthSearchWhere(typed: string): Prisma.YouthWhereInput {
  const { nameWords, refPart, emailPart, email } = youthSearchOf(typed);
  const alternatives: Prisma.YouthWhereInput[] = [];
  if (nameWords) alternatives.push({ AND: nameWords.map((word) => ({ searchName: { contains: word } })) });
  if (refPart !== null) alternatives.push({ ref: { contains: refPart } });
  if (emailPart !== null) alternatives.push({ email: { contains: emailPart } });
  if (email !== null) alternatives.push({ email });
  // An empty OR matches nothing in Prisma: a search of only separators finds no one.
  return { OR: alternatives };
}
