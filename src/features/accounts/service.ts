import { db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { accountScope, creatableRoles, youthScope, type Actor } from "../../auth/policy.ts";
import { activationCodeExpiry, generateActivationCode, hashActivationCode } from "../../auth/activation-codes.ts";
import { hashPassword, passwordProblem } from "../../auth/passwords.ts";
import { FormError, NotFoundError, ForbiddenError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import type { Role } from "../../domain/enums.ts";
import type { CreateAccountForm } from "./schemas.ts";
import { youthSearchWhere } from "../../domain/search.ts";

const PAGE_SIZE = 50;
// The same words whoever asks and wherever the address is used: creating an account must not
// tell a counsellor that a person outside their Mission Locale has one.
const EMAIL_UNAVAILABLE =
  "Cette adresse e-mail ne peut pas être utilisée pour un nouveau compte. Vérifiez-la ou demandez à la coordination du programme.";

const ACCOUNT_SUMMARY = {
  id: true,
  email: true,
  role: true,
  displayName: true,
  isActive: true,
  activatedAt: true,
  lastSignInAt: true,
  createdAt: true,
  missionLocale: { select: { name: true } },
  drivingSchool: { select: { name: true } },
  youth: { select: { id: true, ref: true } },
} as const;

export async function listAccounts(actor: Actor, filters: { q?: string | undefined; role?: Role | undefined; page?: number | undefined }) {
  const where: Prisma.UserWhereInput = {
    AND: [
      accountScope(actor),
      filters.role ? { role: filters.role } : {},
      filters.q
        ? {
            // A youth account is found as the applications list finds the youth (names in any
            // order, without accents, or the ref); staff accounts by name or e-mail as typed.
            OR: [
              { youth: { is: youthSearchWhere(filters.q) } },
              ...(/[%_]/.test(filters.q)
                ? []
                : [{ displayName: { contains: filters.q } }, { email: { contains: filters.q.toLowerCase() } }]),
            ],
          }
        : {},
    ],
  };
  const page = filters.page ?? 1;
  const [total, accounts] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      select: ACCOUNT_SUMMARY,
      orderBy: [{ role: "asc" }, { displayName: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { accounts, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function findAccount(actor: Actor, id: string) {
  const account = await db().user.findFirst({
    where: { AND: [{ id }, accountScope(actor)] },
    select: {
      ...ACCOUNT_SUMMARY,
      deactivatedAt: true,
      activationCodes: {
        select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
        orderBy: { createdAt: "desc" },
        take: 5,
      },
    },
  });
  if (!account) throw new NotFoundError();
  return account;
}

/** Choices for the creation form, limited to what this person may create. */
export async function accountFormOptions(actor: Actor) {
  const roles = creatableRoles(actor);
  const isAdmin = roles.length > 1;
  const [missionLocales, drivingSchools] = await Promise.all([
    isAdmin ? db().missionLocale.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : [],
    isAdmin ? db().drivingSchool.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : [],
  ]);
  return { roles, missionLocales, drivingSchools };
}

export type IssuedCode = { userId: string; code: string; expiresAt: Date };

/** `actorId` is null when no one is signed in: the first coordinator, created from the command line. */
async function issueCodeIn(tx: Prisma.TransactionClient, userId: string, actorId: string | null): Promise<IssuedCode> {
  const now = new Date();
  const code = generateActivationCode();
  // Only one code is valid at a time: a new letter revokes the previous one.
  await tx.activationCode.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const created = await tx.activationCode.create({
    data: { userId, codeHash: hashActivationCode(code), expiresAt: activationCodeExpiry(now), createdById: actorId },
    select: { expiresAt: true },
  });
  await recordAudit({ actorId, action: "ACCOUNT_CODE_ISSUED", entity: "User", entityId: userId }, tx);
  return { userId, code, expiresAt: created.expiresAt };
}

async function youthForAccount(actor: Actor, ref: string) {
  const youth = await db().youth.findFirst({
    where: { AND: [{ ref }, youthScope(actor)] },
    select: { id: true, firstName: true, lastName: true, email: true, missionLocaleId: true, account: { select: { id: true } } },
  });
  if (!youth) throw new FormError("youthRef", "Aucun jeune de votre périmètre n'a cette référence.");
  if (youth.account) throw new FormError("youthRef", "Ce jeune a déjà un compte : émettez-lui un nouveau code depuis sa fiche de compte.");
  return youth;
}

/** Creates an account that can only be used after activation, and its first access code. */
export async function createAccount(actor: Actor, form: CreateAccountForm): Promise<IssuedCode> {
  if (!creatableRoles(actor).includes(form.role)) throw new ForbiddenError();
  let data: Prisma.UserUncheckedCreateInput;
  if (form.role === "YOUTH") {
    const youth = await youthForAccount(actor, form.youthRef ?? "");
    const email = form.email ?? youth.email?.toLowerCase() ?? null;
    data = {
      role: "YOUTH",
      displayName: `${youth.firstName} ${youth.lastName}`,
      email,
      youthId: youth.id,
      missionLocaleId: youth.missionLocaleId,
    };
  } else {
    data = {
      role: form.role,
      displayName: form.displayName ?? "",
      email: form.email ?? null,
      phone: form.phone ?? null,
      missionLocaleId: form.role === "REFERENT" ? (form.missionLocaleId ?? null) : null,
      drivingSchoolId: form.role === "SCHOOL" ? (form.drivingSchoolId ?? null) : null,
    };
  }
  if (data.email && (await db().user.findUnique({ where: { email: data.email }, select: { id: true } }))) {
    throw new FormError("email", EMAIL_UNAVAILABLE);
  }
  if (data.missionLocaleId && !(await db().missionLocale.findUnique({ where: { id: data.missionLocaleId }, select: { id: true } }))) {
    throw new FormError("missionLocaleId", "Cette Mission Locale n'existe pas.");
  }
  if (data.drivingSchoolId && !(await db().drivingSchool.findUnique({ where: { id: data.drivingSchoolId }, select: { id: true } }))) {
    throw new FormError("drivingSchoolId", "Cette auto-école n'existe pas.");
  }
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...data, createdById: actor.id }, select: { id: true } });
    await recordAudit(
      { actorId: actor.id, action: "ACCOUNT_CREATED", entity: "User", entityId: user.id, details: { role: form.role } },
      tx,
    );
    return issueCodeIn(tx, user.id, actor.id);
  });
}

/** The first coordinator of a fresh installation (`npm run admin:create`): no one can sign in yet to
 * create it, so it has no author; like every account it gets no password, only an access code. */
export async function createCoordinatorAccount(email: string, displayName: string): Promise<IssuedCode> {
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new FormError("email", "Un compte existe déjà avec cette adresse e-mail.");
  }
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { role: "ADMIN", email, displayName }, select: { id: true } });
    await recordAudit(
      { actorId: null, action: "ACCOUNT_CREATED", entity: "User", entityId: user.id, details: { role: "ADMIN", via: "admin:create" } },
      tx,
    );
    return issueCodeIn(tx, user.id, null);
  });
}

