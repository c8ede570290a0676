import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import pg from "pg";
import { verifyAuditChain } from "@/lib/audit/events";
import { openStore, type Store, type StoreLocation } from "@/lib/db/client";
import { acknowledgements, auditEvents, type Employee } from "@/lib/db/schema";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { startSession } from "@/lib/auth/sessions";
import { recordSignIn } from "@/lib/employees/queries";
import { ensureInitialVersion } from "@/lib/policy/versions";

/**
 * A fresh store for one test file: a temporary PGlite data directory, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped in dispose()).
 */
export type TestStore = {
  kind: "pglite" | "postgres";
  location: StoreLocation;
  /** Env for `next start` that points it at this store. */
  serverEnv: Record<string, string>;
  dataDir: string | null;
  /** Open the store in this process. With PGlite the server must not be running (one process per data dir). */
  withStore: <T>(fn: (store: Store) => Promise<T>) => Promise<T>;
  dispose: () => Promise<void>;
};

export const SYSTEM_ISSUER = "http://127.0.0.1/system-test";

export async function createTestStore(): Promise<TestStore> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const withStore =
    (location: StoreLocation) =>
    async <T>(fn: (store: Store) => Promise<T>) => {
      const store = await openStore(location);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    };

  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-system-"));
    const location = { dataDir };
    return {
      kind: "pglite",
      location,
      dataDir,
      serverEnv: { DATA_DIR: dataDir },
      withStore: withStore(location),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }

  const name = `portal_system_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  // With two roles (as .ci/run sets them up), the database belongs to the migration owner and the
  // server runs as the application role, as in production.
  const ownerUrl = process.env.TEST_MIGRATION_DATABASE_URL;
  const appUrl = process.env.TEST_APP_DATABASE_URL;
  const twoRoles = ownerUrl && appUrl ? { ownerUrl, appUrl } : null;
  const owner = twoRoles ? decodeURIComponent(new URL(twoRoles.ownerUrl).username) : null;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${owner ? ` owner "${owner}"` : ""}`);
  } finally {
    await admin.end();
  }
  const inDatabase = (serverUrl: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const databaseUrl = inDatabase(twoRoles?.appUrl ?? adminUrl);
  const migrationDatabaseUrl = twoRoles ? inDatabase(twoRoles.ownerUrl) : null;
  const location = { databaseUrl, migrationDatabaseUrl };
  return {
    kind: "postgres",
    location,
    dataDir: null,
    serverEnv: {
      DATABASE_URL: databaseUrl,
      ...(migrationDatabaseUrl ? { MIGRATION_DATABASE_URL: migrationDatabaseUrl } : {}),
    },
    withStore: withStore(location),
    dispose: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // FORCE: a killed server's sessions may linger for a moment.
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export type SeededEmployee = Pick<Employee, "id" | "subject" | "name" | "email" | "department"> & {
  /** A server-side session started for them, as the sign-in does; the minted cookie names it. */
  sessionId: string;
  sessionExpiresAt: Date;
};
export type CurrentVersion = { id: number; number: number; contentHash: string };

/**
 * Employees as a first sign-in would create them (the domain's recordSignIn, with its audit event),
 * and version 1 imported as the portal does at startup.
 */
export async function seedStore(
  store: Store,
  { employees: howMany, prefix }: { employees: number; prefix: string },
): Promise<{ employees: SeededEmployee[]; version: CurrentVersion }> {
  const version = await ensureInitialVersion({ db: store.db, policy: DEFAULT_POLICY });
  const seeded: SeededEmployee[] = [];
  for (let i = 1; i <= howMany; i++) {
    const n = String(i).padStart(4, "0");
    const employee = await recordSignIn({
      db: store.db,
      issuer: SYSTEM_ISSUER,
      subject: `${prefix}-${n}`,
      name: `Testmedewerker ${prefix} ${n}`,
      email: `${prefix}-${n}@system-test.invalid`,
      department: ["Zorg", "Communicatie", "ICT", "Personeelszaken"][i % 4],
    });
    const session = await startSession({ db: store.db, employeeId: employee.id });
    seeded.push({
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
      id: employee.id,
      subject: employee.subject,
      name: employee.name,
      email: employee.email,
      department: employee.department,
    });
  }
  return {
    employees: seeded,
    version: { id: version.id, number: version.number, contentHash: version.contentHash },
  };
}

export type StoreFigures = {
  acknowledgementRows: number;
  duplicateEmployees: number;
  createdEvents: number;
  auditChain: Awaited<ReturnType<typeof verifyAuditChain>>;
  /** Employees (of those asked about) that have an acknowledgement of the version. */
  presentEmployeeIds: Set<number>;
};

export async function readFigures(
  store: Store,
  { versionId, employeeIds = [] }: { versionId: number; employeeIds?: number[] },
): Promise<StoreFigures> {
  const [{ rows }] = await store.db
    .select({ rows: count() })
    .from(acknowledgements)
    .where(eq(acknowledgements.versionId, versionId));
  const perEmployee = await store.db
    .select({ employeeId: acknowledgements.employeeId, n: count() })
    .from(acknowledgements)
    .where(eq(acknowledgements.versionId, versionId))
    .groupBy(acknowledgements.employeeId);
  const [{ created }] = await store.db
    .select({ created: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, "acknowledgement.created"));
  const present = new Set<number>();
  for (let i = 0; i < employeeIds.length; i += 500) {
    const batch = employeeIds.slice(i, i + 500);
    const found = await store.db
      .select({ employeeId: acknowledgements.employeeId })
      .from(acknowledgements)
      .where(
        and(eq(acknowledgements.versionId, versionId), inArray(acknowledgements.employeeId, batch)),
      );
    for (const row of found) present.add(row.employeeId);
  }
  return {
    acknowledgementRows: rows,
    duplicateEmployees: perEmployee.filter((row) => row.n > 1).length,
    createdEvents: created,
    auditChain: await verifyAuditChain({ db: store.db }),
    presentEmployeeIds: present,
  };
}
