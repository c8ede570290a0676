import "server-only";

import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import pg from "pg";
import { MIGRATION_LOCK } from "@/lib/db/advisory-locks";
import { grantApplicationRole, roleOfUrl } from "@/lib/db/grants";
import { registerDatabaseProbe } from "@/lib/db/availability";
import { stripGroupAndOtherAccess } from "@/lib/db/data-dir";
import { acquireLock, type HeldLock } from "@/lib/db/lock";
import { env } from "@/lib/env";
import * as schema from "@/lib/db/schema";

export type Schema = typeof schema;
/** Both drivers' drizzle instances share this type, so every query is written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type StoreKind = "pglite" | "postgres";
export type StoreLocation =
  | { dataDir: string; port?: number | null }
  | {
      databaseUrl: string;
      /**
       * The migration owner's URL. When given, migrations and grants run with it and
       * `databaseUrl` is the application role, which owns nothing (see lib/db/grants.ts).
       */
      migrationDatabaseUrl?: string | null;
    };
export type Store = {
  db: Db;
  kind: StoreKind;
  /** The data directory lock (PGlite only); its token authorises the CLIs' loopback calls. */
  lock: HeldLock | null;
  close: () => Promise<void>;
};

// Resolved from the working directory: `next start`, the CLIs and the tests all run from the repo root.
const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

/** The configured store: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function storeSettings(): {
  dataDir: string;
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  port: number;
} {
  return {
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    port: env.PORT,
  };
}

export function storeKind(): StoreKind {
  return storeSettings().databaseUrl ? "postgres" : "pglite";
}

/**
 * Open a store at an explicit location and apply migrations. The portal uses getDb(); tests and
 * the CLIs use this directly so they never depend on the process environment.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  return "databaseUrl" in location
    ? openPostgres(location.databaseUrl, location.migrationDatabaseUrl ?? null)
    : openPglite(location.dataDir, location.port ?? null);
}

// PostgreSQL's default 128 MB of shared buffers lives inside PGlite's WebAssembly memory, which
// never shrinks: it was about 140 MB of the server's RSS (302 MB against 165 MB for a store opened
// and queried, bench/README.md). The portal's working set (the current version, sessions, one
// employee's acknowledgements) is a few MB, and PGlite's files sit in the OS page cache anyway.
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function openPglite(dataDir: string, port: number | null): Promise<Store> {
  const lock = acquireLock({ dataDir, port });
  let client: PGlite | undefined;
  try {
    // PGlite creates its own folder but not the ones above it; acquireLock made those.
    const pgliteDir = path.join(path.resolve(dataDir), "pglite");
    client = await PGlite.create({ dataDir: pgliteDir, startParams: PGLITE_START_PARAMS });
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    stripGroupAndOtherAccess(pgliteDir);
    const opened = client;
    let closing: Promise<void> | null = null;
    return {
      db: db as unknown as Db,
      kind: "pglite",
      lock,
      close: () =>
        (closing ??= (async () => {
          try {
            if (!opened.closed) await opened.close();
          } finally {
            lock.release();
          }
        })()),
    };
  } catch (error) {
    await client?.close().catch(() => {});
    lock.release();
    throw error;
  }
}

async function openPostgres(
  databaseUrl: string,
  migrationDatabaseUrl: string | null,
): Promise<Store> {
  await migratePostgres(migrationDatabaseUrl ?? databaseUrl, {
    applicationRole:
      migrationDatabaseUrl && roleOfUrl(databaseUrl) !== roleOfUrl(migrationDatabaseUrl)
        ? roleOfUrl(databaseUrl)
        : null,
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, ...POSTGRES_TIMEOUTS });
  let closing: Promise<void> | null = null;
  // An idle client losing its connection must not crash the process; the next query reconnects.
  // pool.end() resolves before every socket is gone, so stay quiet about errors after closing.
  pool.on("error", (error) => {
    if (!closing) console.error("[db] idle PostgreSQL client error:", error.message);
  });
  const db = drizzleNodePg({ client: pool, schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    lock: null,
    close: () => (closing ??= pool.end()),
  };
}

/**
 * A locked table or an unreachable server must not hold requests (and pool connections) for
 * minutes: every wait is bounded, and the request gets an error it can turn into a 503.
 */
