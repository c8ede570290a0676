import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { getAcknowledgement } from "@/lib/acknowledgements/queries";
import { getDb } from "@/lib/db/client";
import { acknowledgements } from "@/lib/db/schema";
import { getEmployee } from "@/lib/employees/queries";
import { getVersionParts } from "@/lib/policy/versions";

import type { ReceiptFacts } from "./labels";

export type Receipt = ReceiptFacts & { id: number };

/** The reference printed on a receipt: policy, version number and the acknowledgement's id. */
export function receiptReference(version: { policy: string; number: number }, id: number): string {
  return `${version.policy}-v${version.number}-${id}`;
}

/** Read a printed reference back (case and surrounding space forgiven); null when it cannot be one. */
export function parseReceiptReference(
  text: string,
): { policy: string; versionNumber: number; id: number } | null {
  const match = /^([a-z0-9][a-z0-9-]*)-v(\d{1,9})-(\d{1,10})$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const id = Number(match[3]);
  if (id < 1 || id > 2_147_483_647) return null;
  return { policy: match[1], versionNumber: Number(match[2]), id };
}

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** The receipt of one of the employee's own acknowledgements, or null (also for someone else's). */
export async function getReceipt({
  id,
  employeeId,
}: {
  id: string | number;
  employeeId: number;
}): Promise<Receipt | null> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return null;
  const acknowledgement = await getAcknowledgement({ id: parsedId.data, employeeId });
  if (!acknowledgement) return null;
  const { version } = acknowledgement;
  const [employee, parts] = await Promise.all([
    getEmployee({ id: employeeId }),
    getVersionParts({ versionId: acknowledgement.versionId }),
  ]);
  if (!employee) return null;
  return {
    id: acknowledgement.id,
    reference: receiptReference(version, acknowledgement.id),
    employeeName: employee.name,
    department: employee.department,
    policyTitle: parts.find((part) => part.kind === "intro")?.title ?? "Gebruik van sociale media",
    versionNumber: version.number,
    versionSummary: version.summary,
    publishedAt: version.publishedAt,
    acknowledgedAt: acknowledgement.acknowledgedAt,
    contentHash: acknowledgement.contentHash,
  };
}

/**
 * Any employee's receipt, for P&O (callers check view-hr-data): the same receipt the employee
 * sees, found by the acknowledgement's id alone.
 */
export async function getReceiptForHr({ id }: { id: string | number }): Promise<Receipt | null> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return null;
  const db = await getDb();
  const [row] = await db
    .select({ employeeId: acknowledgements.employeeId })
    .from(acknowledgements)
    .where(eq(acknowledgements.id, parsedId.data))
    .limit(1);
  return row ? getReceipt({ id: parsedId.data, employeeId: row.employeeId }) : null;
}
