import "server-only";

import { z } from "zod";
import { getAcknowledgement } from "@/lib/acknowledgements/queries";
import { getEmployee } from "@/lib/employees/queries";
import { getVersionParts } from "@/lib/policy/versions";

export type Receipt = {
  id: number;
  reference: string;
  employeeName: string;
  department: string | null;
  policyTitle: string;
  versionNumber: number;
  versionSummary: string;
  publishedAt: Date;
  acknowledgedAt: Date;
  contentHash: string;
};

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
    reference: `${version.policy}-v${version.number}-${acknowledgement.id}`,
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
