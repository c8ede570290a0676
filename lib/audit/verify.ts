import "server-only";

import { asc, inArray, sql } from "drizzle-orm";
import { hashParts } from "@/lib/content/source";
import type { Executor } from "@/lib/db/client";
import {
  acknowledgements,
  type AuditEvent,
  auditEvents,
  employeePolicyStates,
  policyVersionParts,
  policyVersions,
} from "@/lib/db/schema";
import {
  type Checkpoint,
  type CheckpointConfig,
  type CheckpointFinding,
  verifyAgainstCheckpoints,
} from "./checkpoints";
import { type AuditChainResult, verifyAuditChain } from "./events";

// `audit:verify`: the hash chain, the chain against the signed checkpoints outside the database,
// every acknowledgement and version against its audit event, both ways, and the acknowledgement
// state the database keeps for P&O against the acknowledgements themselves.

export type RecordFinding = {
  kind:
    | "acknowledgement_without_event"
    | "event_without_acknowledgement"
    | "acknowledgement_mismatch"
    | "version_without_event"
    | "event_without_version"
    | "version_mismatch"
    | "version_parts_mismatch"
    | "duplicate_event";
  /** acknowledgement id or version id. */
  id: number;
  message: string;
};

export type EvidenceReport = {
  ok: boolean;
  chain: AuditChainResult;
  checkpoints: {
    configured: boolean;
    checked: number;
    latest: Pick<Checkpoint, "seq" | "hash" | "at"> | null;
    findings: CheckpointFinding[];
  };
  records: { acknowledgements: number; versions: number; findings: RecordFinding[] };
  /** employee_policy_states (kept by trigger, read by P&O's overview) against the acknowledgements. */
  keptStates: { checked: number; findings: KeptStateFinding[] };
};

export type KeptStateFinding = {
  kind: "kept_state_mismatch";
  employeeId: number;
  policy: string;
  message: string;
};

const ACK_EVENT = "acknowledgement.created";
const VERSION_EVENT = "policy.published";

export async function verifyEvidence({
  db,
  checkpoints,
}: {
  db: Executor;
  /** Where the checkpoints are; null when none are configured (then only the chain and records). */
  checkpoints: Pick<CheckpointConfig, "dir" | "keyFile"> | null;
}): Promise<EvidenceReport> {
  const chain = await verifyAuditChain({ db });
  const checkpointResult = checkpoints
    ? await verifyAgainstCheckpoints({ db, config: checkpoints })
    : { checked: 0, latest: null, findings: [] };
  const records = await crossCheckRecords(db);
  const keptStates = await crossCheckKeptStates(db);
  return {
    ok:
      chain.ok &&
      checkpointResult.findings.length === 0 &&
      records.findings.length === 0 &&
      keptStates.findings.length === 0,
    chain,
    checkpoints: {
      configured: checkpoints !== null,
      checked: checkpointResult.checked,
      latest: checkpointResult.latest
        ? {
            seq: checkpointResult.latest.seq,
            hash: checkpointResult.latest.hash,
            at: checkpointResult.latest.at,
          }
        : null,
      findings: checkpointResult.findings,
    },
    records,
    keptStates,
  };
}

// Enough to act on; the rest of a mass mismatch adds nothing.
const MAX_KEPT_STATE_FINDINGS = 100;

/**
 * Each (employee, policy) in employee_policy_states must hold the highest version they
 * acknowledged and its time, and every employee with an acknowledgement must have a row. A
 * difference means the table was written around the trigger, or acknowledgements were changed
 * with the triggers off: P&O's overview would then show states the evidence does not support.
 */
async function crossCheckKeptStates(db: Executor): Promise<EvidenceReport["keptStates"]> {
  const result = await db.execute(sql`
    with expected as (
      select distinct on (a.employee_id, v.policy)
        a.employee_id, v.policy, v.number, a.acknowledged_at
      from ${acknowledgements} a join ${policyVersions} v on v.id = a.version_id
      order by a.employee_id, v.policy, v.number desc
    )
    select coalesce(e.employee_id, k.employee_id) as "employeeId",
      coalesce(e.policy, k.policy) as "policy",
      e.number as "expectedNumber", k.acknowledged_version_number as "keptNumber"
    from expected e full join ${employeePolicyStates} k
      on k.employee_id = e.employee_id and k.policy = e.policy
    where e.number is distinct from k.acknowledged_version_number
      or e.acknowledged_at is distinct from k.acknowledged_at
    order by 1, 2
    limit ${MAX_KEPT_STATE_FINDINGS}`);
  const rows = (
    result as unknown as {
      rows: {
        employeeId: number | string;
        policy: string;
        expectedNumber: number | string | null;
        keptNumber: number | string | null;
      }[];
    }
  ).rows;
  const version = (n: number | string | null) => (n === null ? "geen" : `versie ${n}`);
  const findings: KeptStateFinding[] = rows.map((row) => ({
    kind: "kept_state_mismatch",
    employeeId: Number(row.employeeId),
    policy: row.policy,
    message: `De bijgehouden stand van medewerker ${row.employeeId} voor ${row.policy} (${version(row.keptNumber)}) wijkt af van de bevestigingen (${version(row.expectedNumber)}, of een ander tijdstip): het P&O-overzicht toont een stand die de bevestigingen niet dragen.`,
  }));
  const [{ checked }] = await db
    .select({ checked: sql<number>`count(*)`.mapWith(Number) })
    .from(employeePolicyStates);
  return { checked, findings };
}

function byId(events: AuditEvent[]): Map<number, AuditEvent[]> {
  const map = new Map<number, AuditEvent[]>();
  for (const event of events) {
    const id = Number(event.subjectId);
    if (!Number.isSafeInteger(id)) continue;
    map.set(id, [...(map.get(id) ?? []), event]);
  }
  return map;
}

