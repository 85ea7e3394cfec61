// A young person's journey through the programme as an ordered list of steps, from the application
// to the follow-up surveys: each step done (with its date), the current one, or to come. Pure: the
// youth file loads the facts, this reads them.
import { ATTENDED, EXAM_RESULT_LABELS, SURVEY_MONTHS, type ApplicationStatus, type Attendance, type DrawOutcome } from "./enums.ts";
import type { ExamKind, ExamResult } from "./enums.ts";
import { formatDate, formatDateTime } from "./time.ts";

export type JourneyFacts = {
  /** The application behind the training (or the latest one); null when there is none. */
  application: {
    status: ApplicationStatus;
    createdAt: Date;
    submittedAt: Date | null;
    /** The draw's outcome for this application; null when not drawn. */
    draw: { rank: number; outcome: DrawOutcome; drawnAt: Date } | null;
    /** The outcome waits for the committee and this reader does not follow the draws. */
    drawHidden: boolean;
    infoMeeting: { startsAt: Date; place: string } | null;
    attendanceCommitmentAt: Date | null;
    contributionCommitmentAt: Date | null;
  } | null;
  /** The first enrolment of the training and what the current one records. */
  enrolment: {
    enrolledAt: Date;
    schoolName: string;
    initialAssessmentAt: Date | null;
    licenceObtainedOn: Date | null;
    theoryPassedOn: Date | null;
  } | null;
  lessons: readonly { startsAt: Date; attendance: Attendance }[];
  exams: readonly { kind: ExamKind; date: Date; result: ExamResult }[];
  /** null: this reader does not follow the surveys, and the step is left out. */
  surveys: readonly { monthsAfter: number; dueOn: Date; status: "PENDING" | "ANSWERED" | "UNREACHABLE"; answeredAt: Date | null }[] | null;
};

type StepState = "done" | "current" | "upcoming" | "skipped";
export type JourneyStep = { key: string; label: string; state: StepState; date: Date | null; details: string[] };

type Found = { done: boolean; date?: Date | null; details?: string[] };
type StepRule = { key: string; label: string; read: (facts: JourneyFacts, now: Date) => Found };

const NOT_YET: Found = { done: false };

const selected = (facts: JourneyFacts) => facts.enrolment !== null || facts.application?.status === "SELECTED";

function drawStep({ application, ...facts }: JourneyFacts): Found {
  if (!application) return facts.enrolment ? { done: true, details: ["Retenu·e"] } : NOT_YET;
  if (application.drawHidden) return { done: false, details: ["Résultat du tirage à venir"] };
  const isSelected = selected({ application, ...facts });
  const draw = application.draw;
  if (!draw) return isSelected ? { done: true, details: ["Retenu·e"] } : NOT_YET;
  if (draw.outcome === "SELECTED") return { done: true, date: draw.drawnAt, details: [`Rang ${draw.rank} : retenu·e`] };
  if (isSelected) return { done: true, date: draw.drawnAt, details: [`Rang ${draw.rank} : liste d'attente, puis retenu·e`] };
  return { done: false, date: draw.drawnAt, details: [`Rang ${draw.rank} : liste d'attente`] };
}

function meetingStep({ application }: JourneyFacts, now: Date): Found {
  const meeting = application?.infoMeeting;
  if (!meeting) return NOT_YET;
  if (meeting.startsAt <= now) return { done: true, date: meeting.startsAt, details: [meeting.place] };
  return { done: false, details: [`Prévue le ${formatDateTime(meeting.startsAt)}, ${meeting.place}`] };
}

function commitmentsStep({ application }: JourneyFacts): Found {
  const attendance = application?.attendanceCommitmentAt ?? null;
  const contribution = application?.contributionCommitmentAt ?? null;
  if (attendance && contribution) return { done: true, date: attendance > contribution ? attendance : contribution };
  if (!attendance && !contribution) return NOT_YET;
  return {
    done: false,
    details: [
      `Assiduité : ${attendance ? `signée le ${formatDate(attendance)}` : "à signer"}`,
      `Participation financière : ${contribution ? `signée le ${formatDate(contribution)}` : "à signer"}`,
    ],
  };
}

