// Eligibility to the lottery (docs/lottery.md, "Verifiable stratified lottery"): 18–25 on the cohort's
// draw date, registered at a Mission Locale that has seats in the cohort, professional project
// filled in, consent to the lottery and to the evaluation recorded. Pure: the application page,
// the freeze and the CSV import all decide through this one function.
import { ageOn, formatDate, parisParts } from "../../domain/time.ts";

export const MIN_AGE = 18;
export const MAX_AGE = 25;

export type EligibilityInput = {
  birthDate: Date;
  missionLocaleId: string;
  professionalProject: string | null;
  lotteryConsentAt: Date | null;
  evaluationConsentAt: Date | null;
};

export type EligibilityContext = {
  drawDate: Date;
  missionLocaleName: string;
  /** Missions Locales with seats in the cohort. */
  missionLocalesWithSeats: ReadonlySet<string>;
};

type EligibilityCheck = "AGE" | "MISSION_LOCALE" | "PROJECT" | "LOTTERY_CONSENT" | "EVALUATION_CONSENT";
type EligibilityLine = { check: EligibilityCheck; ok: boolean; text: string };
export type Eligibility = { eligible: boolean; lines: EligibilityLine[] };

/** The draw's calendar day in Paris, as the UTC midnight birth dates are stored at. */
export function drawDay(drawDate: Date): Date {
  const p = parisParts(drawDate);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

export function ageOnDrawDay(birthDate: Date, drawDate: Date): number {
  return ageOn(birthDate, drawDay(drawDate));
}

export function ageInRange(age: number): boolean {
  return age >= MIN_AGE && age <= MAX_AGE;
}

export function eligibilityOf(input: EligibilityInput, context: EligibilityContext): Eligibility {
  const age = ageOnDrawDay(input.birthDate, context.drawDate);
  const day = formatDate(drawDay(context.drawDate));
  const hasSeats = context.missionLocalesWithSeats.has(input.missionLocaleId);
  const project = (input.professionalProject ?? "").trim().length > 0;
  const lines: EligibilityLine[] = [
    {
      check: "AGE",
      ok: ageInRange(age),
      text: ageInRange(age)
        ? `A ${age} ans le ${day}, jour du tirage (il faut avoir de ${MIN_AGE} à ${MAX_AGE} ans).`
        : `Aura ${age} ans le ${day}, jour du tirage : il faut avoir de ${MIN_AGE} à ${MAX_AGE} ans.`,
    },
    {
      check: "MISSION_LOCALE",
      ok: hasSeats,
      text: hasSeats
        ? `Inscrit·e à la ${context.missionLocaleName}, qui a des places dans cette promotion.`
        : `La ${context.missionLocaleName} n'a pas de places dans cette promotion.`,
    },
    {
      check: "PROJECT",
      ok: project,
      text: project ? "Projet professionnel renseigné." : "Le projet professionnel n'est pas renseigné.",
    },
    {
      check: "LOTTERY_CONSENT",
      ok: input.lotteryConsentAt !== null,
      text: input.lotteryConsentAt
        ? `Accord pour le tirage au sort donné le ${formatDate(input.lotteryConsentAt)}.`
        : "L'accord pour le tirage au sort n'est pas recueilli.",
    },
    {
      check: "EVALUATION_CONSENT",
      ok: input.evaluationConsentAt !== null,
      text: input.evaluationConsentAt
        ? `Accord pour l'évaluation et ses enquêtes donné le ${formatDate(input.evaluationConsentAt)}.`
        : "L'accord pour l'évaluation et ses enquêtes de suivi n'est pas recueilli.",
    },
  ];
  return { eligible: lines.every((line) => line.ok), lines };
}
