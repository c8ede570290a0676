import "server-only";

import { and, desc, eq, max, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { acknowledgements, employees, policyVersions } from "@/lib/db/schema";
import type { AcknowledgementState } from "@/lib/acknowledgements/state";

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
  const qb = new QueryBuilder();

  // The newest material version; when none is material, the first (version 1 always is in practice).
  const required = qb
    .select({
      requiredVersionNumber: sql<number>`${policyVersions.number}`.as("required_version_number"),
      deadline: sql<Date | null>`${policyVersions.deadline}`
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

  // Each employee's highest acknowledged version number of this policy.
  const newest = qb
    .select({
      employeeId: sql<number>`${acknowledgements.employeeId}`.as("acknowledging_employee_id"),
      acknowledgedVersionNumber: sql<number>`${max(policyVersions.number)}`.as(
        "acknowledged_version_number",
      ),
    })
    .from(acknowledgements)
    .innerJoin(
      policyVersions,
      and(eq(policyVersions.id, acknowledgements.versionId), eq(policyVersions.policy, policy)),
    )
    .groupBy(acknowledgements.employeeId)
    .as("newest_acknowledgement");

  const state = sql<AcknowledgementState>`case
    when ${newest.acknowledgedVersionNumber} is null then 'outstanding'
    when ${newest.acknowledgedVersionNumber} >= ${required.requiredVersionNumber} then 'acknowledged'
    else 'changed' end`;
  const nowParam = sql`${now.toISOString()}::timestamptz`;

  return qb
    .select({
      employeeId: sql<number>`${employees.id}`.as("employee_id"),
      state: state.as("state"),
      requiredVersionNumber: sql<number>`${required.requiredVersionNumber}`.as(
        "required_version_number",
      ),
      acknowledgedVersionNumber: sql<number | null>`${newest.acknowledgedVersionNumber}`.as(
        "acknowledged_version_number",
      ),
      deadline: sql<Date | null>`${required.deadline}`
        .mapWith(policyVersions.deadline)
        .as("deadline"),
      overdue: sql<boolean>`(${newest.acknowledgedVersionNumber} is null
        or ${newest.acknowledgedVersionNumber} < ${required.requiredVersionNumber})
        and ${required.deadline} is not null and ${required.deadline} < ${nowParam}`
        .mapWith(Boolean)
        .as("overdue"),
    })
    .from(employees)
    .crossJoin(required)
    .leftJoin(newest, eq(newest.employeeId, employees.id))
    .as("acknowledgement_states");
}
