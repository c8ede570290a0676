import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeVersion, listAcknowledgements } from "@/lib/acknowledgements/queries";
import { verifyAuditChain } from "@/lib/audit/events";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { acknowledgements, auditEvents, employees, rosterEntries } from "@/lib/db/schema";
import { DEMO_ACCOUNTS } from "@/lib/dev-idp/accounts";
import { recordSignIn } from "@/lib/employees/queries";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { buildDemoRoster, DEMO_ISSUER, DEMO_ROSTER_SIZE, seedDemoRoster } from "@/lib/roster/demo";
import { applyRosterImport, previewRosterImport } from "@/lib/roster/import";
import {
  linkAccount,
  linkAccountAtSignIn,
  listUnlinkedAccounts,
  unlinkAccount,
} from "@/lib/roster/linking";
import type { RosterRow } from "@/lib/roster/values";
import { createTestStore, type TestStore } from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

const hr = { employeeId: null, label: "P&O (test)" };

function row(n: number, overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    employeeNumber: String(n),
    name: `Medewerker ${n}`,
    email: `medewerker.${n}@kempenhaeghe.example`,
    department: "Slaapgeneeskunde",
    manager: null,
    startDate: "2020-01-01",
    endDate: null,
    ...overrides,
  };
}

// Every test works on its own block of employee numbers, but the roster is one table: each test
// imports the whole roster it expects, so it starts by clearing what earlier tests left.
beforeEach(async () => {
  await store.db.execute(sql`update employees set roster_employee_number = null`);
  await store.db.delete(rosterEntries);
});

