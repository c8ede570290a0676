import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { type AuditChainResult, verifyAuditChain } from "@/lib/audit/events";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/audit/hash";
import type { Tx } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { recordSignIn } from "@/lib/employees/queries";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { createEmployee, createTestStore, createVersion, type TestStore } from "@/tests/support/db";

let store: TestStore;
let total: number;

beforeAll(async () => {
  store = await createTestStore();
  // A realistic trail: a publication, sign-ins, acknowledgements, another publication.
  const v1 = await ensureInitialVersion({ db: store.db });
  for (let i = 0; i < 4; i++) {
    const employee = await createEmployee({ db: store.db });
    await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
  }
  await createVersion({ db: store.db, policy: v1.policy, material: true });
  total = (await store.db.select().from(auditEvents)).length;
});
afterAll(() => store?.close());

const ROLLBACK = new Error("rollback");

/** Tamper inside a transaction that is rolled back, with the guard triggers off, and verify before the rollback. */
async function verifyAfterTampering(tamper: (tx: Tx) => Promise<void>): Promise<AuditChainResult> {
  let result: AuditChainResult | undefined;
  // As the tables' owner: the application role cannot switch the triggers off.
  await store.ownerDb
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_refuse_update`);
      await tx.execute(sql`alter table audit_events disable trigger audit_events_refuse_delete`);
      await tamper(tx);
      result = await verifyAuditChain({ db: tx });
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  return result!;
}

describe("the audit trail's hash chain", () => {
  it("chains every event from the first one, and verifies", async () => {
    const rows = await store.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    for (const row of rows) expect(hashAuditEvent(row)).toBe(row.hash);
    expect(rows.map((row) => row.action)).toEqual([
      "policy.published",
      ...Array.from({ length: 4 }, () => ["auth.sign_in", "acknowledgement.created"]).flat(),
      "policy.published",
    ]);
    expect(await verifyAuditChain({ db: store.db })).toEqual({ ok: true, count: total });
  });

  it("stays gapless when many events are appended at once", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordSignIn({
          db: store.db,
          issuer: "http://127.0.0.1:3001",
          subject: `gelijktijdig-${i}`,
          name: `Gelijktijdig ${i}`,
        }),
      ),
    );
    const result = await verifyAuditChain({ db: store.db });
    expect(result).toEqual({ ok: true, count: total + 40 });
    total += 40;
  });

  it("names the row whose contents were altered", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      await tx
        .update(auditEvents)
        .set({ data: { versionId: 999 } })
        .where(eq(auditEvents.seq, 3));
    });
    expect(result).toMatchObject({
      ok: false,
      count: 2,
      firstBroken: { seq: 3, reason: "hash_mismatch" },
    });
  });

  it("names the row after one that was altered and given a fresh hash", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      const [row] = await tx.select().from(auditEvents).where(eq(auditEvents.seq, 4));
      const forged = { ...row, actorLabel: "iemand anders" };
      await tx
        .update(auditEvents)
        .set({ actorLabel: forged.actorLabel, hash: hashAuditEvent(forged) })
        .where(eq(auditEvents.seq, 4));
    });
    expect(result).toMatchObject({
      ok: false,
      firstBroken: { seq: 5, reason: "prev_hash_mismatch" },
    });
  });

  it("notices a removed row", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.seq, 6));
    });
    expect(result).toMatchObject({
      ok: false,
      count: 5,
      firstBroken: { seq: 7, reason: "seq_gap" },
    });
  });

  it("notices a removed first row", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.seq, 1));
    });
    expect(result).toMatchObject({
      ok: false,
      count: 0,
      firstBroken: { seq: 2, reason: "seq_gap" },
    });
  });

  it("notices a removed row when the later rows were renumbered to close the gap", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.seq, 6));
      // Shift in two steps so the primary key never collides.
      await tx.execute(sql`update audit_events set seq = seq + 1000000 where seq > 6`);
      await tx.execute(sql`update audit_events set seq = seq - 1000001 where seq > 1000000`);
    });
    expect(result).toMatchObject({
      ok: false,
      firstBroken: { seq: 6, reason: "prev_hash_mismatch" },
    });
  });

  it("notices two rows that swapped places", async () => {
    const result = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`update audit_events set seq = 1000000 where seq = 8`);
      await tx.execute(sql`update audit_events set seq = 8 where seq = 9`);
      await tx.execute(sql`update audit_events set seq = 9 where seq = 1000000`);
    });
    expect(result).toMatchObject({ ok: false, count: 7, firstBroken: { seq: 8 } });
  });

  it("is intact again after the tampering was rolled back", async () => {
    expect(await verifyAuditChain({ db: store.db })).toEqual({ ok: true, count: total });
  });
});