/** Lost access: a new single-use code; the current password keeps working until the code is used. */
export async function issueNewCode(actor: Actor, userId: string): Promise<IssuedCode> {
  await findAccount(actor, userId);
  return db().$transaction((tx) => issueCodeIn(tx, userId, actor.id));
}

/** Deactivation ends the account's sessions at once: sessionVersion no longer matches. */
export async function deactivateAccount(actor: Actor, userId: string): Promise<void> {
  if (userId === actor.id) throw new FormError("_form", "Vous ne pouvez pas désactiver votre propre compte.");
  await findAccount(actor, userId);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { isActive: false, deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await tx.activationCode.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ actorId: actor.id, action: "ACCOUNT_DEACTIVATED", entity: "User", entityId: userId }, tx);
  });
}

export async function letterRecipient(actor: Actor, userId: string) {
  const account = await findAccount(actor, userId);
  return {
    id: account.id,
    displayName: account.displayName,
    email: account.email,
    role: account.role,
    isActive: account.isActive,
    youthRef: account.youth?.ref ?? null,
  };
}

/** First sign-in (or lost access): a valid code and a new password activate the account. */
export async function activateAccount(code: string, password: string): Promise<void> {
  const now = new Date();
  const found = await db().activationCode.findFirst({
    where: { codeHash: hashActivationCode(code), usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { isActive: true } },
    select: { id: true, user: { select: { id: true, email: true, displayName: true, youth: { select: { ref: true } } } } },
  });
  if (!found)
    throw new FormError(
      "code",
      "Ce code n'est pas valide : il est peut-être expiré ou déjà utilisé. Demandez un nouveau code à votre conseiller·ère.",
    );
  const { user } = found;
  const personal = [user.email ?? "", user.email?.split("@")[0] ?? "", ...user.displayName.split(/\s+/), user.youth?.ref ?? ""];
  const problem = passwordProblem(password, personal);
  if (problem) throw new FormError("password", problem);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    // Marking the code used inside the same transaction makes a second use impossible.
    const claimed = await tx.activationCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new FormError("code", "Ce code vient d'être utilisé.");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, activatedAt: now, sessionVersion: { increment: 1 } },
    });
    await recordAudit({ actorId: user.id, action: "ACCOUNT_ACTIVATED", entity: "User", entityId: user.id }, tx);
  });
}
