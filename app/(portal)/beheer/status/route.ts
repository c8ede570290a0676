import { getPortalStatus } from "@/lib/admin/status";
import { authorizedRoute } from "@/lib/auth/route";

export const dynamic = "force-dynamic";

/** The /beheer figures as JSON, for operators' scripts and monitoring with an admin session. */
export const GET = authorizedRoute("administer", async () =>
  Response.json(await getPortalStatus(), { headers: { "cache-control": "no-store" } }),
);
