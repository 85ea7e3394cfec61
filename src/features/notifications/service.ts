// A person's own notifications (e.g. a difficulty reported by a school reaches the counsellor).
import { z } from "zod";
import { db } from "../../db/client.ts";
import { queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";

const SHOWN = 5;

const UNREAD_ROW = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: SQL_DATE,
  unread: SQL_INTEGER,
});

/** The person's unread count and latest unread notifications, in one statement (every home shows
 * them): the count is taken over all unread rows before the limit. */
export async function unreadNotifications(actor: Actor) {
  const rows = await queryRows(
    UNREAD_ROW,
    Prisma.sql`
      SELECT "id", "title", "body", "link", "createdAt", COUNT(*) OVER () AS "unread"
      FROM "Notification"
      WHERE "userId" = ${actor.id} AND "readAt" IS NULL
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${SHOWN}`,
  );
  return { count: rows[0]?.unread ?? 0, latest: rows.map(({ unread: _unread, ...notification }) => notification) };
}

/** Marks one of the person's own notifications read; anyone else's answers 404. */
export async function markRead(actor: Actor, id: string): Promise<string | null> {
  const notification = await db().notification.findFirst({ where: { id, userId: actor.id }, select: { id: true, link: true } });
  if (!notification) throw new NotFoundError();
  await db().$transaction(async (tx) => {
    await tx.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
    await recordAudit({ actorId: actor.id, action: "NOTIFICATION_READ", entity: "Notification", entityId: id }, tx);
  });
  return notification.link;
}
