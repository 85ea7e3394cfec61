// The evaluation page's tables, worded in French from the rows: the estimates (pooled, blocked,
// per Mission Locale, per gender, per employment status), the response rates per wave and group,
// and the balance of the groups at the draw.
import {
  differentialAttrition,
  OUTCOMES,
  outcomeSummary,
  responseRate,
  subgroupSummaries,
  type BlockedEstimate,
  type Estimate,
  type OutcomeName,
  type ResponseRate,
} from "../../domain/itt.ts";
import { GENDER_LABELS } from "../../domain/enums.ts";
import { EMPLOYMENT_STATUS_LABELS } from "../../domain/remc.ts";
import { WAVES, type EvaluationRow } from "./service.ts";

const OUTCOME_LABELS: Record<OutcomeName, string> = {
  licence: "Permis obtenu",
  employed_m12: "En emploi à 12 mois",
  employed_m24: "En emploi à 24 mois",
};

const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function share(ratio: number | null): string {
  return ratio === null ? "—" : `${ONE_DECIMAL.format(ratio * 100)} %`;
}

/** Signed, to one decimal; a difference that rounds to zero reads "0,0" (never "-0,0"). */
function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? ONE_DECIMAL.format(0) : `${rounded > 0 ? "+" : ""}${ONE_DECIMAL.format(rounded)}`;
}

function points(difference: number | null): string {
  return difference === null ? "—" : `${signed(difference * 100)} pts`;
}

function interval(ci: [number, number] | null): string {
  return ci === null ? "—" : `${points(ci[0])} à ${points(ci[1])}`;
}

/** One line of an estimates table. */
type EstimateLine = { label: string; n1: string; n0: string; mean1: string; mean0: string; itt: string; ci95: string };

function line(label: string, e: Estimate): EstimateLine {
  return {
    label,
    n1: String(e.n1),
    n0: String(e.n0),
    mean1: share(e.mean1),
    mean0: share(e.mean0),
    itt: points(e.itt),
    ci95: interval(e.ci95),
  };
}

function blockedLine(label: string, e: BlockedEstimate): EstimateLine {
  return { label, n1: "", n0: "", mean1: "", mean0: "", itt: points(e.itt), ci95: interval(e.ci95) };
}

function outcomeTables(rows: readonly EvaluationRow[], outcome: OutcomeName) {
  const summary = outcomeSummary(rows, outcome);
  const subgroups = (key: (row: EvaluationRow) => string, labels: Record<string, string>) =>
    subgroupSummaries(rows, outcome, key).map((s) => line(labels[s.group] ?? s.group, s.pooled));
  return {
    name: outcome,
    label: OUTCOME_LABELS[outcome],
    overall: [
      line("Toutes strates confondues (différence brute)", summary.overall),
      blockedLine("Estimation stratifiée (par tirage)", summary.stratified),
    ],
    strata: Object.entries(summary.strata).map(([code, e]) => line(code, e)),
    genders: subgroups((r) => r.gender, GENDER_LABELS),
    employment: subgroups((r) => r.employmentStatus, EMPLOYMENT_STATUS_LABELS),
  };
}

function rateOf(rows: readonly EvaluationRow[], wave: (typeof WAVES)[number]): ResponseRate {
  const due = rows.filter((r) => r.waves[wave].due);
  return responseRate(due.length, due.filter((r) => r.waves[wave].answered).length);
}

function responseRates(rows: readonly EvaluationRow[]) {
  const treated = rows.filter((r) => r.assigned === 1);
  const control = rows.filter((r) => r.assigned === 0);
  return WAVES.map((wave) => {
    const t = rateOf(treated, wave);
    const c = rateOf(control, wave);
    return {
      wave,
      treated: `${share(t.rate)} (${t.answered}/${t.due})`,
      control: `${share(c.rate)} (${c.answered}/${c.due})`,
      gap: t.rate === null || c.rate === null ? "—" : points(t.rate - c.rate),
      flagged: differentialAttrition(t, c),
    };
  });
}

function shareOf(rows: readonly EvaluationRow[], test: (row: EvaluationRow) => boolean): number | null {
  return rows.length === 0 ? null : rows.filter(test).length / rows.length;
}

