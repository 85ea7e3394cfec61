// A person's own notifications (e.g. a difficulty reported by a school reaches the counsellor).
import { randomUUID } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db, type DbTx } from "../../db/client.ts";
import { queryRows, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import { emailBody, formatEmail } from "./email.ts";

const SHOWN = 5;

export type NewNotification = { title: string; body: string; link?: string | null };

type Notice = NewNotification & { userId: string | null | undefined };

/**
 * Tells each person their notice, inside the caller's transaction so that the notice exists exactly
 * when the change it announces does; notices without a person are skipped. Each active recipient
 * with an e-mail address also gets a copy in the outbox (npm run outbox:send): three statements
 * whatever the number of notices.
 */
export async function notifyEach(tx: DbTx, notices: readonly Notice[]): Promise<void> {
  const data = notices.flatMap(({ userId, title, body, link }) => (userId ? [{ userId, title, body, link: link ?? null }] : []));
  if (data.length === 0) return;
  const created = await tx.notification.createManyAndReturn({
    data,
    select: { id: true, userId: true, title: true, body: true, link: true },
  });
  const addressed = await tx.user.findMany({
    where: { id: { in: [...new Set(data.map((notice) => notice.userId))] }, isActive: true, email: { not: null } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(addressed.map((user) => [user.id, user.email ?? ""]));
  const outbox = created.flatMap((notification) => {
    const toAddress = emailOf.get(notification.userId);
    return toAddress
      ? [
          {
            notificationId: notification.id,
            userId: notification.userId,
            toAddress,
            subject: `SPID : ${notification.title}`,
            body: emailBody(notification),
          },
        ]
      : [];
  });
  if (outbox.length > 0) await tx.outboxMessage.createMany({ data: outbox });
}

/** The same notice to each listed person (duplicates skipped). */
export function notify(tx: DbTx, userIds: readonly (string | null | undefined)[], notification: NewNotification): Promise<void> {
  return notifyEach(
    tx,
    [...new Set(userIds)].map((userId) => ({ ...notification, userId })),
  );
}

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

/** Notifications per page of /notifications. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** One page of the person's notifications, newest first, read and unread. */
export async function listNotifications(actor: Actor, page = 1) {
  const [total, notifications] = await Promise.all([
    db().notification.count({ where: { userId: actor.id } }),
    db().notification.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
  ]);
  return {
    items: notifications.map((notification) => ({ ...notification, link: localLink(notification.link) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
  };
}

/** A notification's link when it is a path of this site (never another site), else null. */
function localLink(link: string | null): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : null;
}

/** Marks all the person's unread notifications read at once; returns how many were. */
export async function markAllRead(actor: Actor): Promise<number> {
  return db().$transaction(async (tx) => {
    const marked = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    await recordAudit(
      { actorId: actor.id, action: "NOTIFICATIONS_ALL_READ", entity: "Notification", details: { count: marked.count } },
      tx,
    );
    return marked.count;
  });
}

/** Marks one of the person's own notifications read; anyone else's answers 404. */
export async function markRead(actor: Actor, id: string): Promise<string | null> {
  const notification = await db().notification.findFirst({ where: { id, userId: actor.id }, select: { id: true, link: true } });
  if (!notification) throw new NotFoundError();
  await db().$transaction(async (tx) => {
    await tx.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
    await recordAudit({ actorId: actor.id, action: "NOTIFICATION_READ", entity: "Notification", entityId: id }, tx);
  });
  return localLink(notification.link);
}

/** Messages read at a time by the outbox's sender. */
const OUTBOX_BATCH = 200;

type OutboxRun = { sent: number; failed: number };

/** A message of the outbox as it leaves: its envelope and its RFC 5322 text. */
export type OutgoingEmail = { id: string; from: string; to: string; text: string; createdAt: Date };

/**
 * Delivers every unsent message of the outbox, oldest first, through `deliver` (an SMTP server, or
 * files), and marks those delivered as sent; a message that fails keeps its error and is tried
 * again at the next run.
 */
export async function deliverOutbox(deliver: (email: OutgoingEmail) => Promise<void>, from: string, now = new Date()): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, failed: 0 };
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const messages = await db().outboxMessage.findMany({
      where: {
        sentAt: null,
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: OUTBOX_BATCH,
      select: { id: true, toAddress: true, subject: true, body: true, createdAt: true },
    });
    if (messages.length === 0) return run;
    const delivered: string[] = [];
    for (const message of messages) {
      try {
        const text = formatEmail({
          id: message.id,
          from,
          to: message.toAddress,
          subject: message.subject,
          body: message.body,
          date: message.createdAt,
        });
        await deliver({ id: message.id, from, to: message.toAddress, text, createdAt: message.createdAt });
        delivered.push(message.id);
      } catch (error) {
        run.failed += 1;
        await db().outboxMessage.update({
          where: { id: message.id },
          data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message : String(error) },
        });
      }
    }
    if (delivered.length > 0) {
      await db().outboxMessage.updateMany({
        where: { id: { in: delivered } },
        data: { sentAt: now, attempts: { increment: 1 }, lastError: null },
      });
    }
    run.sent += delivered.length;
    const last = messages.at(-1);
    after = last && { createdAt: last.createdAt, id: last.id };
  }
}

/** Without an SMTP server (development, or a machine that hands files to another system): each
 * message becomes an .eml file in `directory` (which must exist). */
export function writeOutboxFiles(directory: string, from: string, now = new Date()): Promise<OutboxRun> {
  return deliverOutbox(
    async (email) => {
      const file = path.join(directory, `${email.createdAt.toISOString().replace(/[-:.]/g, "")}-${email.id}.eml`);
      // Written aside then renamed: whatever picks the files up never reads half a message.
      const partial = `${file}.${randomUUID()}.tmp`;
      await writeFile(partial, email.text, { flag: "wx" });
      await rename(partial, file);
    },
    from,
    now,
  );
}
