import "server-only";

import { and, count, desc, eq, or } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { type MailLogEntry, mailLog } from "@/lib/db/schema";

// Reading what the portal sent. The caller checks the role: the outbox holds names and addresses
// (admin only); an employee's own mail log is for P&O's page about that employee.

export type OutboxSummary = Pick<
  MailLogEntry,
  "id" | "employeeId" | "kind" | "recipient" | "subject" | "createdAt"
>;

/** Mail kept in the outbox (no SMTP configured), newest first, a page at a time. */
export async function listOutbox({
  limit = 50,
  offset = 0,
  db,
}: { limit?: number; offset?: number; db?: Executor } = {}): Promise<{
  messages: OutboxSummary[];
  total: number;
}> {
  const executor = db ?? (await getDb());
  const where = eq(mailLog.transport, "outbox");
  const [messages, [{ total }]] = await Promise.all([
    executor
      .select({
        id: mailLog.id,
        employeeId: mailLog.employeeId,
        kind: mailLog.kind,
        recipient: mailLog.recipient,
        subject: mailLog.subject,
        createdAt: mailLog.createdAt,
      })
      .from(mailLog)
      .where(where)
      .orderBy(desc(mailLog.id))
      .limit(Math.min(Math.max(limit, 1), 500))
      .offset(Math.max(offset, 0)),
    executor.select({ total: count() }).from(mailLog).where(where),
  ]);
  return { messages, total };
}

/** One outbox message with its text and HTML body, or null. Render htmlBody only in a sandboxed iframe, or show textBody. */
export async function getOutboxMessage({
  id,
  db,
}: {
  id: number;
  db?: Executor;
}): Promise<MailLogEntry | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select()
    .from(mailLog)
    .where(and(eq(mailLog.id, id), eq(mailLog.transport, "outbox")))
    .limit(1);
  return row ?? null;
}

/**
 * Every mail sent to one employee (both transports), newest first, without bodies: by account, by
 * roster entry (also before they ever signed in), or both.
 */
export async function listMailForEmployee({
  employeeId,
  employeeNumber,
  db,
}: {
  employeeId?: number | null;
  employeeNumber?: string | null;
  db?: Executor;
}): Promise<Omit<MailLogEntry, "textBody" | "htmlBody">[]> {
  if (employeeId == null && employeeNumber == null) return [];
  const executor = db ?? (await getDb());
  return executor
    .select({
      id: mailLog.id,
      employeeId: mailLog.employeeId,
      rosterEmployeeNumber: mailLog.rosterEmployeeNumber,
      kind: mailLog.kind,
      recipient: mailLog.recipient,
      sender: mailLog.sender,
      subject: mailLog.subject,
      transport: mailLog.transport,
      status: mailLog.status,
      messageId: mailLog.messageId,
      error: mailLog.error,
      createdAt: mailLog.createdAt,
    })
    .from(mailLog)
    .where(
      or(
        employeeId != null ? eq(mailLog.employeeId, employeeId) : undefined,
        employeeNumber != null ? eq(mailLog.rosterEmployeeNumber, employeeNumber) : undefined,
      ),
    )
    .orderBy(desc(mailLog.id));
}