describe("importing the roster", () => {
  it("previews new, changed, left, returning and unchanged, then applies exactly that", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(1), row(2), row(3), row(4)] });
    // 4 leaves; then 4 comes back while 3 leaves.
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(1), row(2), row(3)] });

    const next = [
      row(1),
      row(2, { department: "Epilepsiezorg – Kinderen", manager: "Zoë Smits" }),
      row(4),
      row(5),
    ];
    const preview = await previewRosterImport({ db: store.db, rows: next });
    expect(preview.counts).toEqual({
      total: 4,
      new: 1,
      changed: 1,
      left: 1,
      returning: 1,
      unchanged: 1,
    });
    expect(preview.new.map((entry) => entry.employeeNumber)).toEqual(["5"]);
    expect(preview.changed).toEqual([
      {
        employeeNumber: "2",
        name: "Medewerker 2",
        changes: [
          { field: "department", before: "Slaapgeneeskunde", after: "Epilepsiezorg – Kinderen" },
          { field: "manager", before: null, after: "Zoë Smits" },
        ],
      },
    ]);
    expect(preview.left).toEqual([
      { employeeNumber: "3", name: "Medewerker 3", department: "Slaapgeneeskunde" },
    ]);
    expect(preview.returning).toEqual([{ employeeNumber: "4", name: "Medewerker 4", changes: [] }]);
    // A preview changes nothing.
    const [four] = await store.db
      .select()
      .from(rosterEntries)
      .where(eq(rosterEntries.employeeNumber, "4"));
    expect(four.leftAt).toBeInstanceOf(Date);

    const now = new Date("2026-11-20T02:00:00Z");
    const result = await applyRosterImport({
      db: store.db,
      actor: hr,
      rows: next,
      fileName: "afas-export.csv",
      expectedCounts: preview.counts,
      now,
    });
    expect(result.counts).toEqual(preview.counts);
    const entries = await store.db
      .select()
      .from(rosterEntries)
      .orderBy(rosterEntries.employeeNumber);
    expect(
      entries.map((entry) => [
        entry.employeeNumber,
        entry.department,
        entry.leftAt?.toISOString() ?? null,
      ]),
    ).toEqual([
      ["1", "Slaapgeneeskunde", null],
      ["2", "Epilepsiezorg – Kinderen", null],
      ["3", "Slaapgeneeskunde", now.toISOString()],
      ["4", "Slaapgeneeskunde", null],
      ["5", "Slaapgeneeskunde", null],
    ]);

    const [event] = await store.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "roster.imported"))
      .orderBy(sql`${auditEvents.seq} desc`)
      .limit(1);
    expect(event).toMatchObject({
      actorLabel: "P&O (test)",
      data: { fileName: "afas-export.csv", counts: preview.counts, linked: [] },
    });
  });

  it("is idempotent: the same file twice changes nothing the second time", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => row(10_000 + i));
    const first = await applyRosterImport({ db: store.db, actor: hr, rows });
    expect(first.counts).toMatchObject({ new: 1_200, unchanged: 0 });
    const before = await store.db.select().from(rosterEntries);
    const second = await applyRosterImport({ db: store.db, actor: hr, rows });
    expect(second.counts).toEqual({
      total: 1_200,
      new: 0,
      changed: 0,
      left: 0,
      returning: 0,
      unchanged: 1_200,
    });
    expect(await store.db.select().from(rosterEntries)).toEqual(before);
  });

  it("refuses to apply when the roster changed since the preview HR confirmed", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(1)] });
    const preview = await previewRosterImport({ db: store.db, rows: [row(1), row(2)] });
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(1), row(3)] });
    await expect(
      applyRosterImport({
        db: store.db,
        actor: hr,
        rows: [row(1), row(2)],
        expectedCounts: preview.counts,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message:
        "Het personeelsbestand is gewijzigd sinds het voorbeeld werd gemaakt. Bekijk het voorbeeld opnieuw en bevestig dan.",
    });
    const numbers = (await store.db.select().from(rosterEntries)).map((e) => e.employeeNumber);
    expect(numbers.sort()).toEqual(["1", "3"]);
  });

  it("refuses an empty roster instead of marking everyone as left", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(1)] });
    await expect(applyRosterImport({ db: store.db, actor: hr, rows: [] })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const [entry] = await store.db.select().from(rosterEntries);
    expect(entry.leftAt).toBeNull();
  });

  it("runs two imports at once one after the other, never half of each", async () => {
    const a = Array.from({ length: 300 }, (_, i) => row(20_000 + i, { department: "A" }));
    const b = Array.from({ length: 300 }, (_, i) => row(20_150 + i, { department: "B" }));
    const [first, second] = await Promise.all([
      applyRosterImport({ db: store.db, actor: hr, rows: a }),
      applyRosterImport({ db: store.db, actor: hr, rows: b }),
    ]);
    const entries = await store.db.select().from(rosterEntries);
    const current = entries.filter((entry) => !entry.leftAt);
    // Whichever ran last is the roster; the other's extra people are marked as left.
    const lastRows = current.every((entry) => entry.department === "B") ? b : a;
    expect(current.map((e) => e.employeeNumber).sort()).toEqual(
      lastRows.map((r) => r.employeeNumber).sort(),
    );
    expect(entries).toHaveLength(450);
    const counts = [first.counts, second.counts].sort((x, y) => y.new - x.new);
    expect(counts[0]).toMatchObject({ new: 300, left: 0 });
    expect(counts[1]).toMatchObject({ new: 150, changed: 150, left: 150 });
  });
});

describe("leavers", () => {
  it("keep their account and acknowledgements when an import no longer lists them", async () => {
    const version = await ensureInitialVersion({ db: store.db });
    const employee = await recordSignIn({
      db: store.db,
      issuer: "https://idp.example",
      subject: "leaver-1",
      name: "Medewerker 30",
      email: "medewerker.30@kempenhaeghe.example",
    });
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(30), row(31)] });
    await linkAccount({ db: store.db, employeeId: employee.id, employeeNumber: "30", actor: hr });
    await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: null,
    });

    const result = await applyRosterImport({ db: store.db, actor: hr, rows: [row(31)] });
    expect(result.counts.left).toBe(1);
    const [entry] = await store.db
      .select()
      .from(rosterEntries)
      .where(eq(rosterEntries.employeeNumber, "30"));
    expect(entry.leftAt).toBeInstanceOf(Date);
    expect(await listAcknowledgements({ db: store.db, employeeId: employee.id })).toHaveLength(1);
    const [account] = await store.db.select().from(employees).where(eq(employees.id, employee.id));
    expect(account.rosterEmployeeNumber).toBe("30");
  });
});

