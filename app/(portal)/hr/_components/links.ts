import type { EmployeeListRow } from "@/lib/hr/employee-list";

/** A roster entry's page is under its employee number; an account not on the roster under its id. */
export function employeeHref(row: Pick<EmployeeListRow, "employeeNumber" | "accountId">): string {
  return row.employeeNumber !== null
    ? `/hr/medewerkers/${encodeURIComponent(row.employeeNumber)}`
    : `/hr/medewerkers/account/${row.accountId}`;
}