function lessonsStep({ lessons }: JourneyFacts, now: Date): Found {
  const attended = lessons.filter((lesson) => ATTENDED.includes(lesson.attendance)).map((lesson) => lesson.startsAt);
  if (attended.length > 0) {
    const first = attended.reduce((a, b) => (a < b ? a : b));
    return { done: true, date: first, details: [`${attended.length} ${attended.length === 1 ? "leçon suivie" : "leçons suivies"}`] };
  }
  const next = lessons
    .filter((lesson) => lesson.attendance === "SCHEDULED" && lesson.startsAt > now)
    .map((lesson) => lesson.startsAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return next ? { done: false, details: [`Prévue le ${formatDateTime(next)}`] } : NOT_YET;
}

const ORDINALS = ["1re", "2e", "3e", "4e", "5e", "6e", "7e", "8e", "9e"];

function examStep(kind: ExamKind) {
  return ({ exams, enrolment }: JourneyFacts): Found => {
    const attempts = exams.filter((exam) => exam.kind === kind).sort((a, b) => a.date.getTime() - b.date.getTime());
    const details = attempts.map(
      (exam, index) =>
        `${ORDINALS[index] ?? `${index + 1}e`} tentative le ${formatDate(exam.date)} : ${EXAM_RESULT_LABELS[exam.result].toLowerCase()}`,
    );
    const passed = attempts.find((exam) => exam.result === "PASSED")?.date ?? (kind === "THEORY" ? enrolment?.theoryPassedOn : null);
    if (passed && attempts.length === 0) details.push("Obtenu avant l'entrée dans le programme");
    return { done: Boolean(passed), date: passed ?? null, details };
  };
}

function surveysStep({ surveys }: JourneyFacts): Found {
  const rows = [...(surveys ?? [])].sort((a, b) => a.monthsAfter - b.monthsAfter);
  const details = rows.map((survey) => {
    const when = `${survey.monthsAfter} mois`;
    if (survey.status === "ANSWERED") return `${when} : répondue${survey.answeredAt ? ` le ${formatDate(survey.answeredAt)}` : ""}`;
    if (survey.status === "UNREACHABLE") return `${when} : jeune injoignable`;
    return `${when} : prévue le ${formatDate(survey.dueOn)}`;
  });
  const closed = rows.filter((survey) => survey.status !== "PENDING");
  const done = SURVEY_MONTHS.every((months) => closed.some((survey) => survey.monthsAfter === months));
  const answered = closed.map((survey) => survey.answeredAt).filter((date): date is Date => date !== null);
  return { done, date: done && answered.length > 0 ? answered.reduce((a, b) => (a > b ? a : b)) : null, details };
}

const STEPS: readonly StepRule[] = [
  {
    key: "application",
    label: "Candidature",
    read: ({ application }) => {
      if (!application || application.status === "DRAFT") return NOT_YET;
      const details =
        application.status === "WITHDRAWN" ? ["Candidature retirée"] : application.status === "INELIGIBLE" ? ["Non éligible"] : [];
      return { done: true, date: application.submittedAt ?? application.createdAt, details };
    },
  },
  { key: "draw", label: "Tirage au sort", read: drawStep },
  { key: "meeting", label: "Réunion d'information", read: meetingStep },
  { key: "commitments", label: "Engagements signés", read: commitmentsStep },
  {
    key: "enrolment",
    label: "Inscription en auto-école",
    read: ({ enrolment }) => (enrolment ? { done: true, date: enrolment.enrolledAt, details: [enrolment.schoolName] } : NOT_YET),
  },
  {
    key: "assessment",
    label: "Évaluation de départ",
    read: ({ enrolment }) => (enrolment?.initialAssessmentAt ? { done: true, date: enrolment.initialAssessmentAt } : NOT_YET),
  },
  { key: "lessons", label: "Première leçon", read: lessonsStep },
  { key: "theory", label: "Examen du code", read: examStep("THEORY") },
  { key: "practical", label: "Examen pratique", read: examStep("PRACTICAL") },
  {
    key: "licence",
    label: "Permis obtenu",
    read: ({ enrolment }) => (enrolment?.licenceObtainedOn ? { done: true, date: enrolment.licenceObtainedOn } : NOT_YET),
  },
  { key: "surveys", label: "Enquêtes de suivi", read: surveysStep },
];

/**
 * The steps in order. A step not done before the last one done is "skipped" (not recorded, e.g. an
 * enrolment made without the commitments); the first step after the last one done is "current".
 */
export function journeyOf(facts: JourneyFacts, now: Date): JourneyStep[] {
  const rules = facts.surveys === null ? STEPS.filter((step) => step.key !== "surveys") : STEPS;
  const found = rules.map((step) => step.read(facts, now));
  const lastDone = found.map((step) => step.done).lastIndexOf(true);
  return rules.map((step, index) => {
    const { done, date = null, details = [] } = found[index]!;
    const state: StepState = done ? "done" : index < lastDone ? "skipped" : index === lastDone + 1 ? "current" : "upcoming";
    return { key: step.key, label: step.label, state, date: done ? date : null, details };
  });
}
