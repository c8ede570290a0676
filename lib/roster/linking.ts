import "server-only";

import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { ROSTER_LOCK } from "@/lib/db/advisory-locks";
import { type Db, type Executor, getDb, type Tx } from "@/lib/db/client";
import { employees, rosterEntries } from "@/lib/db/schema";
import { employeeLabel } from "@/lib/employees/queries";
import { AppError } from "@/lib/errors";
import { logEvent } from "@/lib/log";

// How a staff account (issuer + subject) finds its roster entry: docs/decisions/0008-roster-linking.md.

export type LinkMethod = "claim" | "email" | "manual";
export type AccountLink = { employeeId: number; employeeNumber: string; method: LinkMethod };
export type Actor = { employeeId?: number | null; label: string };

/** The employee-number claim as text, whatever type the IdP used. */
export function readEmployeeNumberClaim(
  claims: Record<string, unknown>,
  claimName: string,
): string | null {
  const value = claims[claimName];
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim()) return value.trim();
  return null;
}

/**
 * Called right after a sign-in is recorded. Remembers the claim and whether the email is verified
 * (so a later import can link), and links the account when it is not linked yet: by the claim, or
 * without a claim by a verified email that exactly one current roster entry has. Never fails the
 * sign-in's purpose: an account without a roster entry works as before and shows up as unlinked.
 */
