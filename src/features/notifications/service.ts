// A person's own notifications (e.g. a difficulty reported by a school reaches the counsellor).
import { db } from "../../db/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";

const SHOWN = 5;

export async function unreadNotifications(actor: Actor) {
  const where = { userId: actor.id, readAt: null };
  const [count, latest] = await Promise.all([
    db().notification.count({ where }),
    db().notification.findMany({
      where,
      select: { id: true, title: true, body: true, link: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
    }),
  ]);
  return { count, latest };
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
