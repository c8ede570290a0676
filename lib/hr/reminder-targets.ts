import "server-only";

import { type Executor } from "@/lib/db/client";
import { type EmployeeListFilter, listEmployees, streamEmployees } from "./employee-list";

/**
 * "Everyone in the current filter" for a reminder: the people in the list's filter whose status
 * is outstanding (overdue included), read with the list's own query so the reminder reaches exactly
 * whom the list shows: accounts by id, roster entries nobody signed in for by employee number (they
 * are mailed at the roster's address). Leavers and unlinked accounts are not outstanding.
 */
export async function outstandingAccountsInFilter({
  filter,
  now,
  policy,
  db,
}: {
  filter: EmployeeListFilter;
  now: Date;
  policy?: string;
  db?: Executor;
}): Promise<{ accountIds: number[]; employeeNumbers: string[]; inFilter: number }> {
  const { total: inFilter } = await listEmployees({
    filter: { ...filter, page: 1, perPage: 25 },
    now,
    policy,
    db,
  });
  const accountIds: number[] = [];
  const employeeNumbers: string[] = [];
  // "outstanding" in the list includes overdue; narrower statuses stay as they are.
  const status = filter.status === "overdue" ? "overdue" : "outstanding";
  if (filter.status !== null && filter.status !== "outstanding" && filter.status !== "overdue")
    return { accountIds, employeeNumbers, inFilter };
  for await (const row of streamEmployees({ filter: { ...filter, status }, now, policy, db })) {
    if (row.accountId !== null) accountIds.push(row.accountId);
    else if (row.employeeNumber !== null) employeeNumbers.push(row.employeeNumber);
  }
  return { accountIds, employeeNumbers, inFilter };
}
