// Fixtures of the authorization matrix for the second factor: every staff account manages its own
// (a wrong code answers 422), a young person has none (403); the code after the password is public.
// Changing one's password is everyone's.
import type { Fixture } from "./foundation.ts";

export const SECOND_FACTOR_FIXTURES: Fixture[] = [
  { method: "GET", path: "/login/second-factor" },
  { method: "POST", path: "/login/second-factor" },
  { method: "GET", path: "/account/second-factor" },
  { method: "POST", path: "/account/second-factor", body: { code: "000000" } },
  { method: "POST", path: "/account/second-factor/disable", body: { code: "000000" } },
  // One's own password: anyone signed in; an empty form answers 422.
  { method: "GET", path: "/account/password" },
  { method: "POST", path: "/account/password", body: {} },
];
