import { describe, expect, it } from "vitest";
import { auditCutoff, parseRetentionArgs, retentionDate, RetentionUsageError } from "../../src/domain/retention.ts";
import { loadConfig } from "../../src/config.ts";

const POLICY = { age: 28, yearsAfterSurvey: 2 };
const born = new Date("2004-05-06T00:00:00Z");
const created = new Date("2026-01-10T00:00:00Z");

describe("retention rules", () => {
  it("retention date — 28th birthday later than the surveys — the birthday", () => {
    expect(retentionDate({ birthDate: born, createdAt: created, lastSurveyAt: new Date("2028-07-01T00:00:00Z") }, POLICY)).toEqual(
      new Date("2032-05-06T00:00:00Z"),
    );
  });

  it("retention date — a survey late in life — two years after it", () => {
    expect(retentionDate({ birthDate: born, createdAt: created, lastSurveyAt: new Date("2031-09-01T00:00:00Z") }, POLICY)).toEqual(
      new Date("2033-09-01T00:00:00Z"),
    );
  });

  it("retention date — no survey — counted from the file's creation", () => {
    const old = new Date("1990-01-01T00:00:00Z");
    expect(retentionDate({ birthDate: old, createdAt: created, lastSurveyAt: null }, POLICY)).toEqual(new Date("2028-01-10T00:00:00Z"));
  });

  it("retention date — another policy — follows it", () => {
    expect(retentionDate({ birthDate: born, createdAt: created, lastSurveyAt: null }, { age: 30, yearsAfterSurvey: 5 })).toEqual(
      new Date("2034-05-06T00:00:00Z"),
    );
  });

  it("audit cutoff — a clock in the future — bounded by the real time", () => {
    const real = new Date("2026-12-01T10:00:00Z");
    expect(auditCutoff(new Date("2031-12-01T00:00:00Z"), real)).toEqual(new Date("2025-12-01T10:00:00Z"));
    expect(auditCutoff(new Date("2026-06-01T00:00:00Z"), real)).toEqual(new Date("2025-06-01T00:00:00Z"));
  });

  it("options — --dry-run and --now — parsed; RETENTION_NOW as a fallback", () => {
    const real = new Date("2026-12-01T10:00:00Z");
    expect(parseRetentionArgs([], {}, real)).toEqual({ dryRun: false, now: real });
    expect(parseRetentionArgs(["--dry-run", "--now", "2031-12-01"], {}, real)).toEqual({
      dryRun: true,
      now: new Date("2031-12-01T00:00:00Z"),
    });
    expect(parseRetentionArgs(["--now=2030-01-02"], {}, real).now).toEqual(new Date("2030-01-02T00:00:00Z"));
    expect(parseRetentionArgs([], { RETENTION_NOW: "2029-03-04" }, real).now).toEqual(new Date("2029-03-04T00:00:00Z"));
  });

  it("options — unknown option or bad date — refused in French", () => {
    expect(() => parseRetentionArgs(["--force"], {})).toThrow(RetentionUsageError);
    expect(() => parseRetentionArgs(["--now", "demain"], {})).toThrow(/Date invalide/);
  });

  it("configuration — retention settings — 28 and 2 by default, from the environment otherwise", () => {
    const base = { NODE_ENV: "test", SESSION_SECRET: "s".repeat(32), PSEUDONYM_KEY: "p".repeat(32) } as const;
    expect(loadConfig(base)).toMatchObject({ retentionAge: 28, retentionYearsAfterSurvey: 2 });
    expect(loadConfig({ ...base, RETENTION_AGE: "30", RETENTION_YEARS_AFTER_SURVEY: "3" })).toMatchObject({
      retentionAge: 30,
      retentionYearsAfterSurvey: 3,
    });
    expect(() => loadConfig({ ...base, RETENTION_AGE: "12" })).toThrow(/RETENTION_AGE/);
  });
});
