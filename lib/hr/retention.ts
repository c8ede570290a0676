import "server-only";

import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/events";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { employees, mailLog, rosterEntries } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { amsterdamToday, stillEmployed } from "@/lib/roster/employment";

/**
 * The README's promise: P&O removes an employee's personal data after employment plus this many
 * years. A constant, not a setting: changing it is a policy decision that belongs in a commit.
 */
export const RETENTION_YEARS = 2;

/** What an erased name and department read as; the email becomes empty. */
export const ERASED_TEXT = "(gewist)";

export type RetentionCandidate = {
  employeeNumber: string;
  name: string;
  department: string;
  /** The end date from the roster, else the day an import first no longer listed them. */
  endedOn: string;
  /** The account linked to this roster entry, if any. */
  employeeId: number | null;
};

export const eraseRequestSchema = z.strictObject({
  employeeNumbers: z
    .array(z.string().trim().min(1).max(100))
    .min(1, { error: "Kies minstens één medewerker." })
    .max(10_000),
});

// Employment ended on the roster's end date; without one, when an import stopped listing them.
const endedOn = sql<string>`coalesce(${rosterEntries.endDate}, (${rosterEntries.leftAt} at time zone 'Europe/Amsterdam')::date)`;

function pastTerm(now: Date): SQL {
  const today = amsterdamToday(now);
  // Only people who left: an end date in the past or marked as left by an import.
  return and(
    isNull(rosterEntries.erasedAt),
    sql`not ${stillEmployed(now)}`,
    sql`${endedOn} + make_interval(years => ${RETENTION_YEARS}) < ${today}`,
  )!;
}

/** Roster entries whose retention term has passed and whose data is not erased yet, oldest first. */
export async function listRetentionCandidates({
  now = new Date(),
  limit = 500,
  db,
}: { now?: Date; limit?: number; db?: Executor } = {}): Promise<{
  candidates: RetentionCandidate[];
  total: number;
}> {
  const executor = db ?? (await getDb());
  const [candidates, [{ total }]] = await Promise.all([
    executor
      .select({
        employeeNumber: rosterEntries.employeeNumber,
        name: rosterEntries.name,
        department: rosterEntries.department,
        endedOn: sql<string>`${endedOn}::text`,
        employeeId: employees.id,
      })
      .from(rosterEntries)
      .leftJoin(employees, eq(employees.rosterEmployeeNumber, rosterEntries.employeeNumber))
      .where(pastTerm(now))
      .orderBy(asc(endedOn), asc(rosterEntries.employeeNumber))
      .limit(limit),
    executor
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(rosterEntries)
      .where(pastTerm(now)),
  ]);
  return { candidates, total };
}

export type ErasureResult = {
  /** Roster entries erased now. */
  erased: number;
  /** Asked for but not (or no longer) past the term, or already erased: left alone. */
  skipped: number;
};

/**
 * Erase the personal data of the given leavers whose term has passed, in one transaction with its
 * audit event. The roster entry and the account keep their keys, so acknowledgements, reminders
 * and audit events (which hold only the employee id) stay whole and the hash chain is untouched.
 * The eligibility check is part of the UPDATE's WHERE: a second press or a concurrent erasure
 * finds nothing left to do and counts it as skipped.
 */
export async function erasePersonalData({
  employeeNumbers,
  actor,
  now = new Date(),
  db,
}: {
  employeeNumbers: string[];
  actor: { employeeId?: number | null; label: string };
  now?: Date;
  db?: Db;
}): Promise<ErasureResult> {
  const parsed = eraseRequestSchema.safeParse({ employeeNumbers });
  if (!parsed.success)
    throw new AppError(
      "invalid_input",
      parsed.error.issues[0]?.message ?? "Ongeldige keuze van medewerkers.",
    );
  const numbers = [...new Set(parsed.data.employeeNumbers)];
  const executor = db ?? (await getDb());

  return executor.transaction(async (tx) => {
    const erased = await tx
      .update(rosterEntries)
      .set({
        name: ERASED_TEXT,
        email: "",
        department: ERASED_TEXT,
        manager: null,
        startDate: null,
        endDate: null,
        erasedAt: now,
        updatedAt: now,
      })
      .where(and(inArray(rosterEntries.employeeNumber, numbers), pastTerm(now)))
      .returning({ employeeNumber: rosterEntries.employeeNumber });
    if (erased.length === 0) return { erased: 0, skipped: numbers.length };

    const erasedNumbers = erased.map((row) => row.employeeNumber);
    const accounts = await tx
      .update(employees)
      .set({ name: ERASED_TEXT, email: null, department: null, emailVerified: false })
      .where(inArray(employees.rosterEmployeeNumber, erasedNumbers))
      .returning({ id: employees.id });
    const accountIds = accounts.map((row) => row.id);
    // Mail sent to them names them and their address; the log keeps that a mail went out. Also
    // mail sent before they had an account (to the roster's address).
    await tx
      .update(mailLog)
      .set({ recipient: "", textBody: null, htmlBody: null })
      .where(
        or(
          inArray(mailLog.rosterEmployeeNumber, erasedNumbers),
          accountIds.length ? inArray(mailLog.employeeId, accountIds) : undefined,
        ),
      );

    await appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId ?? null,
      actorLabel: actor.label,
      action: "personal_data.erased",
      subjectType: "roster",
      data: {
        retentionYears: RETENTION_YEARS,
        count: erased.length,
        // Pseudonymous keys only: the roster's number and the account's id.
        employeeNumbers: erasedNumbers,
        employeeIds: accountIds,
      },
    });
    return { erased: erased.length, skipped: numbers.length - erased.length };
  });
}
