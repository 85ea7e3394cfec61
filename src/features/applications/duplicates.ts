// Possible duplicates of a person (issue 4): same last name and birth date, or same e-mail, or
// same phone. Names are compared without case, accents, spaces or hyphens ("Le Goff" = "LEGOFF"),
// phones on their digits (+33 6… = 06…). Pure, shared by the form and the CSV import.

export type PersonKey = { lastName: string; birthDate: Date; email: string | null; phone: string | null };

export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/** Digits only, the French +33 prefix turned back into 0. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+33")) return `0${digits.slice(3)}`;
  if (digits.startsWith("0033")) return `0${digits.slice(4)}`;
  return digits.replace(/\+/g, "");
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export const SAME_NAME_AND_BIRTH = "même nom et même date de naissance";
export const SAME_EMAIL = "même adresse e-mail";
export const SAME_PHONE = "même numéro de téléphone";

/** Why two people may be the same one (empty: no reason to think so). */
export function duplicateReasons(a: PersonKey, b: PersonKey): string[] {
  const reasons: string[] = [];
  if (normaliseName(a.lastName) === normaliseName(b.lastName) && dayOf(a.birthDate) === dayOf(b.birthDate)) {
    reasons.push(SAME_NAME_AND_BIRTH);
  }
  if (a.email && b.email && a.email.trim().toLowerCase() === b.email.trim().toLowerCase()) reasons.push(SAME_EMAIL);
  if (a.phone && b.phone && normalisePhone(a.phone) === normalisePhone(b.phone)) reasons.push(SAME_PHONE);
  return reasons;
}

export type Duplicate<T> = { record: T; reasons: string[] };

export function findDuplicates<T extends PersonKey>(person: PersonKey, candidates: readonly T[]): Duplicate<T>[] {
  return candidates
    .map((record) => ({ record, reasons: duplicateReasons(person, record) }))
    .filter((match) => match.reasons.length > 0);
}
