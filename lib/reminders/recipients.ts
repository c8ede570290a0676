import "server-only";

import { and, asc, eq, ilike, inArray, not, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acknowledgements, employees, policyVersions } from "@/lib/db/schema";
import type { Version } from "@/lib/policy/versions";

/** Which employees a batch is for: those HR selected, or everyone matching the list's filter. */
export type ReminderFilter = {
  department?: string;
  /** Name, email or number, as typed in the search box. */
  search?: string;
  /** "overdue": only when the deadline has passed (then every outstanding employee is overdue). */
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
 * "outstanding" or "changed"), in id order. This is the one place that decides who may get a
 * reminder; it is to be pointed at the shared acknowledgement-state SQL (and the roster's
 * "left" flag) once those exist, without changing its callers.
 */
export async function selectOutstandingEmployees({
  db,
  policy,
  required,
  target,
  now,
}: {
  db: Executor;
  policy: string;
  required: Version;
  target: ReminderTarget;
  now: Date;
}): Promise<OutstandingEmployee[]> {
  const overdue = required.deadline !== null && now.getTime() > required.deadline.getTime();
  const conditions: SQL[] = [
    not(
      sql`exists (select 1 from ${acknowledgements} a join ${policyVersions} v on v.id = a.version_id
        where a.employee_id = ${employees.id} and v.policy = ${policy} and v.number >= ${required.number})`,
    ),
  ];
  if ("employeeIds" in target) {
    if (target.employeeIds.length === 0) return [];
    conditions.push(inArray(employees.id, target.employeeIds));
  } else {
    const { department, search, status } = target.filter;
    if (status === "overdue" && !overdue) return [];
    if (department) conditions.push(eq(employees.department, department));
    if (search?.trim()) {
      const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(employees.name, pattern), ilike(employees.email, pattern))!);
    }
  }

  // The subquery names employees.id in full: drizzle leaves a single table's columns unqualified,
  // which inside the subquery would be ambiguous.
  return db
    .select({
      employeeId: employees.id,
      name: employees.name,
      email: employees.email,
      acknowledgedBefore: sql<boolean>`exists (select 1 from ${acknowledgements} a
        join ${policyVersions} v on v.id = a.version_id
        where a.employee_id = "employees"."id" and v.policy = ${policy})`.mapWith(Boolean),
    })
    .from(employees)
    .where(and(...conditions))
    .orderBy(asc(employees.id));
}
