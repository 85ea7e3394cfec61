import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRows, SQL_BOOLEAN, SQL_INTEGER } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { ROLES } from "../../domain/enums.ts";
import { verifyPassword } from "../../auth/passwords.ts";
import { MAX_FAILURES, THROTTLE_WINDOW_MS, type FailureThrottle } from "../../http/throttle.ts";

const YOUTH_REF = /^AUT-\d{4}-\d{3,}$/i;

export type SignedInUser = Express.User & { sessionVersion: number };

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
    select: { id: true, sessionVersion: true, passwordHash: true },
  });
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok) return null;
  await db().user.update({ where: { id: row.id }, data: { lastSignInAt: new Date() } });
  // The same reading of the person as every later request of the session.
  return findSessionUser(row.id, row.sessionVersion);
}

/** Reloaded on every request: a deactivated account or a changed password ends older sessions.
 * One raw statement (portable SQL): Prisma's query compiler would cost more than the query, and
 * its relation loading would take three. */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SignedInUser | null> {
  const [user] = await queryRows(
    SESSION_USER_ROW,
    Prisma.sql`
    SELECT u."id", u."email", u."role", u."displayName", u."missionLocaleId", u."drivingSchoolId", u."youthId",
           u."sessionVersion", u."totpEnabledAt" IS NOT NULL AS "secondFactor", m."name" AS "missionLocaleName", s."name" AS "drivingSchoolName"
    FROM "User" u
    LEFT JOIN "MissionLocale" m ON m."id" = u."missionLocaleId"
    LEFT JOIN "DrivingSchool" s ON s."id" = u."drivingSchoolId"
    WHERE u."id" = ${id} AND u."isActive" = ${true} AND u."sessionVersion" = ${sessionVersion}`,
  );
  return user ?? null;
}

const SESSION_USER_ROW = z.object({
  id: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  displayName: z.string(),
  missionLocaleId: z.string().nullable(),
  drivingSchoolId: z.string().nullable(),
  youthId: z.string().nullable(),
  sessionVersion: SQL_INTEGER,
  secondFactor: SQL_BOOLEAN,
  missionLocaleName: z.string().nullable(),
  drivingSchoolName: z.string().nullable(),
});

/** Which throttle a key is counted in: a sign-in failure and a refused activation code from one IP
 * do not add up. */
export type ThrottleScope = "login" | "activate";

/** Failure counters in the ThrottleWindow table, shared by every server process. A window opens at
 * a key's first attempt and lasts windowMs; when it has ended, the next attempt opens a new one. */
export function databaseThrottle(
  scope: ThrottleScope,
  limit = MAX_FAILURES,
  windowMs = THROTTLE_WINDOW_MS,
  now: () => number = Date.now,
): FailureThrottle {
  // Always in one order, so that two attempts sharing keys lock their rows in the same order (no
  // deadlock on a database with row locks).
  const stored = (keys: readonly string[]) => [...new Set(keys)].sort().map((key) => `${scope}|${key}`);
  let nextPrune = 0;
  return {
    async attempt(keys) {
      const at = now();
      const windows = db().throttleWindow;
      const scoped = stored(keys);
      // One transaction, opened by a write: it holds SQLite's write lock (the keys' rows in
      // PostgreSQL) until every key is counted, so two attempts, in any process, never read the
      // same count.
      const [, ...counted] = await db().$transaction([
        windows.deleteMany({ where: { key: { in: scoped }, endsAt: { lte: new Date(at) } } }),
        ...scoped.map((key) =>
          windows.upsert({
            where: { key },
            create: { key, attempts: 1, endsAt: new Date(at + windowMs) },
            update: { attempts: { increment: 1 } },
            select: { attempts: true },
          }),
        ),
      ]);
      // Once per window, every ended window goes (the endsAt index finds them): keys tried once,
      // such as IPs, do not pile up.
      if (at >= nextPrune) {
        nextPrune = at + windowMs;
        await windows.deleteMany({ where: { endsAt: { lte: new Date(at) } } });
      }
      return counted.every((window) => window.attempts <= limit);
    },
    async forgive(keys) {
      await db().throttleWindow.updateMany({
        where: { key: { in: stored(keys) }, endsAt: { gt: new Date(now()) }, attempts: { gt: 0 } },
        data: { attempts: { decrement: 1 } },
      });
    },
  };
}
