import "server-only";

import { and, asc, eq, ilike, inArray, ne, or, type SQL } from "drizzle-orm";
import { acknowledgementStates } from "@/lib/acknowledgements/reports";
import type { Executor } from "@/lib/db/client";
import { employees } from "@/lib/db/schema";

/** Which employees a batch is for: those HR selected, or everyone matching the list's filter. */
export type ReminderFilter = {
  department?: string;
  /** Name or email, as typed in the search box. */
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
  const conditions: SQL[] = [ne(states.state, "acknowledged")];
  if ("employeeIds" in target) {
    if (target.employeeIds.length === 0) return [];
    conditions.push(inArray(employees.id, target.employeeIds));
  } else {
    const { department, search, status } = target.filter;
    if (status === "overdue") conditions.push(eq(states.overdue, true));
    if (department) conditions.push(eq(employees.department, department));
    if (search?.trim()) {
      const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(employees.name, pattern), ilike(employees.email, pattern))!);
    }
  }
  const rows = await db
    .select({
      employeeId: employees.id,
      name: employees.name,
      email: employees.email,
      state: states.state,
    })
    .from(states)
    .innerJoin(employees, eq(employees.id, states.employeeId))
    .where(and(...conditions))
    .orderBy(asc(employees.id));
  return rows.map(({ state, ...row }) => ({ ...row, acknowledgedBefore: state === "changed" }));
}
