// Exam results must agree with the score. Pass marks come from the REMC reference
// (src/reference/remc.json): theory 35/40; practical 20/31 with no eliminatory fault.
import type { ExamKind, ExamResult } from "../../domain/enums.ts";
import { REMC } from "../../domain/remc.ts";

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
  if (exam.score === undefined) return { field: "score", message: `Saisissez la note (sur ${max}), sauf si le ou la candidat·e était absent·e.` };
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
