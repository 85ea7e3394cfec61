// npm run outbox:send: delivers the e-mails waiting in the outbox. Without SMTP_URL each message is
// written as an .eml file into data/outbox/ (beside the database) and marked sent; with SMTP_URL
// the project needs a mail transport, which is not installed yet: the script says so and stops.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { config, ConfigError } from "../src/config.ts";
import { disconnectDb } from "../src/db/client.ts";
import { mailSettings } from "../src/features/notifications/email.ts";
import { writeOutboxFiles } from "../src/features/notifications/service.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
try {
  const settings = mailSettings(process.env);
  if (settings.kind === "refused") {
    console.error(`[spid] ${settings.message}`);
    process.exitCode = 1;
  } else {
    const directory = path.join(path.dirname(config().databasePath), "outbox");
    mkdirSync(directory, { recursive: true });
    const run = await writeOutboxFiles(directory, settings.from);
    console.log(
      `[spid] ${run.sent} message(s) écrit(s) dans ${directory}${run.failed > 0 ? `, ${run.failed} en échec (réessayés au prochain envoi)` : ""}.`,
    );
    if (run.failed > 0) process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[spid] ${error.message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
