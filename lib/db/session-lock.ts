import "server-only";

import pg from "pg";
import type { Db } from "@/lib/db/client";

// PGlite has one session per process and the data-directory lock keeps other processes out, so
// an in-process set does the job there; PostgreSQL needs a real session lock on one connection.
const heldInProcess = new Set<number>();

/**
 * Run fn while holding a session-level advisory lock, or return { acquired: false } at once when
 * someone else (another process, another host) holds it. Session-level, not transaction-level:
 * the work inside runs many short transactions and must not hold one open.
 */
export async function withSessionLock<T>(
  db: Db,
  key: number,
  fn: () => Promise<T>,
): Promise<{ acquired: true; result: T } | { acquired: false }> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    const connection = await client.connect();
    try {
      const { rows } = await connection.query<{ ok: boolean }>(
        "select pg_try_advisory_lock($1) as ok",
        [key],
      );
      if (!rows[0].ok) return { acquired: false };
      try {
        return { acquired: true, result: await fn() };
      } finally {
        await connection.query("select pg_advisory_unlock($1)", [key]);
      }
    } finally {
      connection.release();
    }
  }
  if (heldInProcess.has(key)) return { acquired: false };
  heldInProcess.add(key);
  try {
    return { acquired: true, result: await fn() };
  } finally {
    heldInProcess.delete(key);
  }
}
