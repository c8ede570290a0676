import fs from "node:fs";
import path from "node:path";
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import {
  type CheckpointConfig,
  checkpointFile,
  configureCheckpoints,
  readCheckpoints,
  writeCheckpoint,
} from "@/lib/audit/checkpoints";
import { hashAuditEvent } from "@/lib/audit/hash";
import { type EvidenceReport, verifyEvidence } from "@/lib/audit/verify";
import type { Tx } from "@/lib/db/client";
import { acknowledgements, auditEvents, employeePolicyStates } from "@/lib/db/schema";
import { ensureInitialVersion, type Version } from "@/lib/policy/versions";
import {
  createEmployee,
  createTestStore,
  createVersion,
  makeTempDir,
  type TestStore,
} from "@/tests/support/db";

// What `npm run audit:verify` finds when someone with the database owner's rights rewrites history.
// Each case tampers inside a transaction that is rolled back, as the tables' owner with the guard
// triggers off, and verifies before the rollback.

let store: TestStore;
let config: CheckpointConfig;
let v1: Version;
let v2: Version;
const logged: string[] = [];

beforeAll(async () => {
  store = await createTestStore();
  const dir = await makeTempDir("portal-checkpoints-");
  config = {
    dir: path.join(dir, "checkpoints"),
    keyFile: path.join(dir, "keys", "signing-key.pem"),
    intervalMinutes: 15,
  };
  v1 = await ensureInitialVersion({ db: store.db });
  for (let i = 0; i < 3; i++) {
    const employee = await createEmployee({ db: store.db });
    await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
  }
  // A publication writes a checkpoint by itself once the process has a checkpoint folder.
  configureCheckpoints(config);
  try {
    v2 = await createVersion({ db: store.db, policy: v1.policy, material: true });
  } finally {
    configureCheckpoints(null);
  }
  // Two more events after the checkpoint: the newest rows are what a truncation removes.
  for (let i = 0; i < 2; i++) await createEmployee({ db: store.db });
  await writeCheckpoint({ db: store.db, config, reason: "test", log: (line) => logged.push(line) });
}, 60_000);
afterAll(() => store?.close());

const ROLLBACK = new Error("rollback");

