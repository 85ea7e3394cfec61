import type { Actor } from "../../auth/policy.ts";
import { can } from "../../auth/policy.ts";

/** Where a person lands after signing in: the youth's own page, everyone else's home. */
export function homePathOf(actor: Actor): string {
  return can(actor, "me:view") ? "/me" : "/";
}