describe("linking accounts to the roster", () => {
  async function signIn(subject: string, email: string) {
    return recordSignIn({
      db: store.db,
      issuer: "https://idp.example",
      subject,
      name: subject,
      email,
    });
  }

  it("links at sign-in by the employee-number claim, and writes an audit event", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(40)] });
    const account = await signIn("claim-40", "iemand.anders@kempenhaeghe.example");
    const link = await linkAccountAtSignIn({
      db: store.db,
      employeeId: account.id,
      claimedEmployeeNumber: "40",
      email: account.email,
      emailVerified: false,
    });
    expect(link).toEqual({ employeeId: account.id, employeeNumber: "40", method: "claim" });
    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "roster.account_linked"),
          eq(auditEvents.subjectId, String(account.id)),
        ),
      );
    expect(events.map((event) => event.data)).toEqual([
      { employeeId: account.id, employeeNumber: "40", method: "claim" },
    ]);
  });

  it("links by email only when the IdP verified it and there is no claim", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(41), row(42)] });
    const unverified = await signIn("mail-41", "medewerker.41@kempenhaeghe.example");
    expect(
      await linkAccountAtSignIn({
        db: store.db,
        employeeId: unverified.id,
        claimedEmployeeNumber: null,
        email: "Medewerker.41@kempenhaeghe.example",
        emailVerified: false,
      }),
    ).toBeNull();
    const verified = await signIn("mail-42", "medewerker.42@kempenhaeghe.example");
    expect(
      await linkAccountAtSignIn({
        db: store.db,
        employeeId: verified.id,
        claimedEmployeeNumber: null,
        email: "Medewerker.42@Kempenhaeghe.example",
        emailVerified: true,
      }),
    ).toEqual({ employeeId: verified.id, employeeNumber: "42", method: "email" });
  });

  it("lets an account that signs in before it is on the roster work, listed as unlinked, and links it at the next import", async () => {
    const early = await signIn("early-50", "nieuw@kempenhaeghe.example");
    expect(
      await linkAccountAtSignIn({
        db: store.db,
        employeeId: early.id,
        claimedEmployeeNumber: "50",
        email: early.email,
        emailVerified: true,
      }),
    ).toBeNull();
    const unlinked = await listUnlinkedAccounts({ db: store.db, search: "early-50" });
    expect(unlinked).toMatchObject({
      total: 1,
      accounts: [{ id: early.id, claimedEmployeeNumber: "50" }],
    });

    const byEmail = await signIn("early-51", "medewerker.51@kempenhaeghe.example");
    await linkAccountAtSignIn({
      db: store.db,
      employeeId: byEmail.id,
      claimedEmployeeNumber: null,
      email: byEmail.email,
      emailVerified: true,
    });
    const result = await applyRosterImport({ db: store.db, actor: hr, rows: [row(50), row(51)] });
    expect(result.linked).toEqual([
      { employeeId: early.id, employeeNumber: "50", method: "claim" },
      { employeeId: byEmail.id, employeeNumber: "51", method: "email" },
    ]);
    expect((await listUnlinkedAccounts({ db: store.db, search: "early-" })).total).toBe(0);
  });

  it("lets HR link by hand, refusing an entry or account that is linked elsewhere", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(60), row(61)] });
    const one = await signIn("hand-1", "x1@elders.example");
    const two = await signIn("hand-2", "x2@elders.example");
    expect(
      await linkAccount({ db: store.db, employeeId: one.id, employeeNumber: "60", actor: hr }),
    ).toEqual({ changed: true });
    expect(
      await linkAccount({ db: store.db, employeeId: one.id, employeeNumber: "60", actor: hr }),
    ).toEqual({ changed: false });
    await expect(
      linkAccount({ db: store.db, employeeId: two.id, employeeNumber: "60", actor: hr }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "Personeelsnummer 60 is al gekoppeld aan een ander account. Ontkoppel dat eerst.",
    });
    await expect(
      linkAccount({ db: store.db, employeeId: one.id, employeeNumber: "61", actor: hr }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "Dit account is al gekoppeld aan personeelsnummer 60. Ontkoppel het eerst.",
    });
    await expect(
      linkAccount({ db: store.db, employeeId: two.id, employeeNumber: "999", actor: hr }),
    ).rejects.toMatchObject({
      code: "not_found",
      message: "Personeelsnummer 999 staat niet in het personeelsbestand.",
    });
    expect(await unlinkAccount({ db: store.db, employeeId: one.id, actor: hr })).toEqual({
      changed: true,
    });
    expect(
      await linkAccount({ db: store.db, employeeId: two.id, employeeNumber: "60", actor: hr }),
    ).toEqual({ changed: true });
  });

  it("lets the database refuse two accounts on one roster entry", async () => {
    await applyRosterImport({ db: store.db, actor: hr, rows: [row(70)] });
    const a = await signIn("db-1", "db1@elders.example");
    const b = await signIn("db-2", "db2@elders.example");
    await store.db
      .update(employees)
      .set({ rosterEmployeeNumber: "70" })
      .where(eq(employees.id, a.id));
    await expect(
      store.db.update(employees).set({ rosterEmployeeNumber: "70" }).where(eq(employees.id, b.id)),
    ).rejects.toThrow();
  });
});