async function verifyAfterTampering(tamper: (tx: Tx) => Promise<void>): Promise<EvidenceReport> {
  let report: EvidenceReport | undefined;
  await store.ownerDb
    .transaction(async (tx) => {
      for (const table of ["audit_events", "acknowledgements"]) {
        await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
      }
      await tamper(tx);
      report = await verifyEvidence({ db: tx, checkpoints: config });
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  return report!;
}

function kinds(report: EvidenceReport): string[] {
  return [
    ...report.checkpoints.findings.map((finding) => finding.kind),
    ...report.records.findings.map((finding) => finding.kind),
  ];
}

describe("signed checkpoints of the audit chain", () => {
  it("are written at publication and on request: to a private file outside the database, and to the log", async () => {
    const { checkpoints, unreadable } = readCheckpoints(config);
    expect(unreadable).toEqual([]);
    expect(checkpoints.map((checkpoint) => checkpoint.reason)).toEqual([
      `publish ${v2.policy} ${v2.number}`,
      "test",
    ]);
    const [head] = await store.db
      .select()
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(checkpoints.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash });
    expect(fs.statSync(checkpointFile(config)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(config.keyFile).mode & 0o777).toBe(0o600);
    expect(logged).toEqual([expect.stringMatching(/^\[audit-checkpoint\] \{"v":1,"seq":/)]);
    // Nothing new: no second line for the same head.
    expect(await writeCheckpoint({ db: store.db, config, reason: "test" })).toEqual({
      written: false,
      reason: "unchanged",
    });
  });

  it("verify with an intact trail", async () => {
    const report = await verifyEvidence({ db: store.db, checkpoints: config });
    expect(report.ok).toBe(true);
    expect(report.checkpoints.checked).toBe(2);
    expect(report.records).toEqual({ acknowledgements: 3, versions: 2, findings: [] });
  });

  it("reveal a row changed with every later hash recomputed with the project's own function", async () => {
    const report = await verifyAfterTampering(async (tx) => {
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(gt(auditEvents.seq, 2))
        .orderBy(asc(auditEvents.seq));
      const [previous] = await tx.select().from(auditEvents).where(eq(auditEvents.seq, 2));
      let prevHash = previous.hash;
      for (const row of rows) {
        const data = row.seq === 3 ? { ...row.data, firstSignIn: !row.data.firstSignIn } : row.data;
        const fields = { ...row, data, prevHash };
        const hash = hashAuditEvent(fields);
        await tx
          .update(auditEvents)
          .set({ data, prevHash, hash })
          .where(eq(auditEvents.seq, row.seq));
        prevHash = hash;
      }
    });
    // The chain alone is fooled…
    expect(report.chain.ok).toBe(true);
    // …the checkpoints are not.
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(["checkpoint_hash_mismatch", "checkpoint_hash_mismatch"]);
    expect(report.checkpoints.findings[0].message).toMatch(/herschreven/);
  });

  it("reveal deleted rows at the end of the trail", async () => {
    const report = await verifyAfterTampering(async (tx) => {
      const [head] = await tx.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
      await tx.delete(auditEvents).where(gt(auditEvents.seq, head.seq - 2));
    });
    expect(report.chain.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(["checkpoint_rows_missing"]);
    expect(report.checkpoints.findings[0].message).toMatch(/rijen aan het eind zijn verwijderd/);
  });

  it("reveal a checkpoint line that was forged or altered", async () => {
    const file = checkpointFile(config);
    const original = fs.readFileSync(file, "utf8");
    try {
      const lines = original.trimEnd().split("\n");
      const last = JSON.parse(lines.at(-1)!);
      lines.push(JSON.stringify({ ...last, seq: last.seq + 5 }));
      fs.writeFileSync(file, `${lines.join("\n")}\n`);
      const report = await verifyEvidence({ db: store.db, checkpoints: config });
      expect(kinds(report)).toEqual(["checkpoint_signature_invalid"]);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});

describe("acknowledgements and versions against the audit trail", () => {
  it("reveal a deleted acknowledgement", async () => {
    const [victim] = await store.db
      .select()
      .from(acknowledgements)
      .orderBy(asc(acknowledgements.id))
      .limit(1);
    const report = await verifyAfterTampering(async (tx) => {
      await tx.delete(acknowledgements).where(eq(acknowledgements.id, victim.id));
    });
    expect(report.chain.ok).toBe(true);
    expect(report.records.findings).toEqual([
      expect.objectContaining({ kind: "event_without_acknowledgement", id: victim.id }),
    ]);
    expect(report.records.findings[0].message).toMatch(/bestaat niet meer/);
    // P&O's overview still counts it: the kept state no longer matches the acknowledgements.
    expect(report.keptStates.findings).toEqual([
      expect.objectContaining({ kind: "kept_state_mismatch", employeeId: victim.employeeId }),
    ]);
  });

  it("reveal a kept state written around the acknowledgements", async () => {
    const [victim] = await store.db
      .select()
      .from(employeePolicyStates)
      .orderBy(asc(employeePolicyStates.employeeId))
      .limit(1);
    const report = await verifyAfterTampering(async (tx) => {
      // As if they had acknowledged v2: P&O's overview would count them as acknowledged.
      await tx
        .update(employeePolicyStates)
        .set({ acknowledgedVersionNumber: v2.number })
        .where(eq(employeePolicyStates.employeeId, victim.employeeId));
    });
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual([]);
    expect(report.keptStates.findings).toEqual([
      expect.objectContaining({ kind: "kept_state_mismatch", employeeId: victim.employeeId }),
    ]);
    expect(report.keptStates.findings[0].message).toMatch(/\(versie 2\) wijkt af .*\(versie 1,/);
  });

  it("reveal a forged acknowledgement inserted without its audit event", async () => {
    const report = await verifyAfterTampering(async (tx) => {
      const [employee] = await tx
        .select({ id: sql<number>`max(${acknowledgements.employeeId})` })
        .from(acknowledgements);
      // An employee who never acknowledged v2 "acknowledges" it, backdated, straight into the table.
      await tx.insert(acknowledgements).values({
        employeeId: employee.id,
        versionId: v2.id,
        contentHash: v2.contentHash,
        acknowledgedAt: new Date("2026-01-01T09:00:00Z"),
        userAgent: "vervalst",
      });
    });
    expect(report.chain.ok).toBe(true);
    expect(kinds(report)).toEqual(["acknowledgement_without_event"]);
    expect(report.records.findings[0].message).toMatch(/geen auditgebeurtenis/);
  });

  it("reveal an acknowledgement whose time or version was changed", async () => {
    const [victim] = await store.db
      .select()
      .from(acknowledgements)
      .orderBy(desc(acknowledgements.id))
      .limit(1);
    const report = await verifyAfterTampering(async (tx) => {
      await tx
        .update(acknowledgements)
        .set({ acknowledgedAt: new Date("2026-01-01T09:00:00Z") })
        .where(eq(acknowledgements.id, victim.id));
    });
    expect(report.records.findings).toEqual([
      expect.objectContaining({ kind: "acknowledgement_mismatch", id: victim.id }),
    ]);
    expect(report.records.findings[0].message).toMatch(/acknowledgedAt/);
  });

  it("reveal a version whose summary was rewritten", async () => {
    const report = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`alter table policy_versions disable trigger user`);
      await tx.execute(sql`update policy_versions set summary = 'Iets anders' where id = ${v2.id}`);
    });
    expect(kinds(report)).toEqual(["version_mismatch"]);
    expect(report.records.findings[0].message).toMatch(/summary/);
  });
});
