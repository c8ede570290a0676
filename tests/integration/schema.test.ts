import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledgements,
  auditEvents,
  policyVersionParts,
  policyVersionRenderings,
  policyVersions,
} from "@/lib/db/schema";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { ensureInitialVersion, type Version } from "@/lib/policy/versions";
import { createEmployee, createTestStore, type TestStore } from "@/tests/support/db";
import { migrationCount } from "@/tests/support/migrations";

let store: TestStore;
let v1: Version;

beforeAll(async () => {
  store = await createTestStore();
  v1 = await ensureInitialVersion({ db: store.db });
});
afterAll(() => store?.close());

/** The database's own error text, whichever driver wrapped it. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the statement should have been refused").not.toBeNull();
  const cause = (error as { cause?: { message?: string } }).cause;
  return `${(error as Error).message} ${cause?.message ?? ""}`;
}

// The triggers are tested as the tables' owner: with two PostgreSQL roles the application role is
// stopped earlier, by missing privileges (tests/integration/roles.postgres.test.ts).
describe(`schema and evidence triggers (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("applies every migration, and opening again applies none twice", async () => {
    const result = await store.ownerDb.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect((result as unknown as { rows: { n: number }[] }).rows[0].n).toBe(migrationCount());
  });

  it("refuses to update or delete an audit event, or to truncate the trail", async () => {
    expect(
      await refusal(
        store.ownerDb
          .update(auditEvents)
          .set({ actorLabel: "iemand anders" })
          .where(eq(auditEvents.seq, 1)),
      ),
    ).toMatch(/UPDATE on audit_events is refused/);
    expect(await refusal(store.ownerDb.delete(auditEvents).where(eq(auditEvents.seq, 1)))).toMatch(
      /DELETE on audit_events is refused/,
    );
    expect(await refusal(store.ownerDb.execute(sql`truncate audit_events`))).toMatch(
      /TRUNCATE on audit_events is refused/,
    );
  });

  it("keeps a published version and its parts immutable", async () => {
    expect(
      await refusal(
        store.ownerDb
          .update(policyVersions)
          .set({ summary: "anders" })
          .where(eq(policyVersions.id, v1.id)),
      ),
    ).toMatch(/UPDATE on policy_versions is refused/);
    expect(
      await refusal(store.ownerDb.delete(policyVersions).where(eq(policyVersions.id, v1.id))),
    ).toMatch(/refused/);
    expect(
      await refusal(
        store.ownerDb
          .update(policyVersionParts)
          .set({ source: "anders" })
          .where(eq(policyVersionParts.versionId, v1.id)),
      ),
    ).toMatch(/UPDATE on policy_version_parts is refused/);
    expect(
      await refusal(
        store.ownerDb.delete(policyVersionParts).where(eq(policyVersionParts.versionId, v1.id)),
      ),
    ).toMatch(/DELETE on policy_version_parts is refused/);
  });

  it("keeps the stored renderings append-only", async () => {
    expect(
      await refusal(
        store.db
          .update(policyVersionRenderings)
          .set({ code: "anders" })
          .where(eq(policyVersionRenderings.versionId, v1.id)),
      ),
    ).toMatch(/UPDATE on policy_version_renderings is refused/);
    expect(
      await refusal(
        store.db
          .delete(policyVersionRenderings)
          .where(eq(policyVersionRenderings.versionId, v1.id)),
      ),
    ).toMatch(/DELETE on policy_version_renderings is refused/);
    expect(await refusal(store.db.execute(sql`truncate policy_version_renderings`))).toMatch(
      // The application role (two roles on PostgreSQL) may not truncate at all; the owner meets the trigger.
      /TRUNCATE on policy_version_renderings is refused|permission denied for table policy_version_renderings/,
    );
  });

  it("lets nobody rewrite an acknowledgement", async () => {
    const employee = await createEmployee({ db: store.db });
    const { acknowledgement } = await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
    expect(
      await refusal(
        store.ownerDb
          .update(acknowledgements)
          .set({ acknowledgedAt: new Date(0) })
          .where(eq(acknowledgements.id, acknowledgement.id)),
      ),
    ).toMatch(/UPDATE on acknowledgements is refused/);
  });

  it("lets nobody delete or truncate an acknowledgement", async () => {
    const employee = await createEmployee({ db: store.db });
    const { acknowledgement } = await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "vitest",
    });
    expect(
      await refusal(
        store.ownerDb.delete(acknowledgements).where(eq(acknowledgements.id, acknowledgement.id)),
      ),
    ).toMatch(/DELETE on acknowledgements is refused/);
    expect(await refusal(store.ownerDb.execute(sql`truncate acknowledgements cascade`))).toMatch(
      /TRUNCATE on acknowledgements is refused/,
    );
  });

  it("enforces one acknowledgement per employee and version in the database itself", async () => {
    const employee = await createEmployee({ db: store.db });
    const row = {
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: null,
    };
    await store.db.insert(acknowledgements).values(row);
    expect(await refusal(store.db.insert(acknowledgements).values(row))).toMatch(
      /acknowledgements_employee_version_unique/,
    );
  });
});
