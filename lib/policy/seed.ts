import "server-only";

import type { Db } from "@/lib/db/client";
import { ensureRenderings } from "@/lib/policy/renderings";
import { ensureInitialVersion } from "@/lib/policy/versions";

/**
 * Bring a freshly opened store to the portal's starting state: the shipped guideline imported as
 * version 1, and every version's stored renderings (compiled in the MDX worker once, for databases
 * written before renderings were stored). Idempotent and safe when several processes start at once. Every entry point that opens
 * a store calls it: the portal at startup (lib/server/startup.ts) and the CLIs (lib/cli/run.ts).
 * lib/db only migrates; it knows nothing of policies.
 */
export async function seedStore({
  db,
  initialDeadline = null,
}: {
  db: Db;
  /** The demo's deadline for version 1 when it is imported now; nobody else sets one. */
  initialDeadline?: Date | null;
}): Promise<void> {
  await ensureInitialVersion({ db, deadline: initialDeadline });
  await ensureRenderings({ db });
}
