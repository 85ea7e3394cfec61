// npm run outbox:send: delivers the e-mails waiting in the outbox. With SMTP_URL, through that
// server; without it, each message is written as an .eml file into data/outbox/ (beside the
// database): nothing leaves the machine in development.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { config, ConfigError } from "../src/config.ts";
import { disconnectDb } from "../src/db/client.ts";
import { mailSettings } from "../src/features/notifications/email.ts";
import { deliverOutbox, writeOutboxFiles } from "../src/features/notifications/service.ts";
import { smtpSender } from "../src/features/notifications/smtp.ts";
import { loadDotEnv } from "./env.ts";

loadDotEnv();
try {
  const settings = mailSettings(process.env);
  if (settings.kind === "refused") {
    console.error(`[spid] ${settings.message}`);
    process.exitCode = 1;
  } else {
    let run: { sent: number; failed: number };
    let where: string;
    if (settings.kind === "smtp") {
      const smtp = smtpSender(settings.url);
      run = await deliverOutbox(smtp.send, settings.from).finally(() => smtp.close());
      where = `envoyé(s) par ${new URL(settings.url).host}`;
    } else {
      const directory = path.join(path.dirname(config().databasePath), "outbox");
      mkdirSync(directory, { recursive: true });
      run = await writeOutboxFiles(directory, settings.from);
      where = `écrit(s) dans ${directory}`;
    }
    console.log(`[spid] ${run.sent} message(s) ${where}${run.failed > 0 ? `, ${run.failed} en échec (réessayés au prochain envoi)` : ""}.`);
    if (run.failed > 0) process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[spid] ${error.message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
