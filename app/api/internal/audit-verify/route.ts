import { checkpointConfig } from "@/lib/audit/checkpoints";
import { verifyEvidence } from "@/lib/audit/verify";
import { getDb } from "@/lib/db/client";
import { authorizeInternal, internalFailure, internalResult } from "../authorize";

export const dynamic = "force-dynamic";

/** `npm run audit:verify` while the portal holds the embedded store. Takes no input. */
export async function POST(request: Request) {
  const denied = await authorizeInternal(request);
  if (denied) return denied;
  try {
    return internalResult(
      await verifyEvidence({ db: await getDb(), checkpoints: checkpointConfig() }),
    );
  } catch (error) {
    return internalFailure(error);
  }
}
