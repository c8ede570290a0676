import "server-only";

import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env, type MailSettings } from "@/lib/env";
import { systemLog } from "@/lib/log";

/** One message, ready to go. Addresses are passed as objects so names cannot inject headers. */
export type OutgoingMail = {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
};

/**
 * How mail leaves the portal. "smtp" hands it to a mail server; "outbox" (no SMTP configured: the
 * demo and development) delivers nothing and keeps the message in the database for an admin to read.
 */
export type Mailer =
  | {
      transport: "smtp";
      from: string;
      send: (mail: OutgoingMail) => Promise<{ messageId: string }>;
      close: () => void;
    }
  | { transport: "outbox"; from: string; close: () => void };

// Fail within seconds, not minutes, when the mail server is down: P&O is waiting for the batch.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailer(settings: MailSettings): Mailer {
  if (settings.transport === "outbox") {
    return { transport: "outbox", from: settings.from, close: () => {} };
  }
  const { smtp } = settings;
  const options: SMTPTransport.Options =
    "url" in smtp
      ? { url: smtp.url }
      : {
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.auth ?? undefined,
        };
  // A small pool: a batch reuses connections instead of a TLS handshake per mail.
  const transporter = nodemailer.createTransport({
    ...options,
    ...TIMEOUTS,
    pool: true,
    maxConnections: 2,
  } as SMTPTransport.Options);
  return {
    transport: "smtp",
    from: settings.from,
    send: async (mail) => {
      const info = await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // RFC 3834: tells auto-responders (out-of-office) not to answer.
        headers: { "Auto-Submitted": "auto-generated" },
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** A Message-ID for mail that stays in the outbox, so log rows look alike in both modes. */
export function outboxMessageId(): string {
  return `<${randomUUID()}@outbox.beleidsportaal.invalid>`;
}

// One pool per process (Next may load this module more than once, as with the store).
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for("portal.mailer")] ??= {
  mailer: null,
}) as { mailer: Mailer | null };

/** The mailer the environment configures: SMTP_* and MAIL_FROM, or the outbox. */
export function getMailer(): Mailer {
  if (!state.mailer) {
    state.mailer = createMailer(env.MAIL);
    if (state.mailer.transport === "outbox" && !env.DEV_IDP) {
      systemLog.warn(
        { event: "mail_outbox_only" },
        "No SMTP configured (SMTP_URL or SMTP_HOST): mail stays in the database outbox and reaches nobody. The outbox is for development only.",
      );
    }
  }
  return state.mailer;
}
