// Fixed reference data of the demo programme (AUTOnomie, Loiret). People-facing text is French.
import type { DifficultyCategory, RecommendationKind, Role } from "../../src/domain/enums.ts";

export const DEMO_PASSWORD = "Autonomie-2026!";

export type MissionLocaleCode = "ORLEANS" | "MONTARGIS" | "PITHIVIERS";

type Commune = { city: string; postalCode: string };

export type MissionLocaleSpec = {
  code: MissionLocaleCode;
  name: string;
  seats: number;
  applicants: number;
  meetingPlace: string;
  communes: readonly Commune[];
};

export const MISSION_LOCALES: readonly MissionLocaleSpec[] = [
  {
    code: "ORLEANS",
    name: "Mission Locale de l'Orléanais",
    seats: 160,
    applicants: 320,
    meetingPlace: "Mission Locale de l'Orléanais, 23 rue Bannier, Orléans — salle Jeanne-d'Arc",
    communes: [
      { city: "Orléans", postalCode: "45000" },
      { city: "Orléans", postalCode: "45100" },
      { city: "Fleury-les-Aubrais", postalCode: "45400" },
      { city: "Saint-Jean-de-Braye", postalCode: "45800" },
      { city: "Saint-Jean-de-la-Ruelle", postalCode: "45140" },
      { city: "Olivet", postalCode: "45160" },
      { city: "Saran", postalCode: "45770" },
      { city: "Meung-sur-Loire", postalCode: "45130" },
      { city: "Beaugency", postalCode: "45190" },
      { city: "Chécy", postalCode: "45430" },
      { city: "La Ferté-Saint-Aubin", postalCode: "45240" },
    ],
  },
  {
    code: "MONTARGIS",
    name: "Mission Locale de Montargis-Gien",
    seats: 90,
    applicants: 180,
    meetingPlace: "Mission Locale de Montargis-Gien, 6 rue du Port, Montargis — salle du Loing",
    communes: [
      { city: "Montargis", postalCode: "45200" },
      { city: "Amilly", postalCode: "45200" },
      { city: "Châlette-sur-Loing", postalCode: "45120" },
      { city: "Gien", postalCode: "45500" },
      { city: "Briare", postalCode: "45250" },
      { city: "Château-Renard", postalCode: "45220" },
      { city: "Ferrières-en-Gâtinais", postalCode: "45210" },
      { city: "Lorris", postalCode: "45260" },
      { city: "Courtenay", postalCode: "45320" },
    ],
  },
  {
    code: "PITHIVIERS",
    name: "Mission Locale du Pithiverais",
    seats: 50,
    applicants: 100,
    meetingPlace: "Mission Locale du Pithiverais, 10 mail Ouest, Pithiviers — salle de réunion",
    communes: [
      { city: "Pithiviers", postalCode: "45300" },
      { city: "Le Malesherbois", postalCode: "45330" },
      { city: "Outarville", postalCode: "45480" },
      { city: "Puiseaux", postalCode: "45390" },
      { city: "Beaune-la-Rolande", postalCode: "45340" },
      { city: "Bazoches-les-Gallerandes", postalCode: "45480" },
    ],
  },
];

export type SchoolSpec = {
  key: string;
  name: string;
  missionLocale: MissionLocaleCode;
  address: string;
  city: string;
  phone: string;
  /** Passwordless instructors ("moniteurs") besides the demo school account, if any. */
  instructors: readonly string[];
};

