// The express-session store: one row per session in the app's database ("Session"), so that
// sessions survive a restart and every server process sees the same ones. Every signed-in request
// reads its session: the read is one raw statement (Prisma's query compiler would cost more than
// the query), written in SQL that SQLite and PostgreSQL both accept.
import session from "express-session";
import type { SessionData } from "express-session";
import { db, type Db } from "./client.ts";

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
    this.prisma().$executeRaw`DELETE FROM "Session" WHERE "sid" = ${sid}`.then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  /** Removes expired sessions; returns how many. */
  async prune(now = new Date()): Promise<number> {
    return this.prisma().$executeRaw`DELETE FROM "Session" WHERE "expiresAt" < ${now}`;
  }

  private async read(sid: string): Promise<SessionData | null> {
    const rows = await this.prisma().$queryRaw<{ data: string; expiresAt: Date }[]>`
      SELECT "data", "expiresAt" FROM "Session" WHERE "sid" = ${sid}`;
    const row = rows[0];
    if (!row) return null;
    if (new Date(row.expiresAt).getTime() > Date.now()) return JSON.parse(row.data) as SessionData;
    await this.prisma().$executeRaw`DELETE FROM "Session" WHERE "sid" = ${sid}`;
    return null;
  }

  private async write(sid: string, data: SessionData): Promise<void> {
    const expiresAt = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + (data.cookie.maxAge ?? 0));
    await this.prisma().$executeRaw`
      INSERT INTO "Session" ("id", "sid", "data", "expiresAt") VALUES (${sid}, ${sid}, ${JSON.stringify(data)}, ${expiresAt})
      ON CONFLICT ("sid") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`;
  }
}
