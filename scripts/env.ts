/** Loads .env when there is one (a fresh clone has none: defaults apply). */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile();
  } catch {
    // no .env
  }
}
