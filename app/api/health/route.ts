import { DEFAULT_POLICY } from "@/lib/content/source";
import { isDatabaseAvailable, PROBE_TIMEOUT_MS, withTimeout } from "@/lib/db/availability";
import { getDb, storeKind } from "@/lib/db/client";
import { findCurrentVersion } from "@/lib/policy/versions";
import { logEvent } from "@/lib/log";

// Probed by load balancers and Playwright: always live, never cached, no session, no personal data.
// Bounded: a slow or unreachable database answers 503 within a few seconds, never hangs.
export const dynamic = "force-dynamic";

export async function GET() {
  const store = storeKind();
  try {
    if (!(await isDatabaseAvailable())) throw new Error("database probe failed");
    const current = await withTimeout(
      getDb().then((db) => findCurrentVersion({ policy: DEFAULT_POLICY, db })),
      PROBE_TIMEOUT_MS,
    );
    return Response.json(
      { status: "ok", database: "ok", store, currentVersion: current?.number ?? null },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    logEvent("error", { event: "health_failed", err: error }, "Health check: the database failed");
    return Response.json(
      { status: "error", database: "error", store, currentVersion: null },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "30" } },
    );
  }
}
