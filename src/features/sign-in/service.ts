import { z } from "zod";
import { db } from "../../db/client.ts";
import { ROLES, type Role } from "../../domain/enums.ts";
import { verifyPassword } from "../../auth/passwords.ts";

const YOUTH_REF = /^AUT-\d{4}-\d{3,}$/i;

const SIGNED_IN_USER = {
  id: true,
  email: true,
  role: true,
  displayName: true,
  missionLocaleId: true,
  drivingSchoolId: true,
  youthId: true,
  sessionVersion: true,
  isActive: true,
  missionLocale: { select: { name: true } },
  drivingSchool: { select: { name: true } },
} as const;

export type SignedInUser = Express.User & { sessionVersion: number };

type Row = {
  id: string;
  email: string | null;
  role: Role;
  displayName: string;
  missionLocaleId: string | null;
  drivingSchoolId: string | null;
  youthId: string | null;
  sessionVersion: number;
  missionLocale: { name: string } | null;
  drivingSchool: { name: string } | null;
};

function toSignedInUser(row: Row): SignedInUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: row.displayName,
    missionLocaleId: row.missionLocaleId,
    drivingSchoolId: row.drivingSchoolId,
    youthId: row.youthId,
    sessionVersion: row.sessionVersion,
    missionLocaleName: row.missionLocale?.name ?? null,
    drivingSchoolName: row.drivingSchool?.name ?? null,
  };
}

/** The sign-in identifier is an e-mail or, for youths without one, their reference (AUT-…). */
function identifierWhere(identifier: string) {
  const trimmed = identifier.trim();
  return YOUTH_REF.test(trimmed) ? { youth: { is: { ref: trimmed.toUpperCase() } } } : { email: trimmed.toLowerCase() };
}

/** The account an identifier names (e-mail or reference), active or not: sign-in failures are
 * counted per account, whichever identifier was typed. */
export async function findAccountId(identifier: string): Promise<string | null> {
  const row = await db().user.findFirst({ where: identifierWhere(identifier), select: { id: true } });
  return row?.id ?? null;
}

/** The active account matching the identifier and password, or null (one answer for both mistakes). */
export async function authenticate(identifier: string, password: string): Promise<SignedInUser | null> {
  const row = await db().user.findFirst({
    where: { ...identifierWhere(identifier), isActive: true },
    select: { ...SIGNED_IN_USER, passwordHash: true },
  });
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok) return null;
  await db().user.update({ where: { id: row.id }, data: { lastSignInAt: new Date() } });
  return toSignedInUser(row);
}

/** Reloaded on every request: a deactivated account or a changed password ends older sessions.
 * One raw statement (portable SQL): Prisma's query compiler would cost more than the query, and
 * its relation loading would take three. */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SignedInUser | null> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT u."id", u."email", u."role", u."displayName", u."missionLocaleId", u."drivingSchoolId", u."youthId",
           u."sessionVersion", m."name" AS "missionLocaleName", s."name" AS "drivingSchoolName"
    FROM "User" u
    LEFT JOIN "MissionLocale" m ON m."id" = u."missionLocaleId"
    LEFT JOIN "DrivingSchool" s ON s."id" = u."drivingSchoolId"
    WHERE u."id" = ${id} AND u."isActive" = ${true} AND u."sessionVersion" = ${sessionVersion}`;
  return rows.length ? SESSION_USER_ROW.parse(rows[0]) : null;
}

const SESSION_USER_ROW = z.object({
  id: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  displayName: z.string(),
  missionLocaleId: z.string().nullable(),
  drivingSchoolId: z.string().nullable(),
  youthId: z.string().nullable(),
  sessionVersion: z.number().int(),
  missionLocaleName: z.string().nullable(),
  drivingSchoolName: z.string().nullable(),
});
