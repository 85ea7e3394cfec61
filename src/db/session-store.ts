// The express-session store: one row per session in the app's database ("Session"), so that
// sessions survive a restart and every server process sees the same ones. Every signed-in request
// reads its session: the read is one raw statement (Prisma's query compiler would cost more than
// the query), written in SQL that SQLite and PostgreSQL both accept.
import session from "express-session";
import type { SessionData } from "express-session";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client.ts";
import { db, type Db } from "./client.ts";
import { executeStatement, queryRows, SQL_DATE } from "./sql.ts";

const SESSION_ROW = z.object({ data: z.string(), expiresAt: SQL_DATE });

type Callback<T = void> = (error: unknown, value?: T) => void;

/** How often expired rows are deleted (a row past its expiry is never returned anyway). */
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export class DatabaseSessionStore extends session.Store {
  private readonly prisma: () => Db;
  private readonly pruner: NodeJS.Timeout;

  constructor(prisma: () => Db = db) {
    super();
    this.prisma = prisma;
    this.pruner = setInterval(() => void this.prune().catch(() => undefined), PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.read(sid).then((data) => callback(null, data), callback);
  }

  override set(sid: string, data: SessionData, callback?: (error?: unknown) => void): void {
    this.write(sid, data).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.remove(sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  /** Removes expired sessions; returns how many. */
  async prune(now = new Date()): Promise<number> {
    return executeStatement(Prisma.sql`DELETE FROM "Session" WHERE "expiresAt" < ${now}`, this.prisma());
  }

  private async remove(sid: string): Promise<void> {
    await executeStatement(Prisma.sql`DELETE FROM "Session" WHERE "sid" = ${sid}`, this.prisma());
  }

  private async read(sid: string): Promise<SessionData | null> {
    const [row] = await queryRows(SESSION_ROW, Prisma.sql`SELECT "data", "expiresAt" FROM "Session" WHERE "sid" = ${sid}`, this.prisma());
    if (!row) return null;
    if (row.expiresAt.getTime() > Date.now()) return JSON.parse(row.data) as SessionData;
    await this.remove(sid);
    return null;
  }

  private async write(sid: string, data: SessionData): Promise<void> {
    const expiresAt = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + (data.cookie.maxAge ?? 0));
    await executeStatement(
      Prisma.sql`
        INSERT INTO "Session" ("id", "sid", "data", "expiresAt") VALUES (${sid}, ${sid}, ${JSON.stringify(data)}, ${expiresAt})
        ON CONFLICT ("sid") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
      this.prisma(),
    );
  }
}

/** Ends a person's other sessions (after a password change): every row naming them, signed in or
 * waiting for their second factor, except the one kept. The id is the first key of both objects
 * ({"id":…,"v":…}); account ids are cuids (letters and digits: nothing LIKE would read). */
export async function deleteOtherSessions(userId: string, keptSid: string, prisma: Db = db()): Promise<number> {
  return executeStatement(
    Prisma.sql`DELETE FROM "Session" WHERE "sid" <> ${keptSid} AND "data" LIKE ${`%{"id":${JSON.stringify(userId)},%`}`,
    prisma,
  );
}
