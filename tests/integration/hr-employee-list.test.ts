// P&O's list of employees on a real database: roster entries with and without an account, an
// account that is not on the roster, someone who left, and the state rule before and after the
// deadline. The list's statuses must agree with acknowledgementStates for every account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { acknowledgementStates } from "@/lib/acknowledgements/reports";
import type { Employee } from "@/lib/db/schema";
import { recordSignIn } from "@/lib/employees/queries";
import {
  DEFAULT_FILTER,
  employeeListSearchParams,
  type EmployeeListFilter,
  listDepartments,
  listEmployees,
  parseEmployeeListFilter,
  streamEmployees,
  summarizeEmployees,
} from "@/lib/hr/employee-list";
import type { Version } from "@/lib/policy/versions";
import { applyRosterImport } from "@/lib/roster/import";
import { linkAccount } from "@/lib/roster/linking";
import type { RosterRow } from "@/lib/roster/values";
import { createTestStore, createVersion, type TestStore, uniquePolicy } from "@/tests/support/db";

const hr = { employeeId: null, label: "P&O (test)" };
const DAY = 24 * 60 * 60 * 1000;

function row(n: number, name: string, department: string): RosterRow {
  return {
    employeeNumber: String(n),
    name,
    email: `${name.toLowerCase()}@kempenhaeghe.example`,
    department,
    manager: null,
    startDate: "2020-01-01",
    endDate: null,
  };
}

let store: TestStore;
let policy: string;
let v2: Version;
let accounts: Record<string, Employee>;
const before = new Date();
const after = new Date(before.getTime() + 3 * DAY);

const filter = (overrides: Partial<EmployeeListFilter> = {}): EmployeeListFilter => ({
  ...DEFAULT_FILTER,
  ...overrides,
});

beforeAll(async () => {
  store = await createTestStore();
  const { db } = store;
  policy = uniquePolicy();
  const roster = [
    row(1, "Anna", "Epilepsiezorg"),
    row(2, "Bram", "Epilepsiezorg"),
    row(10, "Cees", "Slaapgeneeskunde"),
    row(4, "Dirk", "Slaapgeneeskunde"),
    row(5, "Eva", "Slaapgeneeskunde"),
  ];
  await applyRosterImport({ db, actor: hr, rows: roster });
  // Dirk is no longer in the next import: he left.
  await applyRosterImport({ db, actor: hr, rows: roster.filter((r) => r.name !== "Dirk") });

  accounts = {};
  for (const name of ["Anna", "Bram", "Dirk", "Eva", "Frits"]) {
    accounts[name] = await recordSignIn({
      db,
      issuer: "http://127.0.0.1:3001",
      subject: `list-${name}`,
      name: `${name} (IdP)`,
      email: `${name.toLowerCase()}@kempenhaeghe.example`,
      department: name === "Frits" ? "Onderwijs" : null,
    });
  }
  const numbers: Record<string, string> = { Anna: "1", Bram: "2", Dirk: "4", Eva: "5" };
  for (const [name, employeeNumber] of Object.entries(numbers))
    await linkAccount({ db, actor: hr, employeeId: accounts[name].id, employeeNumber });

  const v1 = await createVersion({ db, policy });
  await acknowledgeVersion({
    db,
    employeeId: accounts.Eva.id,
    versionId: v1.id,
    contentHash: v1.contentHash,
    userAgent: null,
  });
  v2 = await createVersion({ db, policy, deadline: new Date(before.getTime() + DAY) });
  for (const name of ["Anna", "Dirk", "Frits"])
    await acknowledgeVersion({
      db,
      employeeId: accounts[name].id,
      versionId: v2.id,
      contentHash: v2.contentHash,
      userAgent: null,
    });
});
afterAll(() => store?.close());

async function statuses(now: Date, f: EmployeeListFilter = filter()) {
  const page = await listEmployees({ db: store.db, policy, now, filter: { ...f, perPage: 100 } });
  return Object.fromEntries(page.rows.map((r) => [r.name, r.status]));
}

