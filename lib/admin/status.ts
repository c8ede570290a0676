import "server-only";

import { count, desc, eq } from "drizzle-orm";
import packageJson from "@/package.json";
import { appendAuditEvent, verifyAuditChain, type AuditChainResult } from "@/lib/audit/events";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDb, storeKind, type StoreKind } from "@/lib/db/client";
import { acknowledgements, auditEvents, employees } from "@/lib/db/schema";
import { employeeLabel } from "@/lib/employees/queries";
import { findCurrentVersion } from "@/lib/policy/versions";

export const AUDIT_VERIFIED_ACTION = "audit.verified";

export type PortalStatus = {
  appVersion: string;
  store: StoreKind;
  currentVersion: { number: number; publishedAt: Date } | null;
  employees: number;
  /** Rows stored, of every version. Who is up to date is the acknowledgement-state rule's job. */
  acknowledgements: number;
  audit: {
    events: number;
    /** The last verification run from /beheer (not `npm run audit:verify`, which writes nothing). */
    lastVerification: { at: Date; ok: boolean; count: number } | null;
  };
};

/**
 * What /beheer shows: counts only, no personal data. Verifying the whole chain reads every audit
 * row, so it is not done per page view; the last verification an admin ran is shown instead.
 */
export async function getPortalStatus(): Promise<PortalStatus> {
  const db = await getDb();
  const current = await findCurrentVersion({ policy: DEFAULT_POLICY, db });
  const [[employeeCount], [ackCount], [auditCount], [lastVerified]] = await Promise.all([
    db.select({ n: count() }).from(employees),
    db.select({ n: count() }).from(acknowledgements),
    db.select({ n: count() }).from(auditEvents),
    db
      .select({ at: auditEvents.occurredAt, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.action, AUDIT_VERIFIED_ACTION))
      .orderBy(desc(auditEvents.seq))
      .limit(1),
  ]);
  return {
    appVersion: packageJson.version,
    store: storeKind(),
    currentVersion: current ? { number: current.number, publishedAt: current.publishedAt } : null,
    employees: employeeCount.n,
    acknowledgements: ackCount.n,
    audit: {
      events: auditCount.n,
      lastVerification: lastVerified
        ? {
            at: lastVerified.at,
            ok: lastVerified.data.ok === true,
            count: Number(lastVerified.data.count ?? 0),
          }
        : null,
    },
  };
}

/**
 * Verifies the audit chain now and records that it was done, by whom and with what result, as an
 * audit event of its own (so a later reader sees when the chain was last known to be intact).
 */
export async function runAuditVerification({
  employeeId,
}: {
  employeeId: number;
}): Promise<AuditChainResult> {
  const result = await verifyAuditChain();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actorEmployeeId: employeeId,
      actorLabel: employeeLabel(employeeId),
      action: AUDIT_VERIFIED_ACTION,
      data: result.ok
        ? { ok: true, count: result.count }
        : { ok: false, count: result.count, firstBroken: result.firstBroken },
    });
  });
  return result;
}
