// Test stores and factories for the database integration tests. Every call gives a fresh,
// migrated store: PGlite in a temp directory, or, when TEST_DATABASE_URL is set, a new database
// on that PostgreSQL server (dropped again by close()).
//
// With TEST_MIGRATION_DATABASE_URL and TEST_APP_DATABASE_URL also set (as .ci/run does), the
// database belongs to the migration owner and the store runs as the application role, as in
// production (scripts/pg-roles.sql); only their user names and passwords are used.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Db, openStore, type StoreKind } from "@/lib/db/client";
import type { Employee } from "@/lib/db/schema";
import {
  contentDirectory,
  DEFAULT_POLICY,
  type PartSource,
  readPolicyDirectory,
} from "@/lib/content/source";
import { recordSignIn } from "@/lib/employees/queries";
import { publishVersion, type Version } from "@/lib/policy/versions";

export type TestStore = {
  /** As the portal runs: the application role when the suite runs with two roles. */
  db: Db;
  /** As the tables' owner (PGlite: the same as db). Tests tamper with evidence through this. */
  ownerDb: Db;
  kind: StoreKind;
  /** PGlite only. */
  dataDir?: string;
  /** PostgreSQL only. */
  databaseUrl?: string;
  /** PostgreSQL with two roles only: the owner's URL. */
  migrationDatabaseUrl?: string;
  close: () => Promise<void>;
};

export const testStoreKind: StoreKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export async function createTestStore(): Promise<TestStore> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresStore() : createPgliteStore();
}

export async function makeTempDir(prefix = "portal-test-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

async function createPgliteStore(): Promise<TestStore> {
  const dataDir = await makeTempDir();
  const store = await openStore({ dataDir });
  return {
    db: store.db,
    ownerDb: store.db,
    kind: store.kind,
    dataDir,
    close: async () => {
      await store.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The two-role setup for the PostgreSQL suites, when configured. */
export function testRoles(): { ownerUrl: string; appUrl: string } | null {
  const ownerUrl = process.env.TEST_MIGRATION_DATABASE_URL;
  const appUrl = process.env.TEST_APP_DATABASE_URL;
  return ownerUrl && appUrl ? { ownerUrl, appUrl } : null;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * PostgreSQL only: an empty database (no migrations yet) on the TEST_DATABASE_URL server. With
 * two roles, owned by the migration owner; `migrationDatabaseUrl` is then set and `databaseUrl`
 * is the application role's.
 */
export async function createEmptyDatabase(): Promise<{
  databaseUrl: string;
  migrationDatabaseUrl?: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("createEmptyDatabase needs TEST_DATABASE_URL");
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const roles = testRoles();
  const owner = roles ? decodeURIComponent(new URL(roles.ownerUrl).username) : null;
  await adminQuery(serverUrl, `create database ${name}${owner ? ` owner "${owner}"` : ""}`);
  const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  if (!roles) return { databaseUrl: withDatabase(serverUrl, name), drop };
  return {
    databaseUrl: withDatabase(roles.appUrl, name),
    migrationDatabaseUrl: withDatabase(roles.ownerUrl, name),
    drop,
  };
}

async function createPostgresStore(): Promise<TestStore> {
  const { databaseUrl, migrationDatabaseUrl, drop } = await createEmptyDatabase();
  try {
    const store = await openStore({ databaseUrl, migrationDatabaseUrl });
    const owner = migrationDatabaseUrl
      ? await openStore({ databaseUrl: migrationDatabaseUrl })
      : null;
    return {
      db: store.db,
      ownerDb: owner?.db ?? store.db,
      kind: store.kind,
      databaseUrl,
      migrationDatabaseUrl,
      close: async () => {
        await store.close();
        await owner?.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let employeeCounter = 0;

/** An employee as after a first sign-in (which also writes an "auth.sign_in" audit event). */
export async function createEmployee({
  db,
  department = "Zorg",
  name,
}: {
  db: Db;
  department?: string | null;
  name?: string;
}): Promise<Employee> {
  const n = ++employeeCounter;
  const subject = `test-${randomBytes(6).toString("hex")}`;
  return recordSignIn({
    db,
    issuer: "http://127.0.0.1:3001",
    subject,
    name: name ?? `Testmedewerker ${n}`,
    email: `${subject}@example.test`,
    department,
  });
}

/** The shipped guideline as parts, as the first start imports it. */
export async function shippedParts(): Promise<PartSource[]> {
  return readPolicyDirectory(contentDirectory(DEFAULT_POLICY));
}

/** The parts with one sentence appended to one part's text: new content, same structure. */
export function editParts(
  parts: PartSource[],
  { slug, append }: { slug?: string; append: string },
): PartSource[] {
  const target = slug ?? parts.find((part) => part.kind === "part")?.slug ?? parts[0].slug;
  return parts.map((part) =>
    part.slug === target
      ? { ...part, source: `${part.source.replace(/\s*$/, "")}\n\n${append}\n` }
      : part,
  );
}

let policyCounter = 0;

/** A policy name no other test uses, so version numbering starts at 1 within one shared store. */
export function uniquePolicy(): string {
  return `test-${++policyCounter}-${randomBytes(3).toString("hex")}`;
}

/** Publish the next version of a policy, with content that differs from every earlier one. */
export async function createVersion({
  db,
  policy,
  material = true,
  deadline = null,
  summary,
}: {
  db: Db;
  policy: string;
  material?: boolean;
  deadline?: Date | null;
  summary?: string;
}): Promise<Version> {
  const marker = randomBytes(4).toString("hex");
  return publishVersion({
    db,
    policy,
    parts: editParts(await shippedParts(), { append: `Testwijziging ${marker}.` }),
    summary: summary ?? `Testversie ${marker}`,
    material,
    deadline,
    publishedBy: { label: "Test" },
  });
}
