// The settings a benchmark's server runs with: production mode, cookies over plain HTTP (loopback
// only), fixed secrets (the databases are scratch), the demo for an empty database, no second
// factor (the benchmarks sign in with a password only), no proxy in front.
export const BENCH_SERVER_ENV = {
  NODE_ENV: "production",
  COOKIE_SECURE: "false",
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  PSEUDONYM_KEY: "bench-pseudonym-key-0123456789abcdef0123456789",
  SPID_DEMO: "true",
  REQUIRE_TOTP: "false",
  TRUST_PROXY: "0",
} as const;
