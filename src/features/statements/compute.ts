// A school's monthly statement, computed: what each enrolment's month costs at the coordinator's
// rates, and how much of it the programme's aid still covers. Pure arithmetic on integer cents;
// the service reads the facts and the ledger (docs/money.md, "Relevés mensuels").

/** A month's rates for one enrolment: the school's in its cohort. No hourly rate: not billable. */
type Rates = { hourlyRateCents: number | null; examFeeCents: number; assessmentCents: number };

/** What one enrolment did in the month at the school, and the aid its youth still has. */
export type BillableEnrolment = {
  enrolmentId: string;
  youthId: string;
  cohortId: string;
  /** Minutes of lessons delivered (the youth present or late). */
  lessonMinutes: number;
  /** Practical exams the school took the youth to. */
  exams: number;
  /** 1 when the initial assessment was made in the month. */
  assessments: number;
  rates: Rates;
  /** The youth's aid left in the cohort (cap minus the PROGRAMME payments of all their enrolments). */
  aidRemainingCents: number;
};

type LineAmounts = {
  lessonCents: number;
  examCents: number;
  assessmentCents: number;
  totalCents: number;
  coveredCents: number;
  notCoveredCents: number;
  /** Lessons to bill without an hourly rate: the statement cannot be validated. */
  missingRate: boolean;
};

export type StatementLine = BillableEnrolment & LineAmounts;

export type StatementTotals = {
  lessonMinutes: number;
  lessonCents: number;
  examCents: number;
  assessmentCents: number;
  totalCents: number;
  coveredCents: number;
  notCoveredCents: number;
};

/** The price of `minutes` at an hourly rate, rounded to the nearest cent (a half cent up). */
export function lessonCents(minutes: number, hourlyRateCents: number): number {
  return Math.floor((minutes * hourlyRateCents + 30) / 60);
}

/**
 * The lines of a statement, in the order given. Each line is covered up to the aid its youth has
 * left; two lines of the same youth and cohort share that aid, the first served first. What is
 * above it is "non couvert".
 */
export function statementLines<T extends BillableEnrolment>(enrolments: readonly T[]): (T & LineAmounts)[] {
  const left = new Map<string, number>();
  return enrolments.map((enrolment) => {
    const key = `${enrolment.youthId}|${enrolment.cohortId}`;
    const available = left.get(key) ?? Math.max(0, enrolment.aidRemainingCents);
    const hourly = enrolment.rates.hourlyRateCents;
    const lessons = hourly === null ? 0 : lessonCents(enrolment.lessonMinutes, hourly);
    const exams = enrolment.exams * enrolment.rates.examFeeCents;
    const assessment = enrolment.assessments * enrolment.rates.assessmentCents;
    const totalCents = lessons + exams + assessment;
    const coveredCents = Math.min(totalCents, available);
    left.set(key, available - coveredCents);
    return {
      ...enrolment,
      lessonCents: lessons,
      examCents: exams,
      assessmentCents: assessment,
      totalCents,
      coveredCents,
      notCoveredCents: totalCents - coveredCents,
      missingRate: hourly === null && enrolment.lessonMinutes > 0,
    };
  });
}

export function statementTotals(lines: readonly (LineAmounts & { lessonMinutes: number })[]): StatementTotals {
  const sum = (pick: (line: (typeof lines)[number]) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    lessonMinutes: sum((line) => line.lessonMinutes),
    lessonCents: sum((line) => line.lessonCents),
    examCents: sum((line) => line.examCents),
    assessmentCents: sum((line) => line.assessmentCents),
    totalCents: sum((line) => line.totalCents),
    coveredCents: sum((line) => line.coveredCents),
    notCoveredCents: sum((line) => line.notCoveredCents),
  };
}

/** 1250 → "12,50": an amount as a French spreadsheet reads a decimal number. */
export function csvEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}
