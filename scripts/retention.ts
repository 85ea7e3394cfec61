// npm run retention [-- --dry-run] [--now YYYY-MM-DD]: anonymises the files of youths past their
// retention date and deletes audit events older than 12 months (docs/operations.md). Meant to be
// scheduled (e.g. a nightly cron); --dry-run says what it would do and writes nothing; --now (or
// RETENTION_NOW) fixes the clock for a rehearsal or a test.
import { config, ConfigError } from "../src/config.ts";
import { disconnectDb } from "../src/db/client.ts";
import { parseRetentionArgs, RetentionUsageError } from "../src/domain/retention.ts";
import { formatDate } from "../src/domain/time.ts";
import { runRetention } from "../src/features/operations/service.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
try {
  const options = parseRetentionArgs(process.argv.slice(2), process.env);
  const settings = config();
  const summary = await runRetention({
    ...options,
    policy: { age: settings.retentionAge, yearsAfterSurvey: settings.retentionYearsAfterSurvey },
  });
  const verb = summary.dryRun ? "seraient" : "ont été";
  console.log(
    [
      `[spid] Conservation des données au ${formatDate(summary.now)}${summary.dryRun ? " (simulation : rien n'est écrit)" : ""}`,
      `- règle : anonymisation après le plus tardif des ${settings.retentionAge} ans du jeune et de ${settings.retentionYearsAfterSurvey} an(s) après sa dernière enquête de suivi`,
      `- dossiers de jeunes arrivés à échéance : ${summary.youthsDue} ; ${summary.dryRun ? summary.youthsDue : summary.youthsAnonymised} ${verb} anonymisés`,
      `- événements du journal d'audit antérieurs au ${formatDate(summary.auditCutoff)} : ${summary.auditEventsDue} ; ${summary.dryRun ? summary.auditEventsDue : summary.auditEventsDeleted} ${verb} supprimés`,
    ].join("\n"),
  );
} catch (error) {
  if (!(error instanceof ConfigError) && !(error instanceof RetentionUsageError)) throw error;
  console.error(`[spid] ${error.message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
