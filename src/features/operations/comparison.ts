// The fair school comparison, computed from the figures the service counts in SQL: rates with
// their counts, medians, and a ranking that compares hours done with each youth's own forecast
// (a school taking harder cases, with higher forecasts, is not ranked below one taking easy ones).

/** Fewer youths than this: the school's figures are shown, flagged, and not ranked. */
export const SMALL_SCHOOL_THRESHOLD = 10;

/** A share with what it is of: `count` out of `total` (null when the total is 0). */
import type { ChartSpec } from "../dashboards/service.ts";

export type Share = { count: number; total: number; rate: number | null };

function share(count: number, total: number): Share {
  return { count, total, rate: total > 0 ? count / total : null };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type SchoolCounts = {
  schoolId: string;
  name: string;
  missionLocale: string;
  youths: number;
  enrolments: number;
  dropped: number;
  theoryPresented: number;
  theoryPassed: number;
  practicalPresented: number;
  practicalPassed: number;
};

/** One licensed enrolment: driving hours done (minutes) and the initial assessment's forecast. */
export type LicensedEnrolment = { schoolId: string; minutes: number; forecastHours: number | null };

export type SchoolComparisonRow = {
  schoolId: string;
  name: string;
  missionLocale: string;
  youths: number;
  dropout: Share;
  theory: Share;
  practical: Share;
  licensed: number;
  medianHoursToLicence: number | null;
  /** Median over licensed youths with a forecast of hours done ÷ hours forecast (1 = as forecast). */
  hoursVsForecast: number | null;
  withForecast: number;
  medianForecastHours: number | null;
  small: boolean;
  /** 1 = fewest hours relative to forecast; null for small schools or without a forecast. */
  rank: number | null;
};

export function compareSchools(counts: readonly SchoolCounts[], licensed: readonly LicensedEnrolment[]): SchoolComparisonRow[] {
  const bySchool = new Map<string, LicensedEnrolment[]>();
  for (const row of licensed) {
    const list = bySchool.get(row.schoolId);
    if (list) list.push(row);
    else bySchool.set(row.schoolId, [row]);
  }
  const rows = counts.map((school): SchoolComparisonRow => {
    const done = bySchool.get(school.schoolId) ?? [];
    const forecast = done.filter((row) => row.forecastHours !== null && row.forecastHours > 0);
    const ratios = forecast.map((row) => row.minutes / 60 / row.forecastHours!);
    return {
      schoolId: school.schoolId,
      name: school.name,
      missionLocale: school.missionLocale,
      youths: school.youths,
      dropout: share(school.dropped, school.enrolments),
      theory: share(school.theoryPassed, school.theoryPresented),
      practical: share(school.practicalPassed, school.practicalPresented),
      licensed: done.length,
      medianHoursToLicence: median(done.map((row) => row.minutes / 60)),
      hoursVsForecast: median(ratios),
      withForecast: forecast.length,
      medianForecastHours: median(forecast.map((row) => row.forecastHours!)),
      small: school.youths < SMALL_SCHOOL_THRESHOLD,
      rank: null,
    };
  });
  const ranked = rows.filter((row) => !row.small && row.hoursVsForecast !== null);
  ranked.sort((a, b) => a.hoursVsForecast! - b.hoursVsForecast! || a.name.localeCompare(b.name, "fr"));
  ranked.forEach((row, index) => (row.rank = index + 1));
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, "fr"));
}

const percent = (share: Share) => (share.rate === null ? null : Math.round(share.rate * 1000) / 10);

/** The comparison drawn for its page (the table below each chart holds the same figures): the
 * ranking figure of the ranked schools, best first, and the pass rates of the schools not flagged
 * as too small. */
export function comparisonCharts(rows: readonly SchoolComparisonRow[]): { ranking: ChartSpec; passRates: ChartSpec } {
  const ranked = rows.filter((row) => row.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const compared = rows.filter((row) => !row.small);
  return {
    ranking: {
      type: "bar",
      horizontal: true,
      labels: ranked.map((row) => row.name),
      datasets: [
        {
          label: "Heures faites ÷ heures prévues (médiane)",
          data: ranked.map((row) => (row.hoursVsForecast === null ? null : Math.round(row.hoursVsForecast * 100) / 100)),
        },
      ],
    },
    passRates: {
      type: "bar",
      labels: compared.map((row) => row.name),
      datasets: [
        { label: "Réussite au code (%)", data: compared.map((row) => percent(row.theory)), percent: true },
        { label: "Réussite à la conduite (%)", data: compared.map((row) => percent(row.practical)), percent: true },
      ],
    },
  };
}
