import { defineConfig, devices } from "@playwright/test";

// Browser tests drive Debian's chromium (no browser download here) against the app started as
// `npm start` would, on a fresh database in .tmp/e2e, loaded with the demo programme.
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf .tmp/e2e-${PORT} && npm start`,
    url: `http://127.0.0.1:${PORT}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./.tmp/e2e-${PORT}/spid.db`,
      NODE_ENV: "development",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      PSEUDONYM_KEY: "e2e-pseudonym-key-0123456789abcdef",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
    },
  },
});
