// What `npm start` does with the database before serving, and what it tells the person who ran it.
import type { Config } from "../src/config.ts";
import { db, optimizeSqlite } from "../src/db/client.ts";
import { isDatabaseEmpty } from "../src/db/prepare.ts";
import { ROLE_LABELS } from "../src/domain/enums.ts";
import { refreshSummaries } from "../src/features/warnings/service.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo/catalog.ts";
import { seedDemo } from "./demo/seed.ts";

/** LOAD_DEMO: an empty database where the demo is allowed; FIRST_ADMIN: an empty database that
 * waits for its first coordinator; READY: a database already in use. */
export type StartupPlan = "LOAD_DEMO" | "FIRST_ADMIN" | "READY";

export function startupPlan(database: { empty: boolean }, config: Pick<Config, "demo">): StartupPlan {
  if (!database.empty) return "READY";
  return config.demo ? "LOAD_DEMO" : "FIRST_ADMIN";
}

export async function planStartup(config: Pick<Config, "demo">): Promise<StartupPlan> {
  return startupPlan({ empty: await isDatabaseEmpty() }, config);
}

type Print = (line: string) => void;

const seconds = (ms: number): string => `${(ms / 1000).toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;

/** Loads the demo programme, telling how far it is: it takes a few seconds on a small machine. */
export async function loadDemo(print: Print = console.log): Promise<void> {
  const started = Date.now();
  print("[spid] base vide : chargement du programme de démonstration AUTOnomie (données fictives, dates relatives à aujourd'hui)…");
  await seedDemo(db(), {
    today: new Date(),
    progress: (stage) => print(`[spid]   ${stage} (${seconds(Date.now() - started)})`),
  });
  print(`[spid] programme de démonstration chargé en ${seconds(Date.now() - started)}`);
}

/**
 * Brings the training summaries up to date before serving (those that went stale or expired while
 * the server was stopped; all of them the first time), so that the first pages do not compute them
 * and the warnings raised meanwhile reach the counsellors now. The planner's statistics first: the
 * summaries' statements need them.
 */
export async function prepareSummaries(print: Print = console.log): Promise<void> {
  const started = Date.now();
  await optimizeSqlite("ALL_TABLES");
  const count = await refreshSummaries({});
  if (count > 0) print(`[spid] suivi des jeunes mis à jour : ${count.toLocaleString("fr-FR")} en ${seconds(Date.now() - started)}`);
}

/** Lines printed once the server listens. */
export function startupHints(plan: StartupPlan): string[] {
  if (plan === "LOAD_DEMO") {
    return [
      `[spid] comptes de démonstration (mot de passe ${DEMO_PASSWORD}) :`,
      ...DEMO_ACCOUNTS.map((account) => `[spid]   ${account.email.padEnd(36)} ${ROLE_LABELS[account.role]}`),
    ];
  }
  if (plan === "FIRST_ADMIN") {
    return [
      "[spid] base vide : aucun compte. Créez le premier compte de coordination :",
      "[spid]   npm run admin:create -- prenom.nom@exemple.fr",
      "[spid] Un courrier d'accès s'affiche (code à usage unique, à saisir sur la page /activate).",
    ];
  }
  return [];
}
