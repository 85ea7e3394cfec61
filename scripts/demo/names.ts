// First names frequent among people born in France between 2000 and 2008 (the programme's
// 18–25-year-olds); faker's French list leans towards older generations.

export const FEMALE_FIRST_NAMES = [
  "Emma", "Léa", "Chloé", "Manon", "Camille", "Inès", "Sarah", "Océane", "Clara", "Lucie",
  "Jade", "Lola", "Anaïs", "Mathilde", "Julie", "Pauline", "Marine", "Laura", "Eva", "Louise",
  "Maëlys", "Lisa", "Charlotte", "Juliette", "Justine", "Amandine", "Morgane", "Émilie", "Yasmine", "Lina",
  "Nour", "Aya", "Salomé", "Romane", "Maeva", "Alicia", "Mélissa", "Kenza", "Assia", "Fatoumata",
  "Mariam", "Cassandra", "Elisa", "Margaux", "Zoé", "Noémie", "Célia", "Ambre", "Louna", "Shaïna",
] as const;

export const MALE_FIRST_NAMES = [
  "Lucas", "Hugo", "Thomas", "Enzo", "Nathan", "Mathis", "Théo", "Louis", "Maxime", "Alexandre",
  "Clément", "Quentin", "Antoine", "Kevin", "Dylan", "Mehdi", "Yanis", "Rayan", "Adam", "Bilal",
  "Karim", "Mohamed", "Ibrahim", "Moussa", "Amadou", "Samuel", "Jordan", "Florian", "Romain", "Julien",
  "Bastien", "Corentin", "Valentin", "Axel", "Tom", "Noah", "Matteo", "Killian", "Loïc", "Anthony",
  "Sofiane", "Ilyes", "Nicolas", "Benjamin", "Gabriel", "Jules", "Evan", "Tristan", "Baptiste", "Yassine",
] as const;

/** Lower-case ASCII, for e-mail addresses. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