export async function linkAccountAtSignIn({
  employeeId,
  claimedEmployeeNumber,
  email,
  emailVerified,
  db,
}: {
  employeeId: number;
  claimedEmployeeNumber: string | null;
  email: string | null;
  emailVerified: boolean;
  db?: Db;
}): Promise<AccountLink | null> {
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    const [employee] = await tx
      .update(employees)
      .set({ claimedEmployeeNumber, emailVerified })
      .where(eq(employees.id, employeeId))
      .returning();
    if (!employee || employee.rosterEmployeeNumber) return null;
    // An import running right now links this account itself when it finishes; do not wait for it.
    const [{ locked }] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${ROSTER_LOCK}) as locked`),
    );
    if (!locked) return null;

    let link: AccountLink | null = null;
    if (claimedEmployeeNumber) {
      const [entry] = await tx
        .select({ employeeNumber: rosterEntries.employeeNumber })
        .from(rosterEntries)
        .where(and(eq(rosterEntries.employeeNumber, claimedEmployeeNumber), unclaimedEntry()))
        .limit(1);
      if (entry) link = { employeeId, employeeNumber: entry.employeeNumber, method: "claim" };
    } else if (emailVerified && email) {
      const entries = await tx
        .select({ employeeNumber: rosterEntries.employeeNumber })
        .from(rosterEntries)
        .where(
          and(
            sql`lower(${rosterEntries.email}) = lower(${email})`,
            isNull(rosterEntries.leftAt),
            unclaimedEntry(),
          ),
        )
        .limit(2);
      // Two entries with one address: a person has to decide.
      if (entries.length === 1)
        link = { employeeId, employeeNumber: entries[0].employeeNumber, method: "email" };
    }
    if (!link) return null;
    await writeLink(tx, link, { employeeId, label: employeeLabel(employeeId) });
    return link;
  });
}

/** Rows of a raw query; both drivers (PGlite, node-postgres) answer with { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * The sign-in hook (lib/auth/options.ts): reads the employee-number claim and the email the IdP
 * vouches for (email_verified true) from the ID token, and links. A failure is logged, never thrown:
 * the person is signed in either way.
 */
export async function linkSignedInAccount({
  employeeId,
  claims,
  claimName,
}: {
  employeeId: number;
  claims: Record<string, unknown>;
  claimName: string;
}): Promise<void> {
  const email = typeof claims.email === "string" ? claims.email.trim() : "";
  try {
    await linkAccountAtSignIn({
      employeeId,
      claimedEmployeeNumber: readEmployeeNumberClaim(claims, claimName),
      email: email || null,
      emailVerified: claims.email_verified === true && email !== "",
    });
  } catch (error) {
    logEvent(
      "error",
      { event: "roster_link_failed", employeeId, err: error },
      "Could not link the account to the roster at sign-in",
    );
  }
}

/** No account is linked to the entry yet. */
function unclaimedEntry() {
  return sql`not exists (select 1 from ${employees} where ${employees.rosterEmployeeNumber} = ${rosterEntries.employeeNumber})`;
}

async function writeLink(tx: Tx, link: AccountLink, actor: Actor) {
  await tx
    .update(employees)
    .set({ rosterEmployeeNumber: link.employeeNumber })
    .where(eq(employees.id, link.employeeId));
  await appendAuditEvent(tx, {
    actorEmployeeId: actor.employeeId ?? null,
    actorLabel: actor.label,
    action: "roster.account_linked",
    subjectType: "employee",
    subjectId: link.employeeId,
    data: { ...link },
  });
}

/**
 * Link every unlinked account that an import can match: first by the claim seen at its last
 * sign-in, then (accounts without a claim) by a verified email. Ambiguous matches are left for HR.
 * Runs inside the import's transaction, under its lock.
 */
export async function linkPendingAccounts(tx: Tx): Promise<AccountLink[]> {
  const byClaim = await tx.execute(sql`
    with candidates as (
      select e.id as employee_id, r.employee_number
      from employees e
      join roster_entries r on r.employee_number = e.claimed_employee_number
      where e.roster_employee_number is null
        and not exists (select 1 from employees o where o.roster_employee_number = r.employee_number)
    ), single as (
      select c.* from candidates c
      where (select count(*) from candidates d where d.employee_number = c.employee_number) = 1
    )
    update employees e set roster_employee_number = single.employee_number
    from single where e.id = single.employee_id
    returning e.id as employee_id, e.roster_employee_number as employee_number`);
  const byEmail = await tx.execute(sql`
    with candidates as (
      select e.id as employee_id, r.employee_number
      from employees e
      join roster_entries r on lower(r.email) = lower(e.email)
      where e.roster_employee_number is null
        and e.claimed_employee_number is null
        and e.email_verified
        and r.left_at is null
        and not exists (select 1 from employees o where o.roster_employee_number = r.employee_number)
    ), single as (
      select c.* from candidates c
      where (select count(*) from candidates d where d.employee_number = c.employee_number) = 1
        and (select count(*) from candidates d where d.employee_id = c.employee_id) = 1
    )
    update employees e set roster_employee_number = single.employee_number
    from single where e.id = single.employee_id
    returning e.id as employee_id, e.roster_employee_number as employee_number`);
  const links = (
    rows: { employee_id: number; employee_number: string }[],
    method: LinkMethod,
  ): AccountLink[] =>
    rows.map((row) => ({
      employeeId: Number(row.employee_id),
      employeeNumber: row.employee_number,
      method,
    }));
  type Row = { employee_id: number; employee_number: string };
  return [...links(rowsOf<Row>(byClaim), "claim"), ...links(rowsOf<Row>(byEmail), "email")].sort(
    (a, b) => a.employeeId - b.employeeId,
  );
}

export type UnlinkedAccount = {
  id: number;
  name: string;
  email: string | null;
  department: string | null;
  claimedEmployeeNumber: string | null;
  lastSignInAt: Date | null;
};

/** Accounts that signed in but belong to no roster entry, for HR to link by hand. Paged, by name. */
export async function listUnlinkedAccounts({
  search,
  limit = 50,
  offset = 0,
  db,
}: {
  search?: string;
  limit?: number;
  offset?: number;
  db?: Executor;
} = {}): Promise<{ total: number; accounts: UnlinkedAccount[] }> {
  const executor = db ?? (await getDb());
  const term = search?.trim();
  const where = and(
    isNull(employees.rosterEmployeeNumber),
    term
      ? or(
          ilike(employees.name, `%${escapeLike(term)}%`),
          ilike(employees.email, `%${escapeLike(term)}%`),
          eq(employees.claimedEmployeeNumber, term),
        )
      : undefined,
  );
  const [{ total }] = await executor.select({ total: count() }).from(employees).where(where);
  const accounts = await executor
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      department: employees.department,
      claimedEmployeeNumber: employees.claimedEmployeeNumber,
      lastSignInAt: employees.lastSignInAt,
    })
    .from(employees)
    .where(where)
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(limit)
    .offset(offset);
  return { total, accounts };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * HR links an account to a roster entry by hand. Idempotent for the same pair; refuses an account
 * linked elsewhere or an entry that has an account. Writes "roster.account_linked" (method manual).
 */
export async function linkAccount({
  employeeId,
  employeeNumber,
  actor,
  db,
}: {
  employeeId: number;
  employeeNumber: string;
  actor: Actor;
  db?: Db;
}): Promise<{ changed: boolean }> {
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROSTER_LOCK})`);
    const [employee] = await tx
      .select()
      .from(employees)
      .where(eq(employees.id, employeeId))
      .limit(1);
    if (!employee) throw new AppError("not_found", "Dit account bestaat niet.");
    const [entry] = await tx
      .select()
      .from(rosterEntries)
      .where(eq(rosterEntries.employeeNumber, employeeNumber))
      .limit(1);
    if (!entry)
      throw new AppError(
        "not_found",
        `Personeelsnummer ${employeeNumber} staat niet in het personeelsbestand.`,
      );
    if (employee.rosterEmployeeNumber === employeeNumber) return { changed: false };
    if (employee.rosterEmployeeNumber)
      throw new AppError(
        "conflict",
        `Dit account is al gekoppeld aan personeelsnummer ${employee.rosterEmployeeNumber}. Ontkoppel het eerst.`,
      );
    const [other] = await tx
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.rosterEmployeeNumber, employeeNumber))
      .limit(1);
    if (other)
      throw new AppError(
        "conflict",
        `Personeelsnummer ${employeeNumber} is al gekoppeld aan een ander account. Ontkoppel dat eerst.`,
      );
    await writeLink(tx, { employeeId, employeeNumber, method: "manual" }, actor);
    return { changed: true };
  });
}

/** Undo a link (a wrong match); the account becomes unlinked again. Writes "roster.account_unlinked". */
export async function unlinkAccount({
  employeeId,
  actor,
  db,
}: {
  employeeId: number;
  actor: Actor;
  db?: Db;
}): Promise<{ changed: boolean }> {
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROSTER_LOCK})`);
    const [before] = await tx
      .select({ employeeNumber: employees.rosterEmployeeNumber })
      .from(employees)
      .where(eq(employees.id, employeeId))
      .limit(1);
    if (!before) throw new AppError("not_found", "Dit account bestaat niet.");
    if (!before.employeeNumber) return { changed: false };
    await tx
      .update(employees)
      .set({ rosterEmployeeNumber: null })
      .where(eq(employees.id, employeeId));
    await appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId ?? null,
      actorLabel: actor.label,
      action: "roster.account_unlinked",
      subjectType: "employee",
      subjectId: employeeId,
      data: { employeeId, employeeNumber: before.employeeNumber },
    });
    return { changed: true };
  });
}
