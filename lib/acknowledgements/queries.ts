import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { PUBLISH_LOCK_CLASS } from "@/lib/db/advisory-locks";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { type Acknowledgement, acknowledgements, policyVersions } from "@/lib/db/schema";
import {
  type AcknowledgementStateResult,
  computeAcknowledgementState,
} from "@/lib/acknowledgements/state";
import { employeeLabel } from "@/lib/employees/queries";
import { AppError } from "@/lib/errors";
import { findCurrentVersion, listVersions, type Version } from "@/lib/policy/versions";

export type AcknowledgementWithVersion = Acknowledgement & { version: Version };

export type AcknowledgementStatus = AcknowledgementStateResult<Version, AcknowledgementWithVersion>;

// Enough for any real browser; a longer header is not evidence of anything.
const MAX_USER_AGENT_LENGTH = 512;

/**
 * Record that the employee acknowledged the version they were shown. Idempotent: the unique
 * (employee, version) constraint collapses double submits onto one row, and only the request
 * that inserted it writes the audit event. Every caller gets the row back, with its version.
 */
export async function acknowledgeVersion({
  employeeId,
  versionId,
  contentHash,
  userAgent,
  reading,
  db,
}: {
  employeeId: number;
  versionId: number;
  contentHash: string;
  userAgent: string | null;
  /** Which page showed the whole text, and when it was rendered (from the reading token). */
  reading?: { page: string; renderedAt: Date };
  db?: Db;
}): Promise<{ created: boolean; acknowledgement: Acknowledgement; version: Version }> {
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    const [version] = await tx
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.id, versionId))
      .limit(1);
    if (!version) throw new AppError("not_found", "Deze versie van de richtlijnen bestaat niet.");

    // Shared with other acknowledgements, exclusive with a publication: "current" cannot change under us.
    await tx.execute(
      sql`select pg_advisory_xact_lock_shared(${PUBLISH_LOCK_CLASS}::int4, hashtext(${version.policy}))`,
    );
    const current = await findCurrentVersion({ policy: version.policy, db: tx });
    if (!current || current.id !== version.id) {
      throw new AppError(
        "version_outdated",
        `Er is intussen een nieuwere versie van de richtlijnen gepubliceerd (versie ${current?.number}). Lees die versie en bevestig opnieuw.`,
        { currentVersionId: current?.id, currentVersion: current?.number },
      );
    }
    if (contentHash !== version.contentHash) {
      throw new AppError(
        "version_outdated",
        "De tekst die je hebt gelezen komt niet overeen met de gepubliceerde versie. Laad de pagina opnieuw en bevestig dan.",
        { currentVersionId: current.id, currentVersion: current.number },
      );
    }

    const [inserted] = await tx
      .insert(acknowledgements)
      .values({
        employeeId,
        versionId,
        contentHash,
        userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
      })
      .onConflictDoNothing({ target: [acknowledgements.employeeId, acknowledgements.versionId] })
      .returning();

    if (!inserted) {
      // The other request committed first (it held the unique index entry until then).
      const [existing] = await tx
        .select()
        .from(acknowledgements)
        .where(
          and(
            eq(acknowledgements.employeeId, employeeId),
            eq(acknowledgements.versionId, versionId),
          ),
        )
        .limit(1);
      return { created: false, acknowledgement: existing, version };
    }

    await appendAuditEvent(tx, {
      actorEmployeeId: employeeId,
      actorLabel: employeeLabel(employeeId),
      action: "acknowledgement.created",
      subjectType: "acknowledgement",
      subjectId: inserted.id,
      data: {
        employeeId,
        versionId,
        policy: version.policy,
        versionNumber: version.number,
        contentHash,
        acknowledgedAt: inserted.acknowledgedAt.toISOString(),
        ...(reading ? { shownOn: reading.page, shownAt: reading.renderedAt.toISOString() } : {}),
      },
    });
    return { created: true, acknowledgement: inserted, version };
  });
}

/** Where the employee stands on the policy at `now`: the rule of lib/acknowledgements/state.ts. */
export async function getAcknowledgementStatus({
  employeeId,
  policy,
  now = new Date(),
  db,
}: {
  employeeId: number;
  policy: string;
  now?: Date;
  db?: Executor;
}): Promise<AcknowledgementStatus> {
  const executor = db ?? (await getDb());
  const versions = await listVersions({ policy, db: executor });
  if (versions.length === 0)
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  const acknowledgements = await selectAcknowledgements(executor, employeeId, policy);
  return computeAcknowledgementState({ versions, acknowledgements, now });
}

/** Every acknowledgement of the employee, newest first, each with the version it was for. */
export async function listAcknowledgements({
  employeeId,
  db,
}: {
  employeeId: number;
  db?: Executor;
}): Promise<AcknowledgementWithVersion[]> {
  const executor = db ?? (await getDb());
  const rows = await executor
    .select({ acknowledgement: acknowledgements, version: policyVersions })
    .from(acknowledgements)
    .innerJoin(policyVersions, eq(policyVersions.id, acknowledgements.versionId))
    .where(eq(acknowledgements.employeeId, employeeId))
    .orderBy(desc(acknowledgements.acknowledgedAt), desc(acknowledgements.id));
  return rows.map((row) => ({ ...row.acknowledgement, version: row.version }));
}

/** One acknowledgement, only when it belongs to the given employee (receipts are private). */
export async function getAcknowledgement({
  id,
  employeeId,
  db,
}: {
  id: number;
  employeeId: number;
  db?: Executor;
}): Promise<AcknowledgementWithVersion | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ acknowledgement: acknowledgements, version: policyVersions })
    .from(acknowledgements)
    .innerJoin(policyVersions, eq(policyVersions.id, acknowledgements.versionId))
    .where(and(eq(acknowledgements.id, id), eq(acknowledgements.employeeId, employeeId)))
    .limit(1);
  return row ? { ...row.acknowledgement, version: row.version } : null;
}

async function selectAcknowledgements(
  executor: Executor,
  employeeId: number,
  policy: string,
): Promise<AcknowledgementWithVersion[]> {
  const rows = await executor
    .select({ acknowledgement: acknowledgements, version: policyVersions })
    .from(acknowledgements)
    .innerJoin(policyVersions, eq(policyVersions.id, acknowledgements.versionId))
    .where(and(eq(acknowledgements.employeeId, employeeId), eq(policyVersions.policy, policy)))
    .orderBy(desc(policyVersions.number));
  return rows.map((row) => ({ ...row.acknowledgement, version: row.version }));
}
