import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { verifyEvidence } from "@/lib/audit/verify";
import { openStore, type Store } from "@/lib/db/client";
import {
  acknowledgements,
  auditEvents,
  employeePolicyStates,
  employees,
  policyVersions,
} from "@/lib/db/schema";
import { ensureInitialVersion, type Version } from "@/lib/policy/versions";
import { createEmployee, testRoles } from "@/tests/support/db";

// The two PostgreSQL roles as the README sets them up: scripts/pg-roles.sql run by a superuser,
// migrations as the owner, the portal as the application role. Runs with TEST_DATABASE_URL.

const adminUrl = process.env.TEST_DATABASE_URL!;
const roles = testRoles();
const ownerRole = roles
  ? decodeURIComponent(new URL(roles.ownerUrl).username)
  : "portal_test_owner";
const appRole = roles ? decodeURIComponent(new URL(roles.appUrl).username) : "portal_test_app";
const database = `portal_roles_${randomBytes(5).toString("hex")}`;

function urlFor(role: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = "";
  url.pathname = `/${database}`;
  return url.toString();
}

let app: Store;
let v1: Version;

beforeAll(async () => {
  const setup = spawnSync(
    "psql",
    [
      adminUrl,
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-v",
      `owner=${ownerRole}`,
      "-v",
      `owner_password=${randomBytes(12).toString("hex")}`,
      "-v",
      `app=${appRole}`,
      "-v",
      `app_password=${randomBytes(12).toString("hex")}`,
      "-v",
      `database=${database}`,
      "-f",
      "scripts/pg-roles.sql",
    ],
    { encoding: "utf8" },
  );
  expect(setup.status, setup.stderr).toBe(0);
  app = await openStore({ databaseUrl: urlFor(appRole), migrationDatabaseUrl: urlFor(ownerRole) });
  v1 = await ensureInitialVersion({ db: app.db });
}, 60_000);

afterAll(async () => {
  await app?.close();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${database} with (force)`);
  } finally {
    await client.end();
  }
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the statement should have been refused").not.toBeNull();
  const cause = (error as { cause?: { message?: string } }).cause;
  return `${(error as Error).message} ${cause?.message ?? ""}`;
}

describe("the application role on PostgreSQL", () => {
  it("owns no table, so it cannot switch off the triggers that guard the evidence", async () => {
    for (const table of ["acknowledgements", "audit_events", "policy_versions"]) {
      expect(
        await refusal(app.db.execute(sql.raw(`alter table ${table} disable trigger user`))),
      ).toMatch(/must be owner of table/);
    }
    const owners = await app.db.execute(
      sql`select tablename, tableowner from pg_tables where schemaname = 'public'`,
    );
    for (const row of (owners as unknown as { rows: { tableowner: string }[] }).rows)
      expect(row.tableowner).toBe(ownerRole);
  });

  it("may add evidence but not change, delete or truncate it", async () => {
    const employee = await createEmployee({ db: app.db });
    const { acknowledgement } = await acknowledgeVersion({
      db: app.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
    const denied = /permission denied for table/;
    expect(
      await refusal(
        app.db.delete(acknowledgements).where(eq(acknowledgements.id, acknowledgement.id)),
      ),
    ).toMatch(denied);
    expect(
      await refusal(
        app.db
          .update(acknowledgements)
          .set({ acknowledgedAt: new Date(0) })
          .where(eq(acknowledgements.id, acknowledgement.id)),
      ),
    ).toMatch(denied);
    expect(await refusal(app.db.execute(sql`truncate acknowledgements cascade`))).toMatch(denied);
    expect(await refusal(app.db.delete(auditEvents))).toMatch(denied);
    expect(
      await refusal(
        app.db.update(policyVersions).set({ summary: "x" }).where(eq(policyVersions.id, v1.id)),
      ),
    ).toMatch(denied);
    // Ordinary tables stay writable: a sign-in updates the employee row.
    await app.db
      .update(employees)
      .set({ name: "Nieuwe naam" })
      .where(eq(employees.id, employee.id));
    expect((await verifyEvidence({ db: app.db, checkpoints: null })).ok).toBe(true);
  });

  it("may only read the kept acknowledgement state, which its acknowledgements keep through the trigger", async () => {
    const employee = await createEmployee({ db: app.db });
    await acknowledgeVersion({
      db: app.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
    const mine = eq(employeePolicyStates.employeeId, employee.id);
    expect(
      await app.db
        .select({ number: employeePolicyStates.acknowledgedVersionNumber })
        .from(employeePolicyStates)
        .where(mine),
    ).toEqual([{ number: v1.number }]);
    const denied = /permission denied for table employee_policy_states/;
    expect(
      await refusal(
        app.db.update(employeePolicyStates).set({ acknowledgedVersionNumber: 99 }).where(mine),
      ),
    ).toMatch(denied);
    expect(await refusal(app.db.delete(employeePolicyStates).where(mine))).toMatch(denied);
    const other = await createEmployee({ db: app.db });
    expect(
      await refusal(
        app.db.insert(employeePolicyStates).values({
          employeeId: other.id,
          policy: v1.policy,
          acknowledgedVersionNumber: v1.number,
          acknowledgedAt: new Date(),
        }),
      ),
    ).toMatch(denied);
  });

  it("cannot create tables or run the migrations itself", async () => {
    expect(await refusal(app.db.execute(sql`create table sneaky (id int)`))).toMatch(
      /permission denied for schema public/,
    );
  });
});
