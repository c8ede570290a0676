import "server-only";

import type pg from "pg";

/** Tables that hold evidence: the application role may read and add rows, never change or remove them. */
export const EVIDENCE_TABLES = [
  "audit_events",
  "acknowledgements",
  "policy_versions",
  "policy_version_parts",
  "policy_deadline_changes",
] as const;

/**
 * Tables the database keeps itself, by trigger from the evidence (lib/db/migrations, custom SQL):
 * the application role may only read them, so what P&O sees cannot be written around the evidence.
 */
export const DERIVED_TABLES = ["employee_policy_states"] as const;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The login name in a PostgreSQL URL (node-postgres falls back to the OS user when there is none). */
export function roleOfUrl(databaseUrl: string): string | null {
  const user = decodeURIComponent(new URL(databaseUrl).username);
  return user || null;
}

/**
 * Run by the migration owner after every migration: the application role gets SELECT and INSERT
 * on the evidence tables and nothing more, SELECT alone on the derived tables, full DML on the
 * other tables, and the sequences it inserts with. It owns nothing, so it cannot ALTER TABLE … DISABLE TRIGGER either. Idempotent,
 * and in one transaction so a running portal never sees a moment without its grants.
 */
export async function grantApplicationRole(client: pg.Client, role: string): Promise<void> {
  const app = quoteIdent(role);
  const evidence = EVIDENCE_TABLES.map((table) => `public.${quoteIdent(table)}`).join(", ");
  const derived = DERIVED_TABLES.map((table) => `public.${quoteIdent(table)}`).join(", ");
  await client.query("begin");
  try {
    await client.query(`grant usage on schema public to ${app}`);
    await client.query(`revoke all on all tables in schema public from ${app}`);
    await client.query(
      `grant select, insert, update, delete on all tables in schema public to ${app}`,
    );
    await client.query(`revoke update, delete, truncate on ${evidence} from ${app}`);
    await client.query(`revoke insert, update, delete, truncate on ${derived} from ${app}`);
    await client.query(`grant usage, select on all sequences in schema public to ${app}`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}
