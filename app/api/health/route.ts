import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDb, storeKind } from "@/lib/db/client";
import { findCurrentVersion } from "@/lib/policy/versions";

// Probed by load balancers and Playwright: always live, never cached, no session, no personal data.
export const dynamic = "force-dynamic";

export async function GET() {
  const store = storeKind();
  try {
    const db = await getDb();
    const current = await findCurrentVersion({ policy: DEFAULT_POLICY, db });
    return Response.json(
      { status: "ok", database: "ok", store, currentVersion: current?.number ?? null },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    console.error("[health] database check failed:", error);
    return Response.json(
      { status: "error", database: "error", store, currentVersion: null },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
