import "server-only";

import { eq, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { PUBLISH_LOCK_CLASS } from "@/lib/db/advisory-locks";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { type PolicyDeadlineChange, policyDeadlineChanges } from "@/lib/db/schema";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { checkFutureDeadline, PublishRefusal } from "@/lib/policy/guard-rails";
import { listVersions, type Version } from "@/lib/policy/versions";

export type DeadlineChange = PolicyDeadlineChange;

/** Every correction of the version's deadline, oldest first. */
export async function listDeadlineChanges({
  versionId,
  db,
}: {
  versionId?: number;
  db?: Executor;
}): Promise<DeadlineChange[]> {
  const executor = db ?? (await getDb());
  const query = executor.select().from(policyDeadlineChanges);
  return (
    versionId === undefined ? query : query.where(eq(policyDeadlineChanges.versionId, versionId))
  ).orderBy(policyDeadlineChanges.id);
}

/**
 * Correct the deadline employees see without publishing a new version: the version that counts
 * (the newest material one, by the state rule) gets a new effective deadline, or none. The same
 * date rules as publishing; a reason is required; the change and its audit event commit together,
 * under the publish lock so a publication cannot slip in between reading and writing.
 */
export async function changeDeadline({
  policy,
  deadline,
  confirmShortDeadline,
  reason,
  changedBy,
  now = new Date(),
  db,
}: {
  policy: string;
  /** null removes the deadline. */
  deadline: Date | null;
  confirmShortDeadline: boolean;
  reason: string;
  changedBy: { employeeId?: number | null; label: string };
  now?: Date;
  db?: Db;
}): Promise<{ change: DeadlineChange; versionNumber: number }> {
  const why = reason.trim();
  if (!why) {
    throw new PublishRefusal(
      "reason_missing",
      "Geef een reden voor de wijziging van de uiterste datum; die komt in het auditlog.",
      "reason",
    );
  }
  if (deadline) checkFutureDeadline({ deadline, confirmShortDeadline, now });
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_CLASS}::int4, hashtext(${policy}))`,
    );
    const required = await findRequiredVersion(tx, policy);
    if (!required) {
      throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
    }
    const old = required.deadline;
    if ((old?.getTime() ?? null) === (deadline?.getTime() ?? null)) {
      throw new PublishRefusal(
        "deadline_unchanged",
        old
          ? `De uiterste datum is al ${formatDate(old)}.`
          : `Versie ${required.number} heeft al geen uiterste datum.`,
        "deadline",
      );
    }
    const [change] = await tx
      .insert(policyDeadlineChanges)
      .values({
        versionId: required.id,
        oldDeadline: old,
        newDeadline: deadline,
        reason: why,
        changedByEmployeeId: changedBy.employeeId ?? null,
        changedByLabel: changedBy.label,
      })
      .returning();
    await appendAuditEvent(tx, {
      actorEmployeeId: changedBy.employeeId ?? null,
      actorLabel: changedBy.label,
      action: "policy.deadline_changed",
      subjectType: "policy_version",
      subjectId: required.id,
      data: {
        policy,
        number: required.number,
        changeId: change.id,
        oldDeadline: old?.toISOString() ?? null,
        newDeadline: deadline?.toISOString() ?? null,
        reason: why,
      },
    });
    return { change, versionNumber: required.number };
  });
}

/** The version whose deadline counts, by the one state rule, with its effective deadline. */
async function findRequiredVersion(db: Executor, policy: string): Promise<Version | null> {
  const versions = await listVersions({ policy, db });
  if (versions.length === 0) return null;
  return computeAcknowledgementState({ versions, acknowledgements: [], now: new Date() }).required;
}
