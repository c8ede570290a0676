import { z } from "zod";
import { getCurrentVersion, getVersionParts } from "@/lib/policy/versions";
import { internalError, internalFailure, internalResult, operatorRoute } from "../respond";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ policy: z.string().min(1).max(100) });

/** `npm run content:export` while the portal holds the embedded store: the current version's parts. Read-only. */
export const POST = operatorRoute(async (request: Request) => {
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return internalError("invalid_input", `Ongeldig verzoek: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const version = await getCurrentVersion({ policy: parsed.data.policy });
    const parts = await getVersionParts({ versionId: version.id });
    return internalResult({
      version: { number: version.number, contentHash: version.contentHash },
      parts,
    });
  } catch (error) {
    return internalFailure(error);
  }
});
