import "server-only";

import { diffParts, type PartDiff } from "@/lib/content/diff";
import type { Executor } from "@/lib/db/client";
import type { CurrentPolicy } from "@/lib/reading/current-policy";
import { getReadableParts } from "@/lib/reading/current-policy";

/**
 * The redline from an earlier version to the current one: both sides' text blocks come from the
 * database (stored at publish time), so a comparison never parses MDX, whatever version is asked for.
 */
export async function getComparison({
  fromVersionId,
  current,
  db,
}: {
  fromVersionId: number;
  current: Pick<CurrentPolicy, "parts">;
  db?: Executor;
}): Promise<PartDiff[]> {
  const from = await getReadableParts(fromVersionId, db);
  return diffParts({ from, to: current.parts });
}
