import { verifyAuditChain } from "@/lib/audit/events";
import { authorizeInternal, internalFailure, internalResult } from "../authorize";

export const dynamic = "force-dynamic";

/** `npm run audit:verify` while the portal holds the embedded store. Takes no input. */
export async function POST(request: Request) {
  const denied = await authorizeInternal(request);
  if (denied) return denied;
  try {
    return internalResult(await verifyAuditChain());
  } catch (error) {
    return internalFailure(error);
  }
}
