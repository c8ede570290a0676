import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";
import {
  listAcknowledgements,
  type AcknowledgementWithVersion,
} from "@/lib/acknowledgements/queries";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDb, type Executor } from "@/lib/db/client";
import {
  acknowledgements,
  auditEvents,
  employees,
  policyVersions,
  rosterEntries,
  type Employee,
  type Reminder,
  type RosterEntry,
} from "@/lib/db/schema";
import { listMailForEmployee } from "@/lib/mail/outbox";
import { listRemindersForEmployee } from "@/lib/reminders/send";
import { parseReceiptReference, receiptReference } from "@/lib/receipts/receipt";
import { employeeListSource, type EmployeeListRow } from "./employee-list";

export type EmployeeDetail = {
  row: Pick<EmployeeListRow, "status" | "state" | "overdue" | "acknowledgedVersionNumber">;
  roster: RosterEntry | null;
  account: Employee | null;
  acknowledgements: (AcknowledgementWithVersion & { reference: string })[];
  reminders: Reminder[];
  mail: Awaited<ReturnType<typeof listMailForEmployee>>;
  signIns: { at: Date; firstSignIn: boolean }[];
};

/** A page key: a roster entry by employee number, or an account that is on no roster entry. */
export type EmployeeKey = { employeeNumber: string } | { accountId: number };

/** Everything P&O sees about one person, or null. Sign-ins: the newest 20 from the audit trail. */
export async function getEmployeeDetail({
  key,
  now,
  policy = DEFAULT_POLICY,
}: {
  key: EmployeeKey;
  now: Date;
  policy?: string;
}): Promise<EmployeeDetail | null> {
  const db = await getDb();
  let roster: RosterEntry | null = null;
  let account: Employee | null = null;
  if ("employeeNumber" in key) {
    [roster = null] = await db
      .select()
      .from(rosterEntries)
      .where(eq(rosterEntries.employeeNumber, key.employeeNumber))
      .limit(1);
    if (!roster) return null;
    [account = null] = await db
      .select()
      .from(employees)
      .where(eq(employees.rosterEmployeeNumber, key.employeeNumber))
      .limit(1);
  } else {
    [account = null] = await db
      .select()
      .from(employees)
      .where(eq(employees.id, key.accountId))
      .limit(1);
    // An account on the roster has its page under the employee number.
    if (!account || account.rosterEmployeeNumber) return null;
  }

  const list = employeeListSource({ policy, now });
  const rowKey = roster ? `R${roster.employeeNumber}` : `A${String(account!.id).padStart(12, "0")}`;
  const [row] = await db
    .select({
      status: list.status,
      state: list.state,
      overdue: sql<boolean>`${list.overdue}`.mapWith(Boolean),
      acknowledgedVersionNumber: sql<number | null>`${list.acknowledgedVersionNumber}`.mapWith(
        (value) => (value === null ? null : Number(value)),
      ),
    })
    .from(list)
    .where(eq(list.rowKey, rowKey))
    .limit(1);

  // Someone on the roster who never signed in can still have been reminded (at the roster's address).
  const recipient = {
    employeeId: account?.id ?? null,
    employeeNumber: roster?.employeeNumber ?? null,
  };
  if (!account) {
    const [reminders, mail] = await Promise.all([
      listRemindersForEmployee({ ...recipient, db }),
      listMailForEmployee({ ...recipient, db }),
    ]);
    return { row, roster, account, acknowledgements: [], reminders, mail, signIns: [] };
  }
  const [acks, reminders, mail, signInEvents] = await Promise.all([
    listAcknowledgements({ employeeId: account.id, db }),
    listRemindersForEmployee({ ...recipient, db }),
    listMailForEmployee({ ...recipient, db }),
    db
      .select({ at: auditEvents.occurredAt, data: auditEvents.data })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "auth.sign_in"),
          eq(auditEvents.subjectType, "employee"),
          eq(auditEvents.subjectId, String(account.id)),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(20),
  ]);
  return {
    row,
    roster,
    account,
    acknowledgements: acks.map((ack) => ({
      ...ack,
      reference: receiptReference(ack.version, ack.id),
    })),
    reminders,
    mail,
    signIns: signInEvents.map((event) => ({
      at: event.at,
      firstSignIn: event.data?.firstSignIn === true,
    })),
  };
}

export type ReceiptCheck =
  | {
      status: "genuine";
      acknowledgementId: number;
      reference: string;
      employeeName: string;
      employeeNumber: string | null;
      versionNumber: number;
      acknowledgedAt: Date;
      contentHash: string;
      hashMatches: boolean | null;
    }
  | { status: "version"; versionNumber: number; publishedAt: Date; acknowledgements: number }
  | { status: "not_found" };

const HASH = /^[0-9a-f]{64}$/;

/**
 * Is this receipt genuine? By its reference (kenmerk): the acknowledgement exists for that policy
 * and version; with a hash as well, it must be the hash stored with it. By a hash alone: it names
 * the text of a version (one hash is shared by everyone who acknowledged that version).
 */
export async function checkReceipt({
  reference,
  hash,
  db: executor,
}: {
  reference: string | null;
  hash: string | null;
  db?: Executor;
}): Promise<ReceiptCheck> {
  const db = executor ?? (await getDb());
  const normalizedHash = hash?.trim().toLowerCase() || null;
  if (normalizedHash && !HASH.test(normalizedHash)) return { status: "not_found" };

  if (reference?.trim()) {
    const parsed = parseReceiptReference(reference);
    if (!parsed) return { status: "not_found" };
    const [found] = await db
      .select({
        id: acknowledgements.id,
        contentHash: acknowledgements.contentHash,
        acknowledgedAt: acknowledgements.acknowledgedAt,
        policy: policyVersions.policy,
        versionNumber: policyVersions.number,
        employeeName: employees.name,
        employeeNumber: employees.rosterEmployeeNumber,
      })
      .from(acknowledgements)
      .innerJoin(policyVersions, eq(policyVersions.id, acknowledgements.versionId))
      .innerJoin(employees, eq(employees.id, acknowledgements.employeeId))
      .where(
        and(
          eq(acknowledgements.id, parsed.id),
          eq(policyVersions.policy, parsed.policy),
          eq(policyVersions.number, parsed.versionNumber),
        ),
      )
      .limit(1);
    if (!found) return { status: "not_found" };
    const hashMatches = normalizedHash ? normalizedHash === found.contentHash : null;
    if (hashMatches === false) return { status: "not_found" };
    return {
      status: "genuine",
      acknowledgementId: found.id,
      reference: receiptReference({ policy: found.policy, number: found.versionNumber }, found.id),
      employeeName: found.employeeName,
      employeeNumber: found.employeeNumber,
      versionNumber: found.versionNumber,
      acknowledgedAt: found.acknowledgedAt,
      contentHash: found.contentHash,
      hashMatches,
    };
  }

  if (!normalizedHash) return { status: "not_found" };
  const [version] = await db
    .select({
      versionNumber: policyVersions.number,
      publishedAt: policyVersions.publishedAt,
      acknowledgements: sql<number>`(select count(*) from ${acknowledgements} a
        where a.content_hash = ${normalizedHash})`.mapWith(Number),
    })
    .from(policyVersions)
    .where(eq(policyVersions.contentHash, normalizedHash))
    .orderBy(desc(policyVersions.number))
    .limit(1);
  return version ? { status: "version", ...version } : { status: "not_found" };
}
