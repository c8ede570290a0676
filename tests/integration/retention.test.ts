import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { verifyAuditChain } from "@/lib/audit/events";
import { acknowledgements, auditEvents, employees, rosterEntries } from "@/lib/db/schema";
import { ERASED_TEXT, erasePersonalData, listRetentionCandidates } from "@/lib/hr/retention";
import { AppError } from "@/lib/errors";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

// Erasure after employment plus two years, on the real store: PGlite by default, PostgreSQL with
// TEST_DATABASE_URL.

const NOW = new Date("2030-06-15T10:00:00Z");
const HR = { employeeId: null, label: "P&O (test)" };

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

async function rosterEntry(values: {
  employeeNumber: string;
  endDate?: string | null;
  leftAt?: Date | null;
}) {
  await store.db.insert(rosterEntries).values({
    employeeNumber: values.employeeNumber,
    name: `Naam ${values.employeeNumber}`,
    email: `${values.employeeNumber}@kempenhaeghe.test`,
    department: "Slaapgeneeskunde",
    manager: "Leidinggevende",
    startDate: "2015-01-01",
    endDate: values.endDate ?? null,
    leftAt: values.leftAt ?? null,
  });
}

describe("retention", () => {
  it("lists only leavers past employment plus two years", async () => {
    const prefix = `R${Date.now()}`;
    await rosterEntry({ employeeNumber: `${prefix}-old`, endDate: "2028-06-14" });
    await rosterEntry({ employeeNumber: `${prefix}-recent`, endDate: "2028-06-16" });
    await rosterEntry({
      employeeNumber: `${prefix}-left`,
      leftAt: new Date("2027-01-01T12:00:00Z"),
    });
    await rosterEntry({ employeeNumber: `${prefix}-current` });
    const { candidates } = await listRetentionCandidates({ now: NOW, db: store.db });
    const numbers = candidates.map((c) => c.employeeNumber).filter((n) => n.startsWith(prefix));
    expect(numbers.sort()).toEqual([`${prefix}-left`, `${prefix}-old`]);
  });

  it("erases a leaver's personal data, keeps the acknowledgement and the audit chain whole", async () => {
    const number = `E${Date.now()}`;
    await rosterEntry({ employeeNumber: number, endDate: "2027-12-31" });
    const account = await createEmployee({ db: store.db, name: "Anna Vertrokken" });
    await store.db
      .update(employees)
      .set({ rosterEmployeeNumber: number })
      .where(eq(employees.id, account.id));
    const policy = uniquePolicy();
    const version = await createVersion({ db: store.db, policy });
    await acknowledgeVersion({
      db: store.db,
      employeeId: account.id,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: null,
    });

    const result = await erasePersonalData({
      employeeNumbers: [number],
      actor: HR,
      now: NOW,
      db: store.db,
    });
    expect(result).toEqual({ erased: 1, skipped: 0 });

    const [entry] = await store.db
      .select()
      .from(rosterEntries)
      .where(eq(rosterEntries.employeeNumber, number));
    expect(entry).toMatchObject({
      name: ERASED_TEXT,
      email: "",
      department: ERASED_TEXT,
      manager: null,
      startDate: null,
      endDate: null,
    });
    expect(entry.erasedAt).not.toBeNull();
    const [erasedAccount] = await store.db
      .select()
      .from(employees)
      .where(eq(employees.id, account.id));
    expect(erasedAccount).toMatchObject({ name: ERASED_TEXT, email: null, department: null });
    const kept = await store.db
      .select()
      .from(acknowledgements)
      .where(eq(acknowledgements.employeeId, account.id));
    expect(kept).toHaveLength(1);

    const [event] = await store.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "personal_data.erased"))
      .orderBy(auditEvents.seq);
    expect(JSON.stringify(event.data)).not.toContain("Anna");
    expect(event.data).toMatchObject({ count: 1, employeeIds: [account.id] });
    expect(await verifyAuditChain({ db: store.db })).toMatchObject({ ok: true });

    // A second press finds nothing left to erase.
    expect(
      await erasePersonalData({ employeeNumbers: [number], actor: HR, now: NOW, db: store.db }),
    ).toEqual({ erased: 0, skipped: 1 });
  });

  it("refuses to erase someone still within the term", async () => {
    const number = `K${Date.now()}`;
    await rosterEntry({ employeeNumber: number, endDate: "2029-01-01" });
    const result = await erasePersonalData({
      employeeNumbers: [number],
      actor: HR,
      now: NOW,
      db: store.db,
    });
    expect(result).toEqual({ erased: 0, skipped: 1 });
    await expect(
      erasePersonalData({ employeeNumbers: [], actor: HR, now: NOW, db: store.db }),
    ).rejects.toThrow(AppError);
  });
});
