import "server-only";

import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { acknowledgementStates } from "@/lib/acknowledgements/reports";
import type { Executor } from "@/lib/db/client";
import { employees, rosterEntries } from "@/lib/db/schema";

/** Which employees a batch is for: those HR selected, or everyone matching the list's filter. */
export type ReminderFilter = {
  department?: string;
  /** Name, email or employee number, as typed in the search box. */
  search?: string;
  /** "overdue": only those past the deadline. */
  status?: "outstanding" | "overdue";
};

export type ReminderTarget = { employeeIds: number[] } | { filter: ReminderFilter };

export type OutstandingEmployee = {
  employeeId: number;
  name: string;
  email: string | null;
  /** Acknowledged an earlier version ("changed"), rather than never ("outstanding"). */
  acknowledgedBefore: boolean;
};

/**
 * The employees in the target who have not acknowledged the required version (state
 * "outstanding" or "changed" by the one state rule, lib/acknowledgements/reports.ts), in id
 * order. The one place that decides who may get a reminder.
 */
export async function selectOutstandingEmployees({
  db,
  policy,
  target,
  now,
}: {
  db: Executor;
  policy: string;
  target: ReminderTarget;
  now: Date;
}): Promise<OutstandingEmployee[]> {
  const states = acknowledgementStates({ policy, now });
  // The roster, when the account is linked to an entry, is P&O's own word on name, address and
  // department; someone who left the organisation gets no reminder.
  const name = sql<string>`coalesce(${rosterEntries.name}, ${employees.name})`;
  const email = sql<string | null>`coalesce(${rosterEntries.email}, ${employees.email})`;
  const department = sql<
    string | null
  >`coalesce(${rosterEntries.department}, ${employees.department})`;
  const conditions: SQL[] = [ne(states.state, "acknowledged"), isNull(rosterEntries.leftAt)];
  if ("employeeIds" in target) {
    if (target.employeeIds.length === 0) return [];
    conditions.push(inArray(employees.id, target.employeeIds));
  } else {
    const filter = target.filter;
    if (filter.status === "overdue") conditions.push(eq(states.overdue, true));
    if (filter.department) conditions.push(eq(department, filter.department));
    if (filter.search?.trim()) {
      const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        or(
          ilike(name, pattern),
          ilike(email, pattern),
          ilike(rosterEntries.employeeNumber, pattern),
        )!,
      );
    }
  }
  const rows = await db
    .select({
      employeeId: employees.id,
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
