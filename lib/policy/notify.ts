import "server-only";

import { appendAuditEvent } from "@/lib/audit/events";
import { type Db, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { deliverMail } from "@/lib/mail/send";
import { getMailer, type Mailer } from "@/lib/mail/transport";
import { renderNewVersionMail } from "@/lib/policy/notification-mail";
import type { Publisher, Version } from "@/lib/policy/versions";
import { selectOutstandingEmployees } from "@/lib/reminders/recipients";

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export type NotificationResult = {
  /** Active employees who have not acknowledged the new version. */
  selected: number;
  sent: number;
  failed: number;
  noEmail: number;
  transport: Mailer["transport"];
};

/**
 * After a material publication: one mail to every active employee who has to acknowledge it (the
 * same population as P&O's reminders: accounts not marked as left on the roster), each logged in
 * the mail log, and one audit event for the batch. A failed mail does not stop the batch.
 */
export async function notifyNewVersion({
  version,
  actor,
  mailer,
  portalUrl,
  now = new Date(),
  db,
}: {
  version: Version;
  actor: Publisher;
  mailer?: Mailer;
  portalUrl?: string;
  now?: Date;
  db?: Db;
}): Promise<NotificationResult> {
  const executor = db ?? (await getDb());
  const transport = mailer ?? getMailer();
  const origin = portalUrl ?? env.NEXTAUTH_URL;
  const recipients = await selectOutstandingEmployees({
    db: executor,
    policy: version.policy,
    target: { filter: {} },
    now,
  });
  const result: NotificationResult = {
    selected: recipients.length,
    sent: 0,
    failed: 0,
    noEmail: 0,
    transport: transport.transport,
  };
  for (const employee of recipients) {
    if (!employee.email || !ADDRESS.test(employee.email)) {
      result.noEmail++;
      continue;
    }
    const mail = renderNewVersionMail({
      name: employee.name,
      versionNumber: version.number,
      summary: version.summary,
      deadline: version.deadline,
      portalUrl: origin,
    });
    const delivery = await deliverMail({
      db: executor,
      mailer: transport,
      employeeId: employee.employeeId,
      kind: "new_version",
      mail: { to: { name: employee.name, address: employee.email }, ...mail },
    });
    if (delivery.status === "sent") result.sent++;
    else result.failed++;
  }
  await executor.transaction((tx) =>
    appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId ?? null,
      actorLabel: actor.label,
      action: "policy.notification_sent",
      subjectType: "policy_version",
      subjectId: version.id,
      data: { policy: version.policy, number: version.number, ...result },
    }),
  );
  return result;
}
