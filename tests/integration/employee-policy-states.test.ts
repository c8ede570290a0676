// employee_policy_states is kept by a trigger on acknowledgements (migration 0011): each
// employee's newest acknowledged version per policy, which the state rule's SQL form reads.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { and, eq } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import type { Db } from "@/lib/db/client";
import {
  acknowledgements,
  employeePolicyStates,
  employees,
  type PolicyVersion,
  policyVersions,
} from "@/lib/db/schema";
import {
  createEmployee,
  createEmptyDatabase,
  createTestStore,
  createVersion,
  makeTempDir,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

const MIGRATIONS = path.join(process.cwd(), "lib", "db", "migrations");
const THIS_MIGRATION = "0011_employee_policy_states";

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

async function insertVersions(db: Db, policy: string, count: number): Promise<PolicyVersion[]> {
  return db
    .insert(policyVersions)
    .values(
      Array.from({ length: count }, (_, i) => ({
        policy,
        number: i + 1,
        contentHash: randomBytes(32).toString("hex"),
        summary: `Versie ${i + 1}`,
        material: true,
        publishedByLabel: "Test",
      })),
    )
    .returning();
}

async function insertEmployee(db: Db) {
  const subject = `state-${randomBytes(6).toString("hex")}`;
  const [employee] = await db
    .insert(employees)
    .values({ issuer: "http://127.0.0.1:3001", subject, name: subject })
    .returning();
  return employee;
}

async function keptState(db: Db, employeeId: number, policy: string) {
  return db
    .select({
      number: employeePolicyStates.acknowledgedVersionNumber,
      at: employeePolicyStates.acknowledgedAt,
    })
    .from(employeePolicyStates)
    .where(
      and(eq(employeePolicyStates.employeeId, employeeId), eq(employeePolicyStates.policy, policy)),
    );
}

const at = (minute: number) => new Date(Date.UTC(2027, 0, 4, 9, minute));

describe("the kept newest acknowledgement per employee and policy", () => {
  it("is the employee's acknowledgement through the portal, in the same transaction", async () => {
    const policy = uniquePolicy();
    const version = await createVersion({ db: store.db, policy });
    const employee = await createEmployee({ db: store.db });
    expect(await keptState(store.db, employee.id, policy)).toEqual([]);
    const { acknowledgement } = await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: "vitest",
    });
    expect(await keptState(store.db, employee.id, policy)).toEqual([
      { number: version.number, at: acknowledgement.acknowledgedAt },
    ]);
  });

  it("keeps the highest version number and its time, whatever order acknowledgements arrive in", async () => {
    const policy = uniquePolicy();
    const [, v2, v3] = await insertVersions(store.db, policy, 3);
    const employee = await insertEmployee(store.db);
    for (const [version, minute] of [
      [v3, 30],
      [v2, 40],
    ] as const) {
      await store.db.insert(acknowledgements).values({
        employeeId: employee.id,
        versionId: version.id,
        contentHash: version.contentHash,
        acknowledgedAt: at(minute),
      });
    }
    // The later acknowledgement of an older version changes nothing.
    expect(await keptState(store.db, employee.id, policy)).toEqual([{ number: 3, at: at(30) }]);
  });

  it("takes the highest of several acknowledgements in one statement, per employee and policy", async () => {
    const policy = uniquePolicy();
    const other = uniquePolicy();
    const versions = await insertVersions(store.db, policy, 4);
    const [otherV1] = await insertVersions(store.db, other, 1);
    const a = await insertEmployee(store.db);
    const b = await insertEmployee(store.db);
    const row = (employeeId: number, version: PolicyVersion, minute: number) => ({
      employeeId,
      versionId: version.id,
      contentHash: version.contentHash,
      acknowledgedAt: at(minute),
    });
    await store.db
      .insert(acknowledgements)
      .values([
        row(a.id, versions[1], 1),
        row(a.id, versions[3], 2),
        row(a.id, versions[0], 3),
        row(b.id, versions[2], 4),
        row(a.id, otherV1, 5),
      ]);
    expect(await keptState(store.db, a.id, policy)).toEqual([{ number: 4, at: at(2) }]);
    expect(await keptState(store.db, b.id, policy)).toEqual([{ number: 3, at: at(4) }]);
    expect(await keptState(store.db, a.id, other)).toEqual([{ number: 1, at: at(5) }]);
  });

  it("is filled by the migration from the acknowledgements made before it", async () => {
    // The migrations up to the one before this table's, some history, then the rest.
    const before = await makeTempDir("migrations-before-");
    try {
      await fs.cp(MIGRATIONS, before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(await fs.readFile(journalFile, "utf8")) as {
        entries: { idx: number; tag: string }[];
      };
      const cut = journal.entries.findIndex((entry) => entry.tag === THIS_MIGRATION);
      expect(cut).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, cut);
      await fs.writeFile(journalFile, JSON.stringify(journal));

      await withBareDatabase(async (db, migrate) => {
        await migrate(before);
        const policy = uniquePolicy();
        const versions = await insertVersions(db, policy, 3);
        const a = await insertEmployee(db);
        const b = await insertEmployee(db);
        await insertEmployee(db); // acknowledged nothing: no row
        for (const [employee, version, minute] of [
          [a, versions[0], 1],
          [a, versions[2], 2],
          [a, versions[1], 3],
          [b, versions[1], 4],
        ] as const) {
          await db.insert(acknowledgements).values({
            employeeId: employee.id,
            versionId: version.id,
            contentHash: version.contentHash,
            acknowledgedAt: at(minute),
          });
        }

        await migrate(MIGRATIONS);
        const rows = await db
          .select({
            employeeId: employeePolicyStates.employeeId,
            number: employeePolicyStates.acknowledgedVersionNumber,
            at: employeePolicyStates.acknowledgedAt,
          })
          .from(employeePolicyStates)
          .where(eq(employeePolicyStates.policy, policy))
          .orderBy(employeePolicyStates.employeeId);
        expect(rows).toEqual([
          { employeeId: a.id, number: 3, at: at(2) },
          { employeeId: b.id, number: 2, at: at(4) },
        ]);
      });
    } finally {
      await fs.rm(before, { recursive: true, force: true });
    }
  });
});

/** A database of the test's store kind with no migrations applied, and a way to apply them. */
async function withBareDatabase(
  fn: (db: Db, migrate: (folder: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  if (store.kind === "pglite") {
    const client = await PGlite.create();
    try {
      const db = drizzlePglite({ client });
      await fn(db as unknown as Db, (folder) => migratePglite(db, { migrationsFolder: folder }));
    } finally {
      await client.close();
    }
    return;
  }
  const { databaseUrl, migrationDatabaseUrl, drop } = await createEmptyDatabase();
  // As the owner throughout: the application role gets its grants only from the portal's start.
  const client = new pg.Client({ connectionString: migrationDatabaseUrl ?? databaseUrl });
  await client.connect();
  try {
    const db = drizzleNodePg({ client });
    await fn(db as unknown as Db, (folder) => migrateNodePg(db, { migrationsFolder: folder }));
  } finally {
    await client.end();
    await drop();
  }
}
