import { checkpointConfig } from "@/lib/audit/checkpoints";
import { verifyEvidence } from "@/lib/audit/verify";
import { getDb } from "@/lib/db/client";
import { internalFailure, internalResult, operatorRoute } from "../respond";

export const dynamic = "force-dynamic";

/** `npm run audit:verify` while the portal holds the embedded store. Takes no input. */
export const POST = operatorRoute(async () => {
  try {
    return internalResult(
      await verifyEvidence({ db: await getDb(), checkpoints: checkpointConfig() }),
    );
  } catch (error) {
    return internalFailure(error);
  }
});
