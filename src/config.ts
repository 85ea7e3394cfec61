import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL doit commencer par file:").default("file:./data/spid.db"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET doit faire au moins 32 caractères").optional(),
  PSEUDONYM_KEY: z.string().min(32, "PSEUDONYM_KEY doit faire au moins 32 caractères").optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
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
};

export class ConfigError extends Error {}

type Secrets = { sessionSecret: string; pseudonymKey: string };

/** In development a missing secret is generated once and kept beside the database, so that
 * sessions and pseudonyms survive restarts. */
function devSecrets(databasePath: string): Secrets {
  const file = path.join(path.dirname(databasePath), "dev-secrets.json");
  if (existsSync(file)) {
    const parsed = z.object({ sessionSecret: z.string(), pseudonymKey: z.string() }).safeParse(
      JSON.parse(readFileSync(file, "utf8")),
    );
    if (parsed.success) return parsed.data;
  }
  const secrets = { sessionSecret: randomBytes(32).toString("hex"), pseudonymKey: randomBytes(32).toString("hex") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  console.warn(`[spid] secrets de développement générés dans ${file} (définissez SESSION_SECRET et PSEUDONYM_KEY en production)`);
  return secrets;
}

export function databasePathOf(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
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
  };
}

let current: Config | undefined;

/** The process-wide configuration, parsed once. */
export function config(): Config {
  current ??= loadConfig();
  return current;
}
