// Exam results must agree with the score. Pass marks come from the REMC reference
// (src/reference/remc.json): theory 35/40; practical 20/31 with no eliminatory fault.
import { TZDate } from "@date-fns/tz";
import { addYears, format } from "date-fns";
import type { ExamKind, ExamResult } from "../../domain/enums.ts";
import { REMC } from "../../domain/remc.ts";
import { TIME_ZONE } from "../../domain/time.ts";
import { readOnlyReason } from "../../domain/enrolment-status.ts";

export const MAX_SCORE: Record<ExamKind, number> = { THEORY: REMC.exams.THEORY.questions, PRACTICAL: REMC.exams.PRACTICAL.maxScore };
export const PASS_MARK: Record<ExamKind, number> = { THEORY: REMC.exams.THEORY.passMark, PRACTICAL: REMC.exams.PRACTICAL.passMark };

export type ExamFacts = { kind: ExamKind; score?: number | undefined; result: ExamResult; eliminatoryFault: boolean };
export type Problem = { field: "score" | "result" | "eliminatoryFault"; message: string };

/** Whether the score (and the eliminatory fault) give a pass. */
export function passes(kind: ExamKind, score: number, eliminatoryFault: boolean): boolean {
  return score >= PASS_MARK[kind] && !(kind === "PRACTICAL" && eliminatoryFault);
}

/** The first disagreement between score, fault and result, or null when they agree. */
export function examProblem(exam: ExamFacts): Problem | null {
  const max = MAX_SCORE[exam.kind];
  if (exam.kind === "THEORY" && exam.eliminatoryFault) {
    return { field: "eliminatoryFault", message: "Il n'y a pas de faute éliminatoire à l'épreuve théorique (code)." };
  }
  if (exam.result === "ABSENT") {
    return exam.score === undefined && !exam.eliminatoryFault
      ? null
      : { field: "score", message: "Un·e candidat·e absent·e n'a ni note ni faute : laissez ces champs vides." };
  }
  if (exam.score === undefined)
    return { field: "score", message: `Saisissez la note (sur ${max}), sauf si le ou la candidat·e était absent·e.` };
  if (exam.score < 0 || exam.score > max) return { field: "score", message: `La note est un nombre entier entre 0 et ${max}.` };
  const passed = passes(exam.kind, exam.score, exam.eliminatoryFault);
  if (exam.result === "PASSED" && !passed) {
    return {
      field: "result",
      message:
        exam.kind === "THEORY"
          ? `Le code est réussi à partir de ${PASS_MARK.THEORY}/${max} : la note ne correspond pas à « réussi ».`
          : `La conduite est réussie à partir de ${PASS_MARK.PRACTICAL}/${max} et sans faute éliminatoire : la note ne correspond pas à « réussi ».`,
    };
  }
  if (exam.result === "FAILED" && passed) {
    return { field: "result", message: "Cette note donne une réussite : choisissez « réussi », ou corrigez la note." };
  }
  return null;
}

// ---------------------------------------------------------------- when an exam may be recorded

/** The theory test (ETG, "le code") stays acquired five years from the day it was passed (French
 * licence rules): a practical exam needs a pass no older than that. */
const THEORY_VALIDITY_YEARS = 5;

/** "2026-03-10" → "10/03/2026". */
const shownDay = (day: string): string => day.split("-").reverse().join("/");

/** The last calendar day (YYYY-MM-DD) on which a theory pass of `passedDay` still counts:
 * the same date five years on (29 February → 28 February). */
export function theoryValidUntil(passedDay: string): string {
  const [year, month, day] = passedDay.split("-").map(Number) as [number, number, number];
  return format(addYears(new TZDate(year, month - 1, day, TIME_ZONE), THEORY_VALIDITY_YEARS), "yyyy-MM-dd");
}

/** Whether one of the theory passes counts on `examDay` (passed that day or before, and not
 * more than five years before). Days are YYYY-MM-DD, Paris time. */
export function theoryValidOn(passedDays: readonly string[], examDay: string): boolean {
  return passedDays.some((passed) => passed <= examDay && examDay <= theoryValidUntil(passed));
}

/** What the service knows about the youth when an exam is recorded (days are YYYY-MM-DD, Paris). */
export type ExamContext = {
  today: string;
  /** The enrolment's status: only an ACTIVE one takes a new attempt. */
  status: string;
  enrolledOn: string;
  /** Theory passes recorded in SPID (any enrolment) or declared at enrolment. */
  theoryPassedOn: readonly string[];
  /** The day of a passed practical exam already recorded (any enrolment), if any. */
  licenceOn: string | null;
};
type ExamRefusal = { field: "_form" | "date" | "kind" | "result"; message: string };

/** Why this exam cannot be recorded, or null: not in the future, not before the enrolment, one
 * licence only, an enrolment in training, and a practical exam only with a valid theory pass. */
export function examRefusal(exam: { kind: ExamKind; result: ExamResult; day: string }, context: ExamContext): ExamRefusal | null {
  if (exam.day > context.today) return { field: "date", message: "Un résultat ne peut pas être saisi pour un examen à venir." };
  if (exam.day < context.enrolledOn) {
    return {
      field: "date",
      message: `L'examen ne peut pas être daté d'avant l'inscription dans cette auto-école (le ${shownDay(context.enrolledOn)}).`,
    };
  }
  if (exam.kind === "PRACTICAL" && exam.result === "PASSED" && context.licenceOn) {
    return {
      field: "result",
      message: `Le permis est déjà obtenu (conduite réussie le ${shownDay(context.licenceOn)}) : une seconde réussite ne peut pas être enregistrée.`,
    };
  }
  const readOnly = readOnlyReason(context.status);
  if (readOnly) return { field: "_form", message: readOnly };
  if (exam.kind !== "PRACTICAL") return null;
  if (theoryValidOn(context.theoryPassedOn, exam.day)) return null;
  const earlier = context.theoryPassedOn
    .filter((passed) => passed <= exam.day)
    .sort()
    .at(-1);
  return {
    field: "kind",
    message: earlier
      ? `Le code, réussi le ${shownDay(earlier)}, n'est plus valable à cette date (il vaut ${THEORY_VALIDITY_YEARS} ans, jusqu'au ${shownDay(theoryValidUntil(earlier))}) : la conduite ne peut pas être enregistrée.`
      : "Pas de code valable à cette date : la conduite ne peut être enregistrée qu'après un code réussi (enregistré dans SPID ou déclaré à l'inscription), il y a moins de 5 ans.",
  };
}