export const POSTGRES_TIMEOUTS = {
  /**
   * Connecting, and waiting for a free client in the pool. Generous: a burst of acknowledgements
   * queues for the pool's 10 clients on a busy host, which is normal. A server that is gone refuses
   * at once anyway; this bounds one that accepts and never answers. Pages and health do not wait
   * for it: their probe has its own 2.5 s budget (lib/db/availability.ts).
   */
  connectionTimeoutMillis: 30_000,
  /** Server side: a statement (lock waits included) is cancelled after this. */
  statement_timeout: 10_000,
  /** Client side, for when the server does not answer at all. */
  query_timeout: 15_000,
  /** A transaction left open by a stuck request gives its locks back. */
  idle_in_transaction_session_timeout: 30_000,
} as const;

/** Several instances may start at once against one server: the session lock lets one migrate at a time. */
async function migratePostgres(
  databaseUrl: string,
  { applicationRole }: { applicationRole: string | null },
) {
  // Migrations may take long; only connecting is bounded.
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectionTimeoutMillis,
  });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      // Re-applied after every migration, so new tables get the same rules.
      if (applicationRole) await grantApplicationRole(client, applicationRole);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}

// Kept on globalThis: Next may load this module more than once per process (route bundles, HMR),
// and a second PGlite on the same directory is exactly what the lock exists to prevent.
type GlobalState = { store: Promise<Store> | null; handlersInstalled: boolean };
const state: GlobalState = ((globalThis as Record<symbol, unknown>)[Symbol.for("portal.db")] ??= {
  store: null,
  handlersInstalled: false,
}) as GlobalState;

/**
 * One cheap read of the table every page needs, bounded: on PostgreSQL by a statement timeout of
 * its own (so a blocked probe does not keep a pool connection), on PGlite, which runs one query at
 * a time and cannot cancel one, by the caller's timeout alone.
 */
async function probeDatabase(timeoutMs: number): Promise<void> {
  const store = await getStore();
  if (store.kind === "postgres") {
    await store.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`),
      );
      await tx.execute(sql`select id from policy_versions limit 1`);
    });
  } else {
    await store.db.execute(sql`select id from policy_versions limit 1`);
  }
}
registerDatabaseProbe(probeDatabase);

/** The process's store, opened on first use with migrations applied. Seeding is startup's job (lib/server/startup.ts). */
export function getStore(): Promise<Store> {
  if (!state.store) {
    state.store = initStore().catch((error) => {
      // A cached rejection would fail every later request; let the next call try again.
      state.store = null;
      throw error;
    });
  }
  return state.store;
}

export async function getDb(): Promise<Db> {
  return (await getStore()).db;
}

async function initStore(): Promise<Store> {
  const { dataDir, databaseUrl, migrationDatabaseUrl, port } = storeSettings();
  const store = await openStore(
    databaseUrl ? { databaseUrl, migrationDatabaseUrl } : { dataDir, port },
  );
  installShutdownHandlers();
  return store;
}

export async function closeDb(): Promise<void> {
  const pending = state.store;
  if (!pending) return;
  state.store = null;
  const store = await pending.catch(() => null);
  await store?.close();
}

function installShutdownHandlers() {
  if (state.handlersInstalled) return;
  state.handlersInstalled = true;
  // The launcher sets NEXT_MANUAL_SIG_HANDLE=1, so these handlers own shutdown: close PGlite
  // cleanly (it flushes to disk), release the lock, then exit. A second signal (SIGINT after
  // SIGTERM, a double Ctrl-C) joins the shutdown under way instead of exiting in the middle of it.
  let shuttingDown = false;
  const shutDown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    closeDb()
      .catch((error) => console.error("[db] error while closing the store:", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutDown);
  process.on("SIGINT", shutDown);
}