describe("the P&O employee list", () => {
  it("spans the roster with and without accounts and accounts not on the roster, one status each", async () => {
    expect(await statuses(before)).toEqual({
      Anna: "acknowledged",
      Bram: "outstanding",
      Cees: "outstanding",
      Dirk: "left",
      Eva: "outstanding",
      "Frits (IdP)": "unlinked",
    });
    expect(await statuses(after)).toEqual({
      Anna: "acknowledged",
      Bram: "overdue",
      Cees: "overdue",
      Dirk: "left",
      Eva: "overdue",
      "Frits (IdP)": "unlinked",
    });
  });

  it("carries the roster's data, the account, the acknowledged version and its time", async () => {
    const { rows } = await listEmployees({
      db: store.db,
      policy,
      now: before,
      filter: filter({ search: "anna" }),
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      employeeNumber: "1",
      name: "Anna",
      email: "anna@kempenhaeghe.example",
      department: "Epilepsiezorg",
      accountId: accounts.Anna.id,
      acknowledgedVersionNumber: 2,
      state: "acknowledged",
      overdue: false,
      leftAt: null,
    });
    expect(rows[0].acknowledgedAt).toBeInstanceOf(Date);
    expect(rows[0].lastSignInAt).toBeInstanceOf(Date);

    const cees = await listEmployees({
      db: store.db,
      policy,
      now: after,
      filter: filter({ search: "10" }),
    });
    expect(cees.rows.map((r) => [r.name, r.accountId, r.state, r.overdue])).toEqual([
      ["Cees", null, "outstanding", true],
    ]);
    const eva = await listEmployees({
      db: store.db,
      policy,
      now: before,
      filter: filter({ search: "Eva" }),
    });
    expect(eva.rows[0]).toMatchObject({ state: "changed", acknowledgedVersionNumber: 1 });
  });

  it("agrees with the state rule's SQL for every account", async () => {
    for (const now of [before, after]) {
      const states = acknowledgementStates({ policy, now });
      const expected = await store.db.select().from(states);
      const { rows } = await listEmployees({
        db: store.db,
        policy,
        now,
        filter: filter({ perPage: 100 }),
      });
      for (const r of rows.filter((r) => r.accountId !== null)) {
        const state = expected.find((s) => s.employeeId === r.accountId)!;
        expect([r.name, r.state, r.overdue]).toEqual([r.name, state.state, state.overdue]);
      }
    }
  });

  it("filters by status (outstanding includes overdue), department and search", async () => {
    expect(Object.keys(await statuses(after, filter({ status: "outstanding" })))).toEqual([
      "Bram",
      "Cees",
      "Eva",
    ]);
    expect(Object.keys(await statuses(before, filter({ status: "overdue" })))).toEqual([]);
    expect(Object.keys(await statuses(after, filter({ status: "overdue" })))).toHaveLength(3);
    expect(Object.keys(await statuses(after, filter({ status: "left" })))).toEqual(["Dirk"]);
    expect(Object.keys(await statuses(after, filter({ status: "unlinked" })))).toEqual([
      "Frits (IdP)",
    ]);
    expect(Object.keys(await statuses(after, filter({ status: "acknowledged" })))).toEqual([
      "Anna",
    ]);
    expect(
      Object.keys(
        await statuses(after, filter({ department: "Slaapgeneeskunde", status: "outstanding" })),
      ),
    ).toEqual(["Cees", "Eva"]);
    // A search for a number matches numbers that start with it; % is taken literally.
    expect(Object.keys(await statuses(after, filter({ search: "1" })))).toEqual(["Anna", "Cees"]);
    expect(Object.keys(await statuses(after, filter({ search: "%" })))).toEqual([]);
  });

  it("sorts both ways with a stable tie-break and pages with a total", async () => {
    const byNumber = await listEmployees({
      db: store.db,
      policy,
      now: after,
      filter: filter({ sort: "employeeNumber", perPage: 25 }),
    });
    // Numbers sort as numbers; the unlinked account has none and comes first.
    expect(byNumber.rows.map((r) => r.employeeNumber)).toEqual([null, "1", "2", "4", "5", "10"]);
    const desc = await listEmployees({
      db: store.db,
      policy,
      now: after,
      filter: filter({ sort: "name", order: "desc" }),
    });
    expect(desc.rows.map((r) => r.name)).toEqual([
      "Frits (IdP)",
      "Eva",
      "Dirk",
      "Cees",
      "Bram",
      "Anna",
    ]);

    const page2 = await listEmployees({
      db: store.db,
      policy,
      now: after,
      filter: filter({ perPage: 25, page: 1 }),
    });
    expect(page2).toMatchObject({ total: 6, page: 1, pageCount: 1 });
    // A page past the end shows the last page.
    const beyond = await listEmployees({
      db: store.db,
      policy,
      now: after,
      filter: filter({ page: 9 }),
    });
    expect(beyond.page).toBe(1);
    expect(beyond.rows).toHaveLength(6);
  });

  it("streams every matching row in the list's order, in keyset batches", async () => {
    for (const sort of [
      "name",
      "employeeNumber",
      "status",
      "acknowledgedAt",
      "lastSignInAt",
    ] as const) {
      for (const order of ["asc", "desc"] as const) {
        const f = filter({ sort, order, perPage: 100 });
        const all = await listEmployees({ db: store.db, policy, now: after, filter: f });
        const streamed = [];
        for await (const r of streamEmployees({
          db: store.db,
          policy,
          now: after,
          filter: f,
          batchSize: 2,
        }))
          streamed.push(r.rowKey);
        expect(streamed).toEqual(all.rows.map((r) => r.rowKey));
      }
    }
  });

  it("counts per department in SQL, matching the list", async () => {
    const { overall, departments } = await summarizeEmployees({ db: store.db, policy, now: after });
    expect(overall).toEqual({
      acknowledged: 1,
      outstanding: 0,
      overdue: 3,
      left: 1,
      unlinked: 1,
      active: 4,
    });
    expect(departments).toEqual([
      {
        department: "Epilepsiezorg",
        acknowledged: 1,
        outstanding: 0,
        overdue: 1,
        left: 0,
        unlinked: 0,
        active: 2,
      },
      {
        department: "Onderwijs",
        acknowledged: 0,
        outstanding: 0,
        overdue: 0,
        left: 0,
        unlinked: 1,
        active: 0,
      },
      {
        department: "Slaapgeneeskunde",
        acknowledged: 0,
        outstanding: 0,
        overdue: 2,
        left: 1,
        unlinked: 0,
        active: 2,
      },
    ]);
    expect(await listDepartments({ db: store.db })).toEqual([
      "Epilepsiezorg",
      "Onderwijs",
      "Slaapgeneeskunde",
    ]);
  });

  it("reads the filter from the URL, dropping what does not fit, and writes it back", () => {
    const parsed = parseEmployeeListFilter(
      new URLSearchParams(
        "q=+Jan+&afdeling=Onderwijs&status=te-laat&sorteer=nummer&volgorde=af&pagina=3&per=50",
      ),
    );
    expect(parsed).toEqual({
      search: "Jan",
      department: "Onderwijs",
      status: "overdue",
      sort: "employeeNumber",
      order: "desc",
      page: 3,
      perPage: 50,
    });
    expect(employeeListSearchParams(parsed).toString()).toBe(
      "q=Jan&afdeling=Onderwijs&status=te-laat&sorteer=nummer&volgorde=af&pagina=3&per=50",
    );
    expect(
      parseEmployeeListFilter({
        status: "weg",
        sorteer: "x",
        pagina: "-1",
        per: "7",
        q: ["a", "b"],
      }),
    ).toEqual({ ...DEFAULT_FILTER, search: "a" });
    expect(parseEmployeeListFilter(undefined)).toEqual(DEFAULT_FILTER);
  });
});