// The first school of each area is the one of the demo school account.
export const SCHOOLS: readonly SchoolSpec[] = [
  {
    key: "jeanne-darc",
    name: "Auto-école Jeanne d'Arc",
    missionLocale: "ORLEANS",
    address: "12 rue de Bourgogne",
    city: "Orléans",
    phone: "02 38 53 21 47",
    instructors: ["Julien Petit", "Amélie Rousseau"],
  },
  {
    key: "la-source",
    name: "Auto-école de La Source",
    missionLocale: "ORLEANS",
    address: "4 place Albert-Camus",
    city: "Orléans",
    phone: "02 38 63 18 02",
    instructors: ["Franck Moulin", "Sabrina Haddad"],
  },
  {
    key: "fleury",
    name: "Fleury Conduite",
    missionLocale: "ORLEANS",
    address: "87 rue André-Chêne",
    city: "Fleury-les-Aubrais",
    phone: "02 38 86 40 95",
    instructors: ["Patrick Lemoine", "Céline Barbier"],
  },
  {
    key: "val-de-braye",
    name: "Auto-école du Val",
    missionLocale: "ORLEANS",
    address: "31 avenue Charles-Péguy",
    city: "Saint-Jean-de-Braye",
    phone: "02 38 61 72 30",
    instructors: ["Olivier Chevalier", "Nadia Benyahia"],
  },
  {
    key: "gatinais",
    name: "Auto-école du Gâtinais",
    missionLocale: "MONTARGIS",
    address: "18 rue Dorée",
    city: "Montargis",
    phone: "02 38 93 07 64",
    instructors: ["Stéphane Colin", "Aurélie Fontaine"],
  },
  {
    key: "canaux",
    name: "Auto-école des Canaux",
    missionLocale: "MONTARGIS",
    address: "5 avenue Jean-Jaurès",
    city: "Châlette-sur-Loing",
    phone: "02 38 85 26 11",
    instructors: ["David Marchand", "Sonia Perrin"],
  },
  {
    key: "gien",
    name: "Gien Permis",
    missionLocale: "MONTARGIS",
    address: "22 quai Lenoir",
    city: "Gien",
    phone: "02 38 67 54 83",
    instructors: ["Thierry Gautier", "Émilie Renard"],
  },
  {
    key: "pithiverais",
    name: "Auto-école du Pithiverais",
    missionLocale: "PITHIVIERS",
    address: "9 faubourg d'Orléans",
    city: "Pithiviers",
    phone: "02 38 30 12 56",
    instructors: ["Pascal Roger", "Virginie Denis"],
  },
  {
    key: "malesherbes",
    name: "Auto-école de Malesherbes",
    missionLocale: "PITHIVIERS",
    address: "3 place du Martroi",
    city: "Le Malesherbois",
    phone: "02 38 34 81 09",
    instructors: ["Gilles Mercier"],
  },
];

export type DemoAccountKey =
  "admin" | "referentOrleans" | "referentMontargis" | "schoolOrleans" | "schoolMontargis" | "youth" | "evaluator";

export type DemoAccountSpec = {
  key: DemoAccountKey;
  email: string;
  role: Role;
  displayName: string;
  missionLocale?: MissionLocaleCode;
  school?: string;
  /** A counsellor's work phone, shown to their youths (numbers of the range kept for fiction). */
  phone?: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { key: "admin", email: "coordination@autonomie.test", role: "ADMIN", displayName: "Coordination AUTOnomie" },
  {
    key: "referentOrleans",
    email: "referent.orleans@autonomie.test",
    role: "REFERENT",
    displayName: "Claire Dubois",
    missionLocale: "ORLEANS",
    phone: "02 61 91 00 12",
  },
  {
    key: "referentMontargis",
    email: "referent.montargis@autonomie.test",
    role: "REFERENT",
    displayName: "Mehdi Benali",
    missionLocale: "MONTARGIS",
    phone: "02 61 91 00 34",
  },
  { key: "schoolOrleans", email: "ecole.orleans@autonomie.test", role: "SCHOOL", displayName: "Laurent Girard", school: "jeanne-darc" },
  { key: "schoolMontargis", email: "ecole.montargis@autonomie.test", role: "SCHOOL", displayName: "Nathalie Roux", school: "gatinais" },
  { key: "youth", email: "jeune@autonomie.test", role: "YOUTH", displayName: "Inès Martin" },
  { key: "evaluator", email: "evaluation@autonomie.test", role: "EVALUATOR", displayName: "Sophie Lambert" },
];

/** Counsellors without a demo password: they follow the areas without a demo referent. */
export const EXTRA_COUNSELLORS: readonly { email: string; displayName: string; missionLocale: MissionLocaleCode }[] = [
  { email: "conseillere.pithiviers@autonomie.test", displayName: "Karine Lefèvre", missionLocale: "PITHIVIERS" },
];

export const DEMO_YOUTH = {
  firstName: "Inès",
  lastName: "Martin",
  gender: "FEMALE",
  email: "jeune@autonomie.test",
  phone: "0612457890",
  employmentStatus: "APPRENTICE",
  professionalProject: "Apprentie en boulangerie — besoin d'être au fournil à 5 h, avant les premiers bus, et de livrer les dépôts de pain",
  weeklyAvailability: [
    { day: 2, from: "14:00", to: "18:00" },
    { day: 4, from: "14:00", to: "18:00" },
    { day: 6, from: "09:00", to: "12:00" },
  ],
  forecastHours: 30,
} as const;

export const EMPLOYMENT_MIX: readonly (readonly [string, number])[] = [
  ["JOB_SEEKER", 45],
  ["INTERN", 15],
  ["APPRENTICE", 12],
  ["EMPLOYEE", 12],
  ["STUDENT", 8],
  ["OTHER", 8],
];

/** Lessons a week a young person of that situation can usually follow. */
export const WEEKLY_PACE: Record<string, number> = {
  JOB_SEEKER: 2.5,
  INTERN: 1.8,
  APPRENTICE: 1.3,
  EMPLOYEE: 1.2,
  STUDENT: 1.5,
  OTHER: 2,
};