function differences(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  return Object.keys(expected).filter(
    (key) => JSON.stringify(expected[key]) !== JSON.stringify(actual[key]),
  );
}

async function crossCheckRecords(db: Executor): Promise<EvidenceReport["records"]> {
  const findings: RecordFinding[] = [];
  const versions = await db.select().from(policyVersions).orderBy(asc(policyVersions.id));
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const acks = await db.select().from(acknowledgements).orderBy(asc(acknowledgements.id));
  const events = await db
    .select()
    .from(auditEvents)
    .where(inArray(auditEvents.action, [ACK_EVENT, VERSION_EVENT]))
    .orderBy(asc(auditEvents.seq));

  // Acknowledgements ↔ "acknowledgement.created".
  const ackEvents = byId(events.filter((event) => event.action === ACK_EVENT));
  for (const ack of acks) {
    const found = ackEvents.get(ack.id) ?? [];
    ackEvents.delete(ack.id);
    if (found.length === 0) {
      findings.push({
        kind: "acknowledgement_without_event",
        id: ack.id,
        message: `Bevestiging ${ack.id} (medewerker ${ack.employeeId}, versie-id ${ack.versionId}, ${ack.acknowledgedAt.toISOString()}) heeft geen auditgebeurtenis: de rij is buiten het portaal toegevoegd.`,
      });
      continue;
    }
    if (found.length > 1) {
      findings.push({
        kind: "duplicate_event",
        id: ack.id,
        message: `Bevestiging ${ack.id} heeft ${found.length} auditgebeurtenissen (volgnummers ${found.map((event) => event.seq).join(", ")}).`,
      });
    }
    const event = found[0];
    const version = versionById.get(ack.versionId);
    const expected = {
      employeeId: ack.employeeId,
      versionId: ack.versionId,
      contentHash: ack.contentHash,
      acknowledgedAt: ack.acknowledgedAt.toISOString(),
      policy: version?.policy,
      versionNumber: version?.number,
    };
    const changed = differences(expected, event.data);
    if (event.actorEmployeeId !== ack.employeeId) changed.push("actor");
    if (changed.length > 0) {
      findings.push({
        kind: "acknowledgement_mismatch",
        id: ack.id,
        message: `Bevestiging ${ack.id} wijkt af van auditgebeurtenis ${event.seq} (${changed.join(", ")}).`,
      });
    }
  }
  for (const [id, orphaned] of ackEvents) {
    for (const event of orphaned) {
      findings.push({
        kind: "event_without_acknowledgement",
        id,
        message: `Auditgebeurtenis ${event.seq} legt bevestiging ${id} vast (medewerker ${String(event.data.employeeId)}, ${String(event.data.acknowledgedAt)}), maar die bevestiging bestaat niet meer: de rij is verwijderd.`,
      });
    }
  }

  // Versions ↔ "policy.published", and each version's parts against its content hash.
  const versionEvents = byId(events.filter((event) => event.action === VERSION_EVENT));
  const parts = await db
    .select({
      versionId: policyVersionParts.versionId,
      slug: policyVersionParts.slug,
      order: policyVersionParts.order,
      source: policyVersionParts.source,
    })
    .from(policyVersionParts);
  for (const version of versions) {
    const found = versionEvents.get(version.id) ?? [];
    versionEvents.delete(version.id);
    const own = parts
      .filter((part) => part.versionId === version.id)
      .sort((a, b) => a.order - b.order);
    if (hashParts(own) !== version.contentHash) {
      findings.push({
        kind: "version_parts_mismatch",
        id: version.id,
        message: `De onderdelen van versie ${version.number} (${version.policy}) passen niet bij de inhoudshash van die versie.`,
      });
    }
    if (found.length === 0) {
      findings.push({
        kind: "version_without_event",
        id: version.id,
        message: `Versie ${version.number} van ${version.policy} (id ${version.id}) heeft geen auditgebeurtenis: de rij is buiten het portaal toegevoegd.`,
      });
      continue;
    }
    if (found.length > 1) {
      findings.push({
        kind: "duplicate_event",
        id: version.id,
        message: `Versie-id ${version.id} heeft ${found.length} auditgebeurtenissen (volgnummers ${found.map((event) => event.seq).join(", ")}).`,
      });
    }
    const event = found[0];
    const expected: Record<string, unknown> = {
      policy: version.policy,
      number: version.number,
      contentHash: version.contentHash,
      material: version.material,
      deadline: version.deadline?.toISOString() ?? null,
      summary: version.summary,
      parts: own.map((part) => part.slug),
    };
    // Events written before publishedAt was recorded in them are checked on the rest.
    if ("publishedAt" in event.data) expected.publishedAt = version.publishedAt.toISOString();
    const changed = differences(expected, event.data);
    if ((event.actorEmployeeId ?? null) !== (version.publishedByEmployeeId ?? null))
      changed.push("actor");
    if (event.actorLabel !== version.publishedByLabel) changed.push("publishedByLabel");
    if (changed.length > 0) {
      findings.push({
        kind: "version_mismatch",
        id: version.id,
        message: `Versie ${version.number} van ${version.policy} wijkt af van auditgebeurtenis ${event.seq} (${changed.join(", ")}).`,
      });
    }
  }
  for (const [id, orphaned] of versionEvents) {
    for (const event of orphaned) {
      findings.push({
        kind: "event_without_version",
        id,
        message: `Auditgebeurtenis ${event.seq} legt versie ${String(event.data.number)} van ${String(event.data.policy)} (id ${id}) vast, maar die versie bestaat niet meer.`,
      });
    }
  }
  return { acknowledgements: acks.length, versions: versions.length, findings };
}
