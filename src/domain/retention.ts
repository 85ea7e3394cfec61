// Retention rules, pure: when a youth's file is due for anonymisation, how long the audit trail is
// kept, and the options of `npm run retention`.

export type RetentionPolicy = { age: number; yearsAfterSurvey: number };

/** The audit trail is kept this long; a database trigger refuses deleting younger events. */
const AUDIT_RETENTION_MONTHS = 12;

function addYears(date: Date, years: number): Date {
  const shifted = new Date(date.getTime());
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return shifted;
}

function addMonths(date: Date, months: number): Date {
  const shifted = new Date(date.getTime());
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  return shifted;
}

/**
 * The first instant a file may be anonymised: the later of the youth's `age`th birthday and
 * `yearsAfterSurvey` years after their last follow-up survey. A youth without any survey counts
 * from the creation of their file, so that a file just opened is never anonymised.
 */
export function retentionDate(youth: { birthDate: Date; createdAt: Date; lastSurveyAt: Date | null }, policy: RetentionPolicy): Date {
  const birthday = addYears(youth.birthDate, policy.age);
  const afterFollowUp = addYears(youth.lastSurveyAt ?? youth.createdAt, policy.yearsAfterSurvey);
  return birthday > afterFollowUp ? birthday : afterFollowUp;
}

/**
 * Audit events strictly before this instant are deleted. A clock set in the future (a rehearsal)
 * never goes past what the database trigger allows, which counts from the real time.
 */
export function auditCutoff(now: Date, realNow: Date): Date {
  return addMonths(now < realNow ? now : realNow, -AUDIT_RETENTION_MONTHS);
}

export type RetentionOptions = { dryRun: boolean; now: Date };

export class RetentionUsageError extends Error {}

/** `--dry-run`, `--now YYYY-MM-DD` (or RETENTION_NOW): the clock fixed for a rehearsal or a test. */
export function parseRetentionArgs(argv: readonly string[], env: NodeJS.ProcessEnv, realNow = new Date()): RetentionOptions {
  let dryRun = false;
  let nowText = env.RETENTION_NOW || undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--now") nowText = argv[(i += 1)];
    else if (arg?.startsWith("--now=")) nowText = arg.slice("--now=".length);
    else throw new RetentionUsageError(`Option inconnue : ${arg}. Usage : npm run retention -- [--dry-run] [--now AAAA-MM-JJ]`);
  }
  if (nowText === undefined) return { dryRun, now: realNow };
  const now = /^\d{4}-\d{2}-\d{2}$/.test(nowText) ? new Date(`${nowText}T00:00:00Z`) : new Date(nowText);
  if (Number.isNaN(now.getTime())) throw new RetentionUsageError(`Date invalide pour --now : ${nowText} (attendu AAAA-MM-JJ)`);
  return { dryRun, now };
}
