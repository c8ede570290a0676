import "server-only";

import { type Executor } from "@/lib/db/client";
import { type EmployeeListFilter, listEmployees, streamEmployees } from "./employee-list";

/**
 * "Everyone in the current filter" for a reminder: the accounts in the list's filter whose status
 * is outstanding (overdue included), read with the list's own query so the reminder reaches exactly
 * whom the list shows. Leavers and unlinked accounts are not outstanding; a roster entry without an
 * account has nowhere the portal could send to yet.
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
}): Promise<{ accountIds: number[]; inFilter: number }> {
  const { total: inFilter } = await listEmployees({
    filter: { ...filter, page: 1, perPage: 25 },
    now,
    policy,
    db,
  });
  const accountIds: number[] = [];
  // "outstanding" in the list includes overdue; narrower statuses stay as they are.
  const status = filter.status === "overdue" ? "overdue" : "outstanding";
  if (filter.status !== null && filter.status !== "outstanding" && filter.status !== "overdue")
    return { accountIds, inFilter };
  for await (const row of streamEmployees({ filter: { ...filter, status }, now, policy, db })) {
    if (row.accountId !== null) accountIds.push(row.accountId);
  }
  return { accountIds, inFilter };
}
