// E-mails of the outbox as RFC 5322 messages: UTF-8 text, the subject as RFC 2047 encoded words,
// the body in base64 (lines of 76), CRLF line ends. Written as .eml files when no SMTP is set.

/** Who the messages come from when MAIL_FROM is not set (a reserved domain: it reaches no one). */
export const DEFAULT_MAIL_FROM = "SPID <ne-pas-repondre@spid.invalid>";

const CRLF = "\r\n";
/** Bytes of text per encoded word: 39 bytes make 52 base64 characters, a word of 64, so that even
 * the first line ("Subject: " and a word) stays within the 78 characters a line should keep to. */
const WORD_BYTES = 39;

export type Email = { id: string; from: string; to: string; subject: string; body: string; date: Date };

/** The message's text, ready to be written to an .eml file or handed to a mail transport. */
export function formatEmail(email: Email): string {
  for (const [name, value] of [
    ["From", email.from],
    ["To", email.to],
  ] as const) {
    // A line break in an address would let it add headers of its own.
    if (/[\r\n]/.test(value)) throw new Error(`${name}: an address holds no line break`);
  }
  const headers = [
    `From: ${email.from}`,
    `To: ${email.to}`,
    `Subject: ${encodedWords(email.subject.replace(/[\r\n]+/g, " "))}`,
    `Date: ${rfc5322Date(email.date)}`,
    `Message-ID: <${email.id}@${domainOf(email.from)}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
  ];
  const body = Buffer.from(email.body.replace(/\r?\n/g, CRLF), "utf8").toString("base64");
  const lines = body.match(/.{1,76}/g) ?? [];
  return [...headers, "", ...lines, ""].join(CRLF);
}

/** A header text as it travels: ASCII as it is, anything else as =?UTF-8?B?…?= words on folded lines. */
function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let current = "";
  for (const character of text) {
    if (Buffer.byteLength(current + character, "utf8") > WORD_BYTES) {
      words.push(current);
      current = "";
    }
    current += character;
  }
  if (current) words.push(current);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`).join(`${CRLF} `);
}

/** "Tue, 01 Dec 2026 12:00:00 +0000". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? "spid.invalid";
}

/** The e-mail's text: the notice, then where to read it. */
export function emailBody(notice: { title: string; body: string }): string {
  return `${notice.title}\n\n${notice.body}\n\nRetrouvez vos notifications dans SPID, rubrique « Notifications ».\n`;
}

export type MailSettings =
  { kind: "files"; from: string } | { kind: "smtp"; from: string; url: string } | { kind: "refused"; message: string };

/** What `npm run outbox:send` does with these settings: with SMTP_URL (smtp:// or smtps://, the
 * account in the URL), send through that server; without it, write .eml files. */
export function mailSettings(env: { SMTP_URL?: string | undefined; MAIL_FROM?: string | undefined }): MailSettings {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  if (/[\r\n]/.test(from) || !/@/.test(from)) return { kind: "refused", message: `MAIL_FROM n'est pas une adresse valable : ${from}` };
  const url = env.SMTP_URL?.trim();
  if (!url) return { kind: "files", from };
  if (!URL.canParse(url) || !["smtp:", "smtps:"].includes(new URL(url).protocol)) {
    return { kind: "refused", message: "SMTP_URL doit être de la forme smtp://utilisateur:mot-de-passe@serveur:587 (ou smtps://…:465)." };
  }
  return { kind: "smtp", from, url };
}
