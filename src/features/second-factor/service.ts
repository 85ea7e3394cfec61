import { db } from "../../db/client.ts";
import { FormError } from "../../http/errors.ts";
import { hashPassword, verifyPassword } from "../../auth/passwords.ts";
import type { Actor } from "../../auth/policy.ts";
import { acceptedStep, asRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret } from "../../auth/totp.ts";
import { recordAudit } from "../audit/service.ts";

const WRONG_CODE = "Ce code n'est pas valide. Saisissez le code à 6 chiffres affiché par votre application.";
const ALREADY_ENABLED = "La double authentification est déjà activée sur ce compte.";
const NOT_ENABLED = "La double authentification n'est pas activée sur ce compte.";

export type SecondFactorStatus =
  { enabled: true; enabledAt: Date; recoveryCodesLeft: number } | { enabled: false; secret: string; label: string };

/** An enrolled account's status, or the secret to enrol with: the same one until it is
 * confirmed, so that reloading the page does not change the QR code already scanned. */
export async function secondFactorStatus(actor: Actor, masterKey: string): Promise<SecondFactorStatus> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, displayName: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) {
    const recoveryCodesLeft = await db().recoveryCode.count({ where: { userId: actor.id, usedAt: null } });
    return { enabled: true, enabledAt: user.totpEnabledAt, recoveryCodesLeft };
  }
  const label = user.email ?? user.displayName;
  if (user.totpSecret) return { enabled: false, secret: openTotpSecret(masterKey, user.totpSecret), label };
  const secret = newTotpSecret();
  await db().user.update({ where: { id: actor.id }, data: { totpSecret: sealTotpSecret(masterKey, secret) } });
  return { enabled: false, secret, label };
}

/** The first right code confirms the enrolment; the 10 recovery codes are returned once, only
 * their hashes are kept. */
export async function confirmEnrolment(actor: Actor, code: string, masterKey: string): Promise<string[]> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new FormError("_form", ALREADY_ENABLED);
  if (!user.totpSecret) throw new FormError("code", WRONG_CODE);
  const step = await acceptedStep(openTotpSecret(masterKey, user.totpSecret), code, null);
  if (step === null) throw new FormError("code", WRONG_CODE);
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((recovery) => hashPassword(asRecoveryCode(recovery) ?? recovery)));
  await db().$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: actor.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (enabled.count !== 1) throw new FormError("_form", ALREADY_ENABLED);
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: actor.id, codeHash })) });
    await recordAudit({ actorId: actor.id, action: "SECOND_FACTOR_ENABLED", entity: "User", entityId: actor.id }, tx);
  });
  return codes;
}

/** Whether a code typed at sign-in (or to turn the factor off) is right: a TOTP code of a step not
 * used before, or an unused recovery code, which is then spent. */
export async function checkSecondFactor(userId: string, typed: string, masterKey: string): Promise<boolean> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const step = await acceptedStep(openTotpSecret(masterKey, user.totpSecret), typed, user.totpLastStep);
  if (step !== null) {
    // Conditional: two requests with the same code at once, only one is accepted.
    const claimed = await db().user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1;
  }
  return useRecoveryCode(userId, typed);
}

async function useRecoveryCode(userId: string, typed: string): Promise<boolean> {
  const recovery = asRecoveryCode(typed);
  if (!recovery) return false;
  const unused = await db().recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, recovery))) continue;
    const spent = await db().$transaction(async (tx) => {
      const claimed = await tx.recoveryCode.updateMany({ where: { id: candidate.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count !== 1) return false;
      await recordAudit({ actorId: userId, action: "SECOND_FACTOR_RECOVERY_CODE_USED", entity: "User", entityId: userId }, tx);
      return true;
    });
    return spent;
  }
  return false;
}

/** Turning the factor off takes a right code: a session left open is not enough. */
export async function disableSecondFactor(actor: Actor, code: string, masterKey: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new FormError("_form", NOT_ENABLED);
  if (!(await checkSecondFactor(actor.id, code, masterKey))) throw new FormError("code", WRONG_CODE);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit({ actorId: actor.id, action: "SECOND_FACTOR_DISABLED", entity: "User", entityId: actor.id }, tx);
  });
}
