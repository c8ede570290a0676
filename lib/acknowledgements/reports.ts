import "server-only";

import { desc, eq, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { employeePolicyStates, employees, policyVersions } from "@/lib/db/schema";
import type { AcknowledgementState } from "@/lib/acknowledgements/state";
import { effectiveDeadline } from "@/lib/policy/effective-deadline";

/**
 * The version everyone must have acknowledged: the newest material version; when none is material,
 * the first (version 1 always is in practice). One row, or none before the first version.
 */
export function requiredVersion({ policy }: { policy: string }) {
  const qb = new QueryBuilder();
  return qb
    .select({
      requiredVersionNumber: sql<number>`${policyVersions.number}`.as("required_version_number"),
      // The effective deadline: a correction (lib/policy/deadline-changes.ts) counts at once.
      deadline: sql<Date | null>`${effectiveDeadline}`
        .mapWith(policyVersions.deadline)
        .as("required_deadline"),
    })
    .from(policyVersions)
    .where(eq(policyVersions.policy, policy))
    .orderBy(
      desc(policyVersions.material),
      sql`case when ${policyVersions.material} then ${policyVersions.number} end desc nulls last`,
      policyVersions.number,
    )
    .limit(1)
    .as("required_version");
}

/**
 * "Overdue" of the rule: not acknowledged the required version (null: nothing acknowledged) and
 * strictly past its deadline. Exported for rows with no account yet (a roster entry nobody signed
 * in for), which the rule treats as having acknowledged nothing.
 */
export function overdueSql({
  acknowledgedVersionNumber,
  requiredVersionNumber,
  deadline,
  now,
}: {
  acknowledgedVersionNumber: unknown;
  requiredVersionNumber: unknown;
  deadline: unknown;
  now: Date;
}): SQL<boolean> {
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  return sql<boolean>`((${acknowledgedVersionNumber}) is null
        or (${acknowledgedVersionNumber}) < ${requiredVersionNumber})
        and ${deadline} is not null and ${deadline} < ${nowParam}`;
}

/**
 * Each employee's highest acknowledged version number of `policy` and when they acknowledged it,
 * kept by a trigger on acknowledgements (docs/decisions/0016-employee-policy-states.md): one row
 * per employee who acknowledged anything, read as it is rather than aggregated per request.
 */
export function newestAcknowledgements({ policy }: { policy: string }) {
  return new QueryBuilder()
    .select({
      employeeId: sql<number>`${employeePolicyStates.employeeId}`.as("acknowledging_employee_id"),
      acknowledgedVersionNumber: sql<number>`${employeePolicyStates.acknowledgedVersionNumber}`.as(
        "acknowledged_version_number",
      ),
      acknowledgedAt: sql<Date>`${employeePolicyStates.acknowledgedAt}`
        .mapWith(employeePolicyStates.acknowledgedAt)
        .as("newest_acknowledged_at"),
    })
    .from(employeePolicyStates)
    .where(eq(employeePolicyStates.policy, policy))
    .as("newest_acknowledgement");
}

/**
 * The state of the rule from the highest acknowledged version number (null: nothing acknowledged)
 * and the required one. Exported, like overdueSql, for the HR list, which joins the parts itself
 * rather than a second copy of the accounts.
 */
export function stateSql({
  acknowledgedVersionNumber,
  requiredVersionNumber,
}: {
  acknowledgedVersionNumber: unknown;
  requiredVersionNumber: unknown;
}): SQL<AcknowledgementState> {
  return sql<AcknowledgementState>`case
    when (${acknowledgedVersionNumber}) is null then 'outstanding'
    when (${acknowledgedVersionNumber}) >= ${requiredVersionNumber} then 'acknowledged'
    else 'changed' end`;
}

/**
 * The rule of computeAcknowledgementState (lib/acknowledgements/state.ts) in SQL: one row per
 * employee with where they stand on `policy` at `now`. A subquery, so the HR dashboard can join it
 * with employees and filter, sort, paginate and GROUP BY in the database:
 *
 *   const states = acknowledgementStates({ policy, now });
 *   db.select({ department: employees.department, overdue: count() })
 *     .from(states).innerJoin(employees, eq(employees.id, states.employeeId))
 *     .where(states.overdue).groupBy(employees.department);
 *
 * `now` is a parameter, not SQL now(), so a page and its export agree and tests can pin time.
 * No rows when the policy has no version yet. A property test keeps this and the pure rule equal.
 */
export function acknowledgementStates({ policy, now }: { policy: string; now: Date }) {
  const required = requiredVersion({ policy });
  const newest = newestAcknowledgements({ policy });

  return new QueryBuilder()
    .select({
      employeeId: sql<number>`${employees.id}`.as("employee_id"),
      state: stateSql({
        acknowledgedVersionNumber: newest.acknowledgedVersionNumber,
        requiredVersionNumber: required.requiredVersionNumber,
      }).as("state"),
      requiredVersionNumber: sql<number>`${required.requiredVersionNumber}`.as(
        "required_version_number",
      ),
      acknowledgedVersionNumber: sql<number | null>`${newest.acknowledgedVersionNumber}`.as(
        "acknowledged_version_number",
      ),
      // When they acknowledged that version (null: never).
      acknowledgedAt: sql<Date | null>`${newest.acknowledgedAt}`
        .mapWith(employeePolicyStates.acknowledgedAt)
        .as("acknowledged_at"),
      deadline: sql<Date | null>`${required.deadline}`
        .mapWith(policyVersions.deadline)
        .as("deadline"),
      overdue: overdueSql({
        acknowledgedVersionNumber: newest.acknowledgedVersionNumber,
        requiredVersionNumber: required.requiredVersionNumber,
        deadline: required.deadline,
        now,
      })
        .mapWith(Boolean)
        .as("overdue"),
    })
    .from(employees)
    .crossJoin(required)
    .leftJoin(newest, eq(newest.employeeId, employees.id))
    .as("acknowledgement_states");
}
