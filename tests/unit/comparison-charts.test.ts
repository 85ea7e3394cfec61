import { describe, expect, it } from "vitest";
import { comparisonCharts, type SchoolComparisonRow } from "../../src/features/operations/comparison.ts";

const share = (count: number, total: number) => ({ count, total, rate: total > 0 ? count / total : null });

function school(name: string, changes: Partial<SchoolComparisonRow>): SchoolComparisonRow {
  return {
    schoolId: name,
    name,
    missionLocale: "Orléanais",
    youths: 20,
    dropout: share(2, 20),
    theory: share(15, 20),
    practical: share(9, 12),
    licensed: 9,
    medianHoursToLicence: 32,
    hoursVsForecast: 1.1,
    withForecast: 9,
    medianForecastHours: 30,
    small: false,
    rank: 1,
    ...changes,
  };
}

describe("comparisonCharts", () => {
  it("three schools, one too small — ranking best first without it; pass rates in percent with one decimal", () => {
    const charts = comparisonCharts([
      school("B", { rank: 2, hoursVsForecast: 1.234 }),
      school("A", { rank: 1, hoursVsForecast: 0.9, theory: share(2, 3) }),
      school("Petite", { small: true, rank: null, youths: 4 }),
    ]);

    expect(charts.ranking.labels).toEqual(["A", "B"]);
    expect(charts.ranking.datasets[0]!.data).toEqual([0.9, 1.23]);
    expect(charts.passRates.labels).toEqual(["B", "A"]);
    expect(charts.passRates.datasets[0]!.data).toEqual([75, 66.7]);
    expect(charts.passRates.datasets[1]!.data).toEqual([75, 75]);
  });
});
