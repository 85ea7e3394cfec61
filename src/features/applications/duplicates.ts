// Possible duplicates of a person: same last name and birth date, or same e-mail, or
// same phone. Names are compared without case, accents, spaces or hyphens ("Le Goff" = "LEGOFF"),
// phones on their digits (+33 6… = 06…). Pure, shared by the form and the CSV import.
// Each person's keys are normalised once and looked up in maps, so that checking a whole import
// against itself and against the files on record grows with the number of people, not its square.
import { normalisePhone } from "../../http/fields.ts";

export type PersonKey = { lastName: string; birthDate: Date; email: string | null; phone: string | null };

export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/** Digits only, the French +33 prefix turned back into 0. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const SAME_NAME_AND_BIRTH = "même nom et même date de naissance";
const SAME_EMAIL = "même adresse e-mail";
const SAME_PHONE = "même numéro de téléphone";

/** `Youth.nameKey`: the last name normalised and the birth day, e.g. "LEGOFF|2004-05-06". Stored
 * with each youth (and back-filled in SQL by the migration that added it, which must give the same
 * value), so that the look-up of possible duplicates uses an index. */
export function nameKeyOf(person: { lastName: string; birthDate: Date }): string {
  return `${normaliseName(person.lastName)}|${dayOf(person.birthDate)}`;
}

/** The normalised keys of a person; null when the person has no such key. */
export type DuplicateKeys = { nameAndBirth: string; email: string | null; phone: string | null };

export function duplicateKeys(person: PersonKey): DuplicateKeys {
  const email = person.email?.trim().toLowerCase() || null;
  const phone = person.phone ? normalisePhone(person.phone) || null : null;
  return { nameAndBirth: nameKeyOf(person), email, phone };
}

function reasonsBetween(a: DuplicateKeys, b: DuplicateKeys): string[] {
  const reasons: string[] = [];
  if (a.nameAndBirth === b.nameAndBirth) reasons.push(SAME_NAME_AND_BIRTH);
  if (a.email !== null && a.email === b.email) reasons.push(SAME_EMAIL);
  if (a.phone !== null && a.phone === b.phone) reasons.push(SAME_PHONE);
  return reasons;
}

/** Why two people may be the same one (empty: no reason to think so). */
export function duplicateReasons(a: PersonKey, b: PersonKey): string[] {
  return reasonsBetween(duplicateKeys(a), duplicateKeys(b));
}

export type Duplicate<T> = { record: T; reasons: string[] };

export type DuplicateIndex<T extends PersonKey> = {
  add(record: T): void;
  /** The records added so far that may be this person, in the order they were added. */
  find(person: PersonKey): Duplicate<T>[];
};

export function duplicateIndex<T extends PersonKey>(records: readonly T[] = []): DuplicateIndex<T> {
  type Entry = { order: number; record: T; keys: DuplicateKeys };
  const byKey = new Map<string, Entry[]>();
  let added = 0;
  // One map for the three kinds of key, each prefixed with its kind so that they never collide.
  const keysOf = (keys: DuplicateKeys) => [
    `n:${keys.nameAndBirth}`,
    ...(keys.email ? [`e:${keys.email}`] : []),
    ...(keys.phone ? [`p:${keys.phone}`] : []),
  ];
  const add = (record: T) => {
    const entry = { order: added, record, keys: duplicateKeys(record) };
    added += 1;
    for (const key of keysOf(entry.keys)) {
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
  };
  records.forEach(add);
  return {
    add,
    find(person) {
      const keys = duplicateKeys(person);
      const candidates = new Set(keysOf(keys).flatMap((key) => byKey.get(key) ?? []));
      return [...candidates]
        .sort((a, b) => a.order - b.order)
        .map((entry) => ({ record: entry.record, reasons: reasonsBetween(keys, entry.keys) }));
    },
  };
}

export function findDuplicates<T extends PersonKey>(person: PersonKey, candidates: readonly T[]): Duplicate<T>[] {
  return duplicateIndex(candidates).find(person);
}
