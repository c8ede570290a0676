import "server-only";

import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { type Db, getDb } from "@/lib/db/client";
import { authSessions, type Employee, employees } from "@/lib/db/schema";
import { recordSignOut } from "@/lib/employees/queries";
import { sessionExpiresAt } from "./session-lifetime";

export type ServerSession = {
  id: string;
  expiresAt: Date;
  endedAt: Date | null;
  employee: Employee;
};

/** A new server-side session for an employee who just signed in; its end is fixed now. */
export async function startSession({
  employeeId,
  db,
}: {
  employeeId: number;
  db?: Db;
}): Promise<{ id: string; startedAt: Date; expiresAt: Date }> {
  const executor = db ?? (await getDb());
  // Sessions past their end are of no use, and they say when someone worked: keep a week at most.
  await executor
    .delete(authSessions)
    .where(lt(authSessions.expiresAt, sql`now() - interval '7 days'`));
  const startedAt = new Date();
  const [row] = await executor
    .insert(authSessions)
    .values({
      id: randomBytes(32).toString("base64url"),
      employeeId,
      startedAt,
      expiresAt: sessionExpiresAt(startedAt),
    })
    .returning();
  return { id: row.id, startedAt: row.startedAt, expiresAt: row.expiresAt };
}

/** The session with its employee as stored now (roles included), or null when either is gone. */
export async function readSession({
  id,
  db,
}: {
  id: string;
  db?: Db;
}): Promise<ServerSession | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ session: authSessions, employee: employees })
    .from(authSessions)
    .innerJoin(employees, eq(employees.id, authSessions.employeeId))
    .where(eq(authSessions.id, id))
    .limit(1);
  if (!row) return null;
  return {
    id: row.session.id,
    expiresAt: row.session.expiresAt,
    endedAt: row.session.endedAt,
    employee: row.employee,
  };
}

/**
 * Sign-out: the session ends on the server, so a copy of its cookie is refused from now on. The
 * audit event is written in the same transaction; a second sign-out of the same session is a no-op.
 */
export async function endSession({
  id,
  employeeId,
  db,
}: {
  id: string;
  employeeId: number;
  db?: Db;
}): Promise<boolean> {
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ endedAt: new Date() })
      .where(
        and(
          eq(authSessions.id, id),
          eq(authSessions.employeeId, employeeId),
          isNull(authSessions.endedAt),
        ),
      )
      .returning({ id: authSessions.id });
    if (ended.length === 0) return false;
    await recordSignOut({ employeeId, db: tx });
    return true;
  });
}