export const PROFESSIONAL_PROJECTS: readonly string[] = [
  "Aide à domicile — besoin de se déplacer chez les personnes âgées",
  "Auxiliaire de vie — interventions dans plusieurs communes rurales",
  "Agent logistique — entrepôts de Saran et d'Ingré, horaires en équipe",
  "Cariste en plateforme logistique — prise de poste à 5 h",
  "Aide-soignant·e — gardes de nuit à l'hôpital",
  "Maçon en apprentissage — chantiers dans tout le département",
  "Électricien·ne du bâtiment — déplacements sur chantiers",
  "Paysagiste — entretien d'espaces verts chez les particuliers",
  "Agent d'entretien — sites industriels hors des lignes de bus",
  "Cuisinier·e en restauration — service du soir, retour après les derniers bus",
  "Vendeur·se en grande surface — zone commerciale en périphérie",
  "Préparateur·rice de commandes — entrepôt de Châlette-sur-Loing",
  "Ouvrier·e agricole — exploitations de la Beauce",
  "Technicien·ne de maintenance — interventions chez les clients",
  "Livreur·se — permis indispensable pour être embauché·e",
  "Animateur·rice périscolaire — écoles de plusieurs communes",
  "Agent de sécurité — sites isolés, horaires de nuit",
  "Coiffeur·se à domicile — clientèle en milieu rural",
  "Mécanicien·ne automobile — CAP en alternance",
  "Boulanger·e — prise de poste très tôt le matin",
  "Assistant·e maternel·le — accompagner les enfants à l'école",
  "Plombier·e chauffagiste — dépannages chez les particuliers",
  "Commis de cuisine — restaurant en bord de Loire",
  "Agent de propreté — tournées sur plusieurs sites",
];

export const WITHDRAWAL_REASONS: readonly string[] = [
  "Déménagement hors du Loiret",
  "Emploi à temps plein incompatible avec les leçons",
  "Entrée en formation qualifiante dans une autre région",
  "Raisons familiales",
  "Ne souhaite plus passer le permis pour le moment",
];

export const CANCEL_REASONS: readonly string[] = [
  "Véhicule indisponible (panne)",
  "Moniteur absent",
  "Conditions météo (verglas)",
  "Annulée à la demande du jeune",
  "Convocation à un entretien d'embauche",
];

export const DIFFICULTY_TEXTS: Record<string, readonly string[]> = {
  ATTENDANCE: ["Plusieurs absences non excusées ces dernières semaines.", "Retards répétés aux leçons du matin."],
  LEARNING: ["Progression lente sur les intersections et les priorités.", "Difficultés à mémoriser la signalisation pour le code."],
  COGNITIVE: [
    "Difficultés de lecture : les questions du code sont mal comprises.",
    "A besoin d'explications reformulées et de supports visuels.",
  ],
  FINANCIAL: [
    "N'arrive pas à régler la participation personnelle ce mois-ci.",
    "Frais de transport pour venir à l'auto-école difficiles à assumer.",
  ],
  MOBILITY: [
    "Pas de transport en commun pour rejoindre l'auto-école aux horaires proposés.",
    "Habite loin de l'auto-école : trajets longs en car.",
  ],
  PERSONAL: ["Situation de logement instable, hébergé·e chez des proches.", "Stress important avant les leçons, perte de confiance."],
  OTHER: ["Changement de situation professionnelle à prendre en compte dans le planning."],
};

/** The adjustment a counsellor recommends after a difficulty of each category. */
export const RECOMMENDATIONS: Record<DifficultyCategory, { kind: RecommendationKind; text: string; lessonsPerWeek?: number }> = {
  ATTENDANCE: {
    kind: "PACE_CHANGE",
    text: "Fixer les leçons sur des créneaux réguliers, deux par semaine, et envoyer un rappel la veille.",
    lessonsPerWeek: 2,
  },
  LEARNING: {
    kind: "EXTRA_LESSONS",
    text: "Espacer les leçons de conduite et ajouter une séance de code par semaine.",
  },
  COGNITIVE: {
    kind: "SUPPORT_HEALTH",
    text: "Proposer le code en salle avec un moniteur plutôt qu'en ligne, et les fiches illustrées du centre de ressources.",
  },
  FINANCIAL: {
    kind: "OTHER",
    text: "Étaler la participation personnelle en trois fois et solliciter le fonds d'aide aux jeunes.",
  },
  MOBILITY: {
    kind: "SUPPORT_MOBILITY",
    text: "Prévoir le point de rendez-vous des leçons près du domicile, et un prêt de vélo pour les séances de code.",
  },
  PERSONAL: {
    kind: "SUPPORT_HOUSING",
    text: "Rendez-vous avec la référente toutes les deux semaines et orientation vers le service logement jeunes.",
  },
  OTHER: {
    kind: "PACE_CHANGE",
    text: "Adapter le planning des leçons aux nouveaux horaires de travail : une leçon par semaine.",
    lessonsPerWeek: 1,
  },
};
