import { db } from "../../db/client.ts";
import { deleteOtherSessions } from "../../db/session-store.ts";
import { FormError } from "../../http/errors.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../auth/passwords.ts";
import type { Actor } from "../../auth/policy.ts";
import { recordAudit } from "../audit/service.ts";

/** A new password, given the current one. The account's sessionVersion moves on, so that every
 * other session stops working; returns the new version for the session that stays. */
export async function changePassword(actor: Actor, current: string, password: string): Promise<number> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, email: true, displayName: true, youth: { select: { ref: true } } },
  });
  if (!(await verifyPassword(user.passwordHash, current))) throw new FormError("currentPassword", "Ce mot de passe n'est pas le bon.");
  const personal = [user.email ?? "", user.email?.split("@")[0] ?? "", ...user.displayName.split(/\s+/), user.youth?.ref ?? ""];
  const problem = passwordProblem(password, personal);
  if (problem) throw new FormError("password", problem);
  if (await verifyPassword(user.passwordHash, password))
    throw new FormError("password", "Choisissez un mot de passe différent de l'actuel.");
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit({ actorId: actor.id, action: "PASSWORD_CHANGED", entity: "User", entityId: actor.id }, tx);
    return updated.sessionVersion;
  });
}

/** The rows of the other sessions go too (they would no longer be accepted anyway). */
export function endOtherSessions(actor: Actor, keptSid: string): Promise<number> {
  return deleteOtherSessions(actor.id, keptSid);
}
