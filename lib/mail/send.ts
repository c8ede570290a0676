import "server-only";

import { type Executor, getDb } from "@/lib/db/client";
import { type MailLogKind, mailLog } from "@/lib/db/schema";
import { type Mailer, type OutgoingMail, outboxMessageId } from "./transport";

export type DeliveryResult =
  | { status: "sent"; mailId: number; messageId: string }
  | { status: "failed"; mailId: number; error: string };

const MAX_ERROR_LENGTH = 1_000;

/**
 * Send one mail and log it, whatever happens: over SMTP (the log keeps headers and the outcome),
 * or into the outbox (the log row is the message, body included). An SMTP failure is returned,
 * not thrown, so a batch can go on; only a database failure throws.
 */
export async function deliverMail({
  mail,
  employeeId,
  rosterEmployeeNumber = null,
  kind,
  mailer,
  db,
}: {
  mail: OutgoingMail;
  employeeId: number | null;
  /** The roster entry, when the recipient is on the roster (with or without an account). */
  rosterEmployeeNumber?: string | null;
  kind: MailLogKind;
  mailer: Mailer;
  db?: Executor;
}): Promise<DeliveryResult> {
  const executor = db ?? (await getDb());
  const base = {
    employeeId,
    rosterEmployeeNumber,
    kind,
    recipient: mail.to.address,
    sender: mailer.from,
    subject: mail.subject,
    transport: mailer.transport,
  };

  if (mailer.transport === "outbox") {
    const messageId = outboxMessageId();
    const [row] = await executor
      .insert(mailLog)
      .values({ ...base, textBody: mail.text, htmlBody: mail.html, status: "sent", messageId })
      .returning({ id: mailLog.id });
    return { status: "sent", mailId: row.id, messageId };
  }

  let outcome: { messageId: string } | { error: string };
  try {
    outcome = await mailer.send(mail);
  } catch (error) {
    outcome = { error: describeSmtpError(error) };
  }
  const [row] = await executor
    .insert(mailLog)
    .values(
      "messageId" in outcome
        ? { ...base, status: "sent", messageId: outcome.messageId }
        : { ...base, status: "failed", error: outcome.error },
    )
    .returning({ id: mailLog.id });
  return "messageId" in outcome
    ? { status: "sent", mailId: row.id, messageId: outcome.messageId }
    : { status: "failed", mailId: row.id, error: outcome.error };
}

function describeSmtpError(error: unknown): string {
  const { message, code, responseCode } = error as {
    message?: string;
    code?: string;
    responseCode?: number;
  };
  const parts = [code, responseCode ? `SMTP ${responseCode}` : null, message ?? String(error)];
  return parts.filter(Boolean).join(": ").slice(0, MAX_ERROR_LENGTH);
}
