import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .refine(
      (url) => url.startsWith("file:") || isPostgresUrl(url),
      "DATABASE_URL doit commencer par file: (SQLite) ou postgresql:// (PostgreSQL)",
    )
    .default("file:./data/spid.db"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET doit faire au moins 32 caractères").optional(),
  PSEUDONYM_KEY: z.string().min(32, "PSEUDONYM_KEY doit faire au moins 32 caractères").optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // Hops of reverse proxies in front (HTTPS termination): their X-Forwarded-* headers are believed.
  TRUST_PROXY: z.coerce
    .number({ error: "TRUST_PROXY doit être un nombre de proxys (0, 1, 2…)" })
    .int("TRUST_PROXY doit être un nombre entier de proxys")
    .min(0, "TRUST_PROXY ne peut pas être négatif")
    .max(10, "TRUST_PROXY : 10 proxys au plus")
    .default(0),
  SPID_DEMO: z.enum(["true", "false"], { error: "SPID_DEMO vaut true ou false" }).optional(),
  // Server processes sharing the port (Node's cluster). One by default: with SQLite every write
  // takes the one database lock, and a process waiting for it blocks its event loop.
  WEB_CONCURRENCY: z.coerce
    .number({ error: "WEB_CONCURRENCY doit être un nombre de processus (1, 2…)" })
    .int("WEB_CONCURRENCY doit être un nombre entier de processus")
    .min(1, "WEB_CONCURRENCY : 1 processus au moins")
    .max(64, "WEB_CONCURRENCY : 64 processus au plus")
    .optional(),
  // How long programme-wide figures (coordinator's and evaluator's homes) are kept before a recount.
  STATISTICS_CACHE_SECONDS: z.coerce
    .number({ error: "STATISTICS_CACHE_SECONDS doit être un nombre de secondes" })
    .int("STATISTICS_CACHE_SECONDS doit être un nombre entier de secondes")
    .min(0, "STATISTICS_CACHE_SECONDS ne peut pas être négatif")
    .max(3600, "STATISTICS_CACHE_SECONDS : une heure au plus")
    .optional(),
  // Where the resource centre's uploaded documents and videos are kept (outside public/).
  UPLOAD_DIR: z.string().min(1).optional(),
  // Retention (npm run retention): a youth's file is anonymised after the later of this birthday
  // and this many years after their last follow-up survey.
  RETENTION_AGE: z.coerce
    .number({ error: "RETENTION_AGE doit être un âge en années" })
    .int("RETENTION_AGE doit être un nombre entier d'années")
    .min(18, "RETENTION_AGE : 18 ans au moins")
    .max(100, "RETENTION_AGE : 100 ans au plus")
    .optional(),
  RETENTION_YEARS_AFTER_SURVEY: z.coerce
    .number({ error: "RETENTION_YEARS_AFTER_SURVEY doit être un nombre d'années" })
    .int("RETENTION_YEARS_AFTER_SURVEY doit être un nombre entier d'années")
    .min(0, "RETENTION_YEARS_AFTER_SURVEY ne peut pas être négatif")
    .max(50, "RETENTION_YEARS_AFTER_SURVEY : 50 ans au plus")
    .optional(),
  REQUIRE_TOTP: z.enum(["true", "false"], { error: "REQUIRE_TOTP vaut true ou false" }).optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  databaseUrl: string;
  databasePath: string;
  sessionSecret: string;
  pseudonymKey: string;
  cookieSecure: boolean;
  logLevel: string;
  /** Number of reverse proxies in front; 0 = none (X-Forwarded-* ignored). */
  trustProxy: number;
  /** Whether an empty database receives the demo programme at start. */
  demo: boolean;
  /** Server processes: every one serves the same port and shares the database (sessions,
   * sign-in counters), so none keeps state that matters in its memory. */
  workers: number;
  /** Programme-wide figures are recounted at most this often (0: at every request). */
  statisticsCacheSeconds: number;
  /** Uploaded documents and videos of the resource centre: beside the database unless set. */
  uploadDir: string;
  /** A youth's file is kept until the later of this birthday… */
  retentionAge: number;
  /** …and this many years after their last follow-up survey (due or answered). */
  retentionYearsAfterSurvey: number;
  /** The coordinator and the research team must sign in with a second factor (TOTP). */
  requireTotp: boolean;
};

export class ConfigError extends Error {}

type Secrets = { sessionSecret: string; pseudonymKey: string };

/** In development a missing secret is generated once and kept beside the database, so that
 * sessions and pseudonyms survive restarts. */
function devSecrets(databasePath: string): Secrets {
  const file = path.join(path.dirname(databasePath), "dev-secrets.json");
  if (existsSync(file)) {
    const parsed = z.object({ sessionSecret: z.string(), pseudonymKey: z.string() }).safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  const secrets = { sessionSecret: randomBytes(32).toString("hex"), pseudonymKey: randomBytes(32).toString("hex") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  console.warn(`[spid] secrets de développement générés dans ${file} (définissez SESSION_SECRET et PSEUDONYM_KEY en production)`);
  return secrets;
}

/** A DATABASE_URL naming a PostgreSQL server (docs/postgresql.md) rather than a SQLite file. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

/** The SQLite file; with PostgreSQL, a name in ./data, the folder of the local files (development
 * secrets, uploads, outbox) that sit next to the database file otherwise. */
function databasePathOf(databaseUrl: string): string {
  if (isPostgresUrl(databaseUrl)) return path.resolve("data", "postgresql");
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

/** A variable left empty (`KEY=` in .env, as in .env.example) means "use the default". */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const databasePath = databasePathOf(e.DATABASE_URL);
  const isProduction = e.NODE_ENV === "production";
  if (isProduction && (!e.SESSION_SECRET || !e.PSEUDONYM_KEY)) {
    throw new ConfigError("En production, SESSION_SECRET et PSEUDONYM_KEY sont obligatoires (voir .env.example).");
  }
  const generated = !e.SESSION_SECRET || !e.PSEUDONYM_KEY ? devSecrets(databasePath) : undefined;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePath,
    sessionSecret: e.SESSION_SECRET ?? generated!.sessionSecret,
    pseudonymKey: e.PSEUDONYM_KEY ?? generated!.pseudonymKey,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : isProduction,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: e.TRUST_PROXY,
    // The demo never lands in a production database unless asked for explicitly.
    demo: e.SPID_DEMO ? e.SPID_DEMO === "true" : !isProduction,
    workers: e.WEB_CONCURRENCY ?? 1,
    statisticsCacheSeconds: e.STATISTICS_CACHE_SECONDS ?? (isProduction ? 60 : 0),
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(path.dirname(databasePath), "uploads")),
    retentionAge: e.RETENTION_AGE ?? 28,
    retentionYearsAfterSurvey: e.RETENTION_YEARS_AFTER_SURVEY ?? 2,
    requireTotp: e.REQUIRE_TOTP ? e.REQUIRE_TOTP === "true" : isProduction,
  };
}

let current: Config | undefined;

/** The process-wide configuration, parsed once. */
export function config(): Config {
  current ??= loadConfig();
  return current;
}
