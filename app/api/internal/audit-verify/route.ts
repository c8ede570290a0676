import { verifyAuditChain } from "@/lib/audit/events";
import { internalFailure, internalResult, operatorRoute } from "../respond";

export const dynamic = "force-dynamic";

/** `npm run audit:verify` while the portal holds the embedded store. Takes no input. */
export const POST = operatorRoute(async () => {
  try {
    return internalResult(await verifyAuditChain());
  } catch (error) {
    return internalFailure(error);
  }
});
