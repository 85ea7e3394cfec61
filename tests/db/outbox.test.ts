// The outbox: notify() leaves an e-mail copy for each recipient with an address, in the same
// transaction; `npm run outbox:send` (without SMTP) writes them as .eml files and marks them sent.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox, notify, writeOutboxFiles } from "../../src/features/notifications/service.ts";
import { smtpSender } from "../../src/features/notifications/smtp.ts";
import { DEFAULT_MAIL_FROM, formatEmail, mailSettings } from "../../src/features/notifications/email.ts";
import { makeUser, testDb } from "../helpers/factories.ts";

const FROM = "SPID <notifications@spid.example>";

/** The headers of an .eml text and its body decoded. */
function parseEml(text: string) {
  const [head = "", body = ""] = text.split("\r\n\r\n");
  const unfolded = head.replace(/\r\n /g, " ");
  const headers = Object.fromEntries(
    unfolded.split("\r\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
  );
  const subject = String(headers.Subject).replace(/=\?UTF-8\?B\?([^?]*)\?=\s?/g, (_m, b64: string) =>
    Buffer.from(b64, "base64").toString("utf8"),
  );
  return { headers, subject, body: Buffer.from(body.replace(/\r\n/g, ""), "base64").toString("utf8") };
}

describe("outbox", () => {
  let directory: string;
  beforeEach(async () => {
    directory = mkdtempSync(path.join(tmpdir(), "spid-outbox-"));
    await testDb.outboxMessage.deleteMany();
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("notify — recipients with an address, active — one outbox message each, beside their notification", async () => {
    const withAddress = await makeUser("REFERENT");
    const withoutAddress = await makeUser("YOUTH", {}, { email: null });
    const deactivated = await makeUser("SCHOOL");
    await testDb.user.update({ where: { id: deactivated.id }, data: { isActive: false } });

    await testDb.$transaction((tx) =>
      notify(tx, [withAddress.id, withoutAddress.id, deactivated.id, withAddress.id], {
        title: "Leçon annulée",
        body: "Votre leçon est annulée.",
        link: "/me",
      }),
    );

    expect(await testDb.notification.count({ where: { userId: { in: [withAddress.id, withoutAddress.id, deactivated.id] } } })).toBe(3);
    const messages = await testDb.outboxMessage.findMany();
    expect(messages).toHaveLength(1);
    const notification = await testDb.notification.findFirstOrThrow({ where: { userId: withAddress.id } });
    expect(messages[0]).toMatchObject({
      userId: withAddress.id,
      toAddress: withAddress.email,
      notificationId: notification.id,
      subject: "SPID : Leçon annulée",
      sentAt: null,
      attempts: 0,
    });
    expect(messages[0]!.body).toContain("Votre leçon est annulée.");
  });

  it("notify — the change's transaction rolls back — no notification, no message", async () => {
    const user = await makeUser("REFERENT");
    await expect(
      testDb.$transaction(async (tx) => {
        await notify(tx, [user.id], { title: "T", body: "B" });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await testDb.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb.outboxMessage.count()).toBe(0);
  });

  it("writeOutboxFiles — unsent messages — one .eml each (UTF-8, base64), marked sent; a second run sends nothing", async () => {
    const user = await makeUser("SCHOOL");
    await testDb.$transaction((tx) =>
      notify(tx, [user.id], { title: "Permis obtenu : Léa Dupré à l'épreuve du mardi 3 mars", body: "Léa a obtenu le permis.\nBravo !" }),
    );
    const now = new Date("2026-12-01T10:00:00Z");

    const run = await writeOutboxFiles(directory, FROM, now);

    expect(run).toEqual({ sent: 1, failed: 0 });
    const files = readdirSync(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const text = readFileSync(path.join(directory, files[0]!), "utf8");
    expect(text.split("\r\n").every((line) => line.length <= 78)).toBe(true);
    const eml = parseEml(text);
    expect(eml.headers).toMatchObject({
      From: FROM,
      To: user.email,
      "MIME-Version": "1.0",
      "Content-Type": "text/plain; charset=UTF-8",
      "Content-Transfer-Encoding": "base64",
    });
    expect(eml.headers["Message-ID"]).toMatch(/^<.+@spid\.example>$/);
    expect(eml.headers.Date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(eml.subject).toBe("SPID : Permis obtenu : Léa Dupré à l'épreuve du mardi 3 mars");
    expect(eml.body).toContain("Léa a obtenu le permis.\r\nBravo !");
    const message = await testDb.outboxMessage.findFirstOrThrow();
    expect(message).toMatchObject({ sentAt: now, attempts: 1, lastError: null });

    expect(await writeOutboxFiles(directory, FROM)).toEqual({ sent: 0, failed: 0 });
    expect(readdirSync(directory)).toHaveLength(1);
  });

  it("writeOutboxFiles — more messages than one batch — all written, oldest first", async () => {
    const user = await makeUser("REFERENT");
    await testDb.outboxMessage.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        userId: user.id,
        toAddress: user.email,
        subject: `S${i}`,
        body: "B",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
    });
    expect(await writeOutboxFiles(directory, FROM)).toEqual({ sent: 205, failed: 0 });
    expect(readdirSync(directory)).toHaveLength(205);
    expect(await testDb.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it("writeOutboxFiles — a directory that cannot be written — the message stays unsent with its error, tried again later", async () => {
    const user = await makeUser("REFERENT");
    await testDb.$transaction((tx) => notify(tx, [user.id], { title: "T", body: "B" }));
    const missing = path.join(directory, "absent");

    expect(await writeOutboxFiles(missing, FROM)).toEqual({ sent: 0, failed: 1 });
    const message = await testDb.outboxMessage.findFirstOrThrow();
    expect(message).toMatchObject({ sentAt: null, attempts: 1 });
    expect(message.lastError).toMatch(/ENOENT/);

    expect(await writeOutboxFiles(directory, FROM)).toEqual({ sent: 1, failed: 0 });
    expect(await testDb.outboxMessage.findFirstOrThrow()).toMatchObject({ attempts: 2, lastError: null });
  });

  it("formatEmail — an address with a line break — refused (no header of its own)", () => {
    const email = { id: "x", from: FROM, to: "a@b.fr\r\nBcc: c@d.fr", subject: "S", body: "B", date: new Date() };
    expect(() => formatEmail(email)).toThrow(/line break/);
  });

  it("mailSettings — without SMTP_URL, files from MAIL_FROM (or the default); with an smtp(s):// URL, that server", () => {
    expect(mailSettings({})).toEqual({ kind: "files", from: DEFAULT_MAIL_FROM });
    expect(mailSettings({ MAIL_FROM: FROM, SMTP_URL: "" })).toEqual({ kind: "files", from: FROM });
    const url = "smtp://user:pass@mail.example:587";
    expect(mailSettings({ SMTP_URL: url, MAIL_FROM: FROM })).toEqual({ kind: "smtp", from: FROM, url });
    expect(mailSettings({ SMTP_URL: "http://mail.example" }).kind).toBe("refused");
    expect(mailSettings({ SMTP_URL: "pas une url" }).kind).toBe("refused");
    expect(mailSettings({ MAIL_FROM: "pas une adresse" }).kind).toBe("refused");
  });

  it("SMTP — each unsent message handed to the server as written, its envelope from the bare address; a refusal is kept and retried", async () => {
    const user = await makeUser("REFERENT");
    await testDb.$transaction((tx) => notify(tx, [user.id], { title: "Difficulté signalée", body: "Un bus en moins." }));
    const handed: { envelope: unknown; raw: unknown }[] = [];
    let refuse = true;
    const server = smtpSender({
      sendMail: (mail: { envelope: unknown; raw: unknown }) => {
        if (refuse) return Promise.reject(new Error("451 try again later"));
        handed.push(mail);
        return Promise.resolve({});
      },
      close: () => undefined,
    } as unknown as Parameters<typeof smtpSender>[0]);

    expect(await deliverOutbox(server.send, FROM)).toMatchObject({ failed: 1 });
    expect(await testDb.outboxMessage.findFirst({ where: { userId: user.id } })).toMatchObject({
      sentAt: null,
      lastError: "451 try again later",
    });
    refuse = false;
    await deliverOutbox(server.send, FROM);

    const mine = handed.filter((mail) => JSON.stringify(mail.envelope).includes(user.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.envelope).toEqual({ from: "notifications@spid.example", to: [user.email] });
    expect(parseEml(String(mine[0]!.raw)).body).toContain("Un bus en moins.");
    expect(await testDb.outboxMessage.findFirst({ where: { userId: user.id } })).toMatchObject({ lastError: null, attempts: 2 });
  });
});