function balance(rows: readonly EvaluationRow[]) {
  const treated = rows.filter((r) => r.assigned === 1);
  const control = rows.filter((r) => r.assigned === 0);
  const meanAge = (group: readonly EvaluationRow[]) =>
    group.length === 0 ? null : group.reduce((sum, r) => sum + r.ageAtDraw, 0) / group.length;
  const age1 = meanAge(treated);
  const age0 = meanAge(control);
  const ages = (value: number | null) => (value === null ? "—" : `${ONE_DECIMAL.format(value)} ans`);
  const shares = (label: string, test: (row: EvaluationRow) => boolean) => {
    const s1 = shareOf(treated, test);
    const s0 = shareOf(control, test);
    return { label, treated: share(s1), control: share(s0), gap: s1 === null || s0 === null ? "—" : points(s1 - s0) };
  };
  const values = (pick: (row: EvaluationRow) => string) => [...new Set(rows.map(pick))].sort();
  return {
    sizes: { treated: treated.length, control: control.length },
    lines: [
      {
        label: "Âge moyen au tirage",
        treated: ages(age1),
        control: ages(age0),
        gap: age1 === null || age0 === null ? "—" : `${signed(age1 - age0)} an`,
      },
      ...values((r) => r.gender).map((g) =>
        shares(`Genre : ${GENDER_LABELS[g as keyof typeof GENDER_LABELS] ?? g}`, (r) => r.gender === g),
      ),
      ...values((r) => r.employmentStatus).map((s) =>
        shares(`Situation : ${EMPLOYMENT_STATUS_LABELS[s] ?? s}`, (r) => r.employmentStatus === s),
      ),
    ],
  };
}

export function evaluationReport(rows: readonly EvaluationRow[]) {
  return {
    outcomes: OUTCOMES.map((outcome) => outcomeTables(rows, outcome)),
    responses: responseRates(rows),
    balance: balance(rows),
  };
}

/** The data dictionary: each column of the export, what it means, its values. */
export const DICTIONARY: readonly { column: string; meaning: string; values: string }[] = [
  {
    column: "pid",
    meaning:
      "Pseudonyme du jeune : HMAC-SHA-256 de son identifiant interne, avec la clé de pseudonymisation du programme. Le même d'un export à l'autre ; impossible à relier à une personne sans la clé.",
    values: "64 caractères hexadécimaux en minuscules",
  },
  { column: "cohort", meaning: "Nom de la promotion du tirage.", values: "Texte, par exemple le nom affiché dans « Promotions »" },
  {
    column: "stratum",
    meaning: "Strate du tirage : le code de la Mission Locale.",
    values: "Code, par exemple ORLEANS, MONTARGIS, PITHIVIERS",
  },
  {
    column: "assigned",
    meaning: "Affectation par le tirage au sort, quelle que soit la suite (intention de traiter).",
    values: "1 = tiré au sort (SELECTED), 0 = liste d'attente (WAITLISTED)",
  },
  { column: "gender", meaning: "Genre déclaré.", values: "FEMALE, MALE, OTHER" },
  {
    column: "age_at_draw",
    meaning: "Âge en années révolues le jour du tirage (la date de naissance n'est pas exportée).",
    values: "Entier",
  },
  {
    column: "employment_status",
    meaning: "Situation professionnelle déclarée dans le dossier (celle de la candidature tant qu'elle n'a pas été modifiée).",
    values: "Code du référentiel : " + Object.keys(EMPLOYMENT_STATUS_LABELS).join(", "),
  },
  {
    column: "licence",
    meaning:
      "Permis obtenu, d'après les enquêtes de suivi répondues (6, 12, 24 mois) : la même source pour les deux groupes, puisque le dossier d'auto-école n'existe que pour les tirés au sort.",
    values: "1 = au moins une réponse « permis obtenu », 0 = des réponses, toutes « pas de permis », vide = aucune enquête répondue",
  },
  {
    column: "days_to_licence",
    meaning: "Jours entiers entre le jour du tirage et la date d'obtention du permis déclarée dans l'enquête (la plus ancienne).",
    values: "Entier ; vide sans permis ou sans date",
  },
  {
    column: "employed_m12",
    meaning: "En emploi selon l'enquête de suivi à 12 mois, si elle a été répondue.",
    values: "1 = en emploi, 0 = pas en emploi, vide = pas de réponse",
  },
  {
    column: "employed_m24",
    meaning: "En emploi selon l'enquête de suivi à 24 mois, si elle a été répondue.",
    values: "1 = en emploi, 0 = pas en emploi, vide = pas de réponse",
  },
];
