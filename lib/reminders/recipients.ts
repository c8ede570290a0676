import "server-only";

import {
  type AnyColumn,
  and,
  asc,
  eq,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { acknowledgementStates, overdueSql, requiredVersion } from "@/lib/acknowledgements/reports";
import type { Executor } from "@/lib/db/client";
import { employees, rosterEntries } from "@/lib/db/schema";
import { stillEmployed } from "@/lib/roster/employment";

/** Which employees a batch is for: those HR selected, or everyone matching the list's filter. */
export type ReminderFilter = {
  department?: string;
  /** Name, email or employee number, as typed in the search box. */
  search?: string;
  /** "overdue": only those past the deadline. */
  status?: "outstanding" | "overdue";
};

/**
 * `employeeIds`: accounts; `employeeNumbers`: roster entries (also those nobody signed in for).
 * At least one of the two is non-empty.
 */
export type ReminderTarget =
  { employeeIds: number[]; employeeNumbers?: string[] } | { filter: ReminderFilter };

export type OutstandingEmployee = {
  /** The account; null: on the roster, never signed in. */
  employeeId: number | null;
  /** The roster entry; null: an account on no roster. */
  employeeNumber: string | null;
  name: string;
  email: string | null;
  /** Acknowledged an earlier version ("changed"), rather than never ("outstanding"). */
  acknowledgedBefore: boolean;
};

/** What every selection below is asked: whom (the target), for which policy, at which moment. */
type Selection = { db: Executor; policy: string; target: ReminderTarget; now: Date };

/**
 * The employees in the target who have not acknowledged the required version (state
 * "outstanding" or "changed" by the one state rule, lib/acknowledgements/reports.ts): accounts in
 * id order, then roster entries nobody signed in for (the rule's answer for them: they
 * acknowledged nothing), by employee number. The one place that decides who may get a reminder.
 */
export async function selectOutstandingEmployees({
  db,
  policy,
  target,
  now,
}: Selection): Promise<OutstandingEmployee[]> {
  const accounts = await selectOutstandingAccounts({ db, policy, target, now });
  const rosterOnly = await selectOutstandingRosterEntries({ db, policy, target, now });
  return [...accounts, ...rosterOnly];
}

function searchCondition(search: string | undefined, columns: (SQL | AnyColumn)[]): SQL | null {
  if (!search?.trim()) return null;
  const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((column) => ilike(column, pattern)))!;
}

async function selectOutstandingAccounts({
  db,
  policy,
  target,
  now,
}: Selection): Promise<OutstandingEmployee[]> {
  const states = acknowledgementStates({ policy, now });
  // The roster, when the account is linked to an entry, is P&O's own word on name, address and
  // department; someone who left the organisation gets no reminder.
  const name = sql<string>`coalesce(${rosterEntries.name}, ${employees.name})`;
  const email = sql<string | null>`coalesce(${rosterEntries.email}, ${employees.email})`;
  const department = sql<
    string | null
  >`coalesce(${rosterEntries.department}, ${employees.department})`;
  const conditions: SQL[] = [ne(states.state, "acknowledged"), stillEmployed(now)];
  if ("employeeIds" in target) {
    const byNumber = target.employeeNumbers ?? [];
    if (target.employeeIds.length === 0 && byNumber.length === 0) return [];
    conditions.push(
      or(
        target.employeeIds.length ? inArray(employees.id, target.employeeIds) : undefined,
        byNumber.length ? inArray(employees.rosterEmployeeNumber, byNumber) : undefined,
      )!,
    );
  } else {
    const filter = target.filter;
    if (filter.status === "overdue") conditions.push(eq(states.overdue, true));
    if (filter.department) conditions.push(eq(department, filter.department));
    const search = searchCondition(filter.search, [name, email, rosterEntries.employeeNumber]);
    if (search) conditions.push(search);
  }
  const rows = await db
    .select({
      employeeId: employees.id,
      employeeNumber: employees.rosterEmployeeNumber,
      name,
      email,
      state: states.state,
    })
    .from(states)
    .innerJoin(employees, eq(employees.id, states.employeeId))
    .leftJoin(rosterEntries, eq(rosterEntries.employeeNumber, employees.rosterEmployeeNumber))
    .where(and(...conditions))
    .orderBy(asc(employees.id));
  return rows.map(({ state, ...row }) => ({ ...row, acknowledgedBefore: state === "changed" }));
}

/** On the roster, not left, no account linked: they acknowledged nothing, so they are outstanding. */
async function selectOutstandingRosterEntries({
  db,
  policy,
  target,
  now,
}: Selection): Promise<OutstandingEmployee[]> {
  const required = requiredVersion({ policy });
  const conditions: SQL[] = [isNull(employees.id), stillEmployed(now)];
  if ("employeeIds" in target) {
    if (!target.employeeNumbers?.length) return [];
    conditions.push(inArray(rosterEntries.employeeNumber, target.employeeNumbers));
  } else {
    const filter = target.filter;
    if (filter.status === "overdue")
      conditions.push(
        overdueSql({
          acknowledgedVersionNumber: sql`null::integer`,
          requiredVersionNumber: required.requiredVersionNumber,
          deadline: required.deadline,
          now,
        }),
      );
    if (filter.department) conditions.push(eq(rosterEntries.department, filter.department));
    const search = searchCondition(filter.search, [
      rosterEntries.name,
      rosterEntries.email,
      rosterEntries.employeeNumber,
    ]);
    if (search) conditions.push(search);
  }
  const rows = await db
    .select({
      employeeNumber: rosterEntries.employeeNumber,
      name: rosterEntries.name,
      email: rosterEntries.email,
    })
    .from(rosterEntries)
    // Before the first version nobody is outstanding: no required version, no rows.
    .innerJoin(required, sql`true`)
    .leftJoin(employees, eq(employees.rosterEmployeeNumber, rosterEntries.employeeNumber))
    .where(and(...conditions))
    .orderBy(asc(rosterEntries.employeeNumber));
  return rows.map((row) => ({
    employeeId: null,
    employeeNumber: row.employeeNumber,
    name: row.name,
    email: row.email,
    acknowledgedBefore: false,
  }));
}
