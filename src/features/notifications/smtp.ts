// Delivery of the outbox through an SMTP server (nodemailer): the message text is the one written
// for files (email.ts), handed over as it is, with its envelope.
import nodemailer, { type Transporter } from "nodemailer";
import type { OutgoingEmail } from "./service.ts";

type Transport = Pick<Transporter, "sendMail" | "close">;

/** The sender for an SMTP URL (smtp://user:password@host:587, smtps://…:465), or for a transport
 * given by the caller (tests). */
export function smtpSender(server: string | Transport) {
  const transport: Transport = typeof server === "string" ? nodemailer.createTransport(server) : server;
  return {
    send: async (email: OutgoingEmail): Promise<void> => {
      await transport.sendMail({ envelope: { from: addressOf(email.from), to: [email.to] }, raw: email.text });
    },
    close: () => transport.close(),
  };
}

/** "SPID <ne-pas-repondre@spid.example>" → "ne-pas-repondre@spid.example": the envelope takes the address alone. */
function addressOf(from: string): string {
  return /<([^<>]+)>/.exec(from)?.[1] ?? from.trim();
}
