import "server-only";

import { eq, getTableColumns, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { type Employee, employees } from "@/lib/db/schema";

export type SignInProfile = {
  issuer: string;
  subject: string;
  name: string;
  email?: string | null;
  department?: string | null;
  /** The roles the IdP's groups map to; stored on the row, which every request reads. */
  roles?: string[];
};

/** The label the audit trail uses for an employee: an id, not a name, so the trail holds no more personal data than needed. */
export function employeeLabel(employeeId: number): string {
  return `medewerker ${employeeId}`;
}

/**
 * Upsert the employee by the IdP's (issuer, subject) and record the sign-in, in one transaction.
 * Email and department are only overwritten when the IdP sends them.
 */
export async function recordSignIn({
  db,
  ...profile
}: SignInProfile & { db?: Db }): Promise<Employee> {
  const executor = db ?? (await getDb());
  const email = profile.email?.trim() || null;
  const department = profile.department?.trim() || null;
  const name = profile.name.trim() || profile.subject;

  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(employees)
      .values({
        issuer: profile.issuer,
        subject: profile.subject,
        name,
        email,
        department,
        roles: profile.roles ?? [],
        lastSignInAt: sql`now()`,
      })
      .onConflictDoUpdate({
        target: [employees.issuer, employees.subject],
        set: {
          name,
          email: sql`coalesce(excluded.email, ${employees.email})`,
          department: sql`coalesce(excluded.department, ${employees.department})`,
          // Without roles (a caller that does not know them) the stored ones stay.
          ...(profile.roles ? { roles: profile.roles } : {}),
          lastSignInAt: sql`now()`,
        },
      })
      // xmax = 0 only for a freshly inserted row: tells a first sign-in from a returning one.
      .returning({ ...getTableColumns(employees), inserted: sql<boolean>`(xmax = 0)` });
    const { inserted, ...employee } = row;

    await appendAuditEvent(tx, {
      actorEmployeeId: employee.id,
      actorLabel: employeeLabel(employee.id),
      action: "auth.sign_in",
      subjectType: "employee",
      subjectId: employee.id,
      data: { firstSignIn: inserted },
    });
    return employee;
  });
}

/** Record that the employee signed out. Written here, beside the sign-in event, so both read alike. */
export async function recordSignOut({
  employeeId,
  db,
}: {
  employeeId: number;
  /** The caller's transaction (ending the server-side session), so both commit together. */
  db?: Executor;
}): Promise<void> {
  const executor = db ?? (await getDb());
  await executor.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actorEmployeeId: employeeId,
      actorLabel: employeeLabel(employeeId),
      action: "auth.sign_out",
      subjectType: "employee",
      subjectId: employeeId,
    });
  });
}

export async function getEmployee({ id, db }: { id: number; db?: Db }): Promise<Employee | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor.select().from(employees).where(eq(employees.id, id)).limit(1);
  return row ?? null;
}