describe("the demo roster", () => {
  it("loads a few hundred fictional people once, with acknowledgements and leavers, and the chain holds", async () => {
    await ensureInitialVersion({ db: store.db });
    expect(await seedDemoRoster({ db: store.db })).toEqual({ seeded: true });
    expect(await seedDemoRoster({ db: store.db })).toEqual({ seeded: false });

    const entries = await store.db.select().from(rosterEntries);
    expect(entries.filter((entry) => !entry.leftAt)).toHaveLength(DEMO_ROSTER_SIZE);
    expect(entries.filter((entry) => entry.leftAt).length).toBeGreaterThan(0);
    const departments = new Set(entries.map((entry) => entry.department));
    expect(departments).toContain("Slaapgeneeskunde");
    expect(departments).toContain("Onderwijs – De Berkenschutse");
    for (const account of DEMO_ACCOUNTS)
      expect(
        entries.find((entry) => entry.employeeNumber === account.employeeNumber),
      ).toMatchObject({
        email: account.email,
        leftAt: null,
      });

    const people = buildDemoRoster();
    const [{ acks }] = await store.db
      .select({ acks: sql<number>`count(*)::int` })
      .from(acknowledgements)
      .innerJoin(employees, eq(employees.id, acknowledgements.employeeId))
      .where(and(eq(employees.issuer, DEMO_ISSUER)));
    expect(acks).toBe(people.filter((person) => person.acknowledged).length);
    expect(acks).toBeGreaterThan(100);
    expect(acks).toBeLessThan(DEMO_ROSTER_SIZE);
    expect((await listUnlinkedAccounts({ db: store.db, search: "demo-extern" })).total).toBe(0);
    expect((await listUnlinkedAccounts({ db: store.db, search: "uitzendkracht" })).total).toBe(1);
    expect(await verifyAuditChain({ db: store.db })).toMatchObject({ ok: true });
    expect(DEFAULT_POLICY).toBe("sociale-media");
  }, 120_000);
});
