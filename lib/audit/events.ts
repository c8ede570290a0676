import "server-only";

import { asc, desc, gt, sql } from "drizzle-orm";
import { AUDIT_CHAIN_LOCK } from "@/lib/db/advisory-locks";
import { type Executor, getDb, type Tx } from "@/lib/db/client";
import { type AuditEvent, auditEvents } from "@/lib/db/schema";
import { logEvent } from "@/lib/log";
import { GENESIS_HASH, hashAuditEvent } from "./hash";

export type AuditEventInput = {
  actorEmployeeId?: number | null;
  actorLabel: string;
  action: string;
  subjectType?: string | null;
  subjectId?: string | number | null;
  data?: Record<string, unknown>;
};

/**
 * Append one event to the hash chain. Must run inside the transaction of the change it records,
 * so the change and its audit row commit or roll back together. The transaction-scoped advisory
 * lock serialises appenders, which keeps seq gapless and prev_hash pointing at the true last row.
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<AuditEvent> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);

  const fields = {
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    // Millisecond precision, so the value read back from timestamptz hashes identically.
    occurredAt: new Date(),
    actorEmployeeId: input.actorEmployeeId ?? null,
    actorLabel: input.actorLabel,
    action: input.action,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId == null ? null : String(input.subjectId),
    // Normalised through JSON so what is hashed is exactly what jsonb will give back.
    data: JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>,
  };
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, hash: hashAuditEvent(fields) })
    .returning();
  // The operator's view of publications, exports, reminders, sign-ins and the rest: the action and
  // who did it, never the event's data. Logged as appended; should the transaction roll back
  // later, the audit trail (not the log) is the record. Outside a request (the seed at startup,
  // which writes hundreds on a first demo start) only at debug level.
  logEvent(
    "info",
    {
      event: "audit",
      action: row.action,
      seq: row.seq,
      employeeId: row.actorEmployeeId,
      subjectType: row.subjectType,
    },
    `Audit event: ${row.action}`,
    { outsideRequest: "debug" },
  );
  return row;
}

export type AuditBreakReason = "seq_gap" | "prev_hash_mismatch" | "hash_mismatch";

export type AuditChainResult =
  | { ok: true; count: number }
  | {
      ok: false;
      count: number;
      firstBroken: { seq: number; reason: AuditBreakReason; message: string };
    };

const BATCH = 1_000;

/**
 * Walk the chain in seq order. An altered row fails its own hash; a removed row leaves a seq gap
 * or a prev_hash that no longer matches; rows swapped between seq numbers fail their hashes.
 * Removing the newest rows is not detectable from the chain alone.
 */
export async function verifyAuditChain({ db }: { db?: Executor } = {}): Promise<AuditChainResult> {
  const executor = db ?? (await getDb());
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;

  for (;;) {
    const rows = await executor
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);

    for (const row of rows) {
      const broken = checkRow(row, expectedSeq, prevHash);
      if (broken) return { ok: false, count, firstBroken: broken };
      count++;
      expectedSeq = row.seq + 1;
      prevHash = row.hash;
    }
    if (rows.length < BATCH) return { ok: true, count };
  }
}

function checkRow(row: AuditEvent, expectedSeq: number, prevHash: string) {
  if (row.seq !== expectedSeq) {
    return {
      seq: row.seq,
      reason: "seq_gap" as const,
      message:
        expectedSeq === 1
          ? `De keten begint bij volgnummer ${row.seq} in plaats van 1: de eerste rijen ontbreken.`
          : `Na volgnummer ${expectedSeq - 1} volgt ${row.seq}: er ontbreken rijen.`,
    };
  }
  if (row.prevHash !== prevHash) {
    return {
      seq: row.seq,
      reason: "prev_hash_mismatch" as const,
      message: `De vorige-hash van rij ${row.seq} past niet bij rij ${row.seq - 1}: een van beide is vervangen.`,
    };
  }
  if (hashAuditEvent(row) !== row.hash) {
    return {
      seq: row.seq,
      reason: "hash_mismatch" as const,
      message: `De inhoud van rij ${row.seq} komt niet overeen met de hash: de rij is gewijzigd.`,
    };
  }
  return null;
}
