import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { policyVersions } from "@/lib/db/schema";
import { internalError, internalFailure, internalResult, operatorRoute } from "../respond";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  policy: z.string().min(1).max(100),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * `npm run content:publish` asks this when its connection to the publish route was lost: the
 * newest version of the policy with this content, or null. Read-only.
 */
export const POST = operatorRoute(async (request: Request) => {
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return internalError("invalid_input", `Ongeldig verzoek: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const db = await getDb();
    const [version] = await db
      .select()
      .from(policyVersions)
      .where(
        and(
          eq(policyVersions.policy, parsed.data.policy),
          eq(policyVersions.contentHash, parsed.data.contentHash),
        ),
      )
      .orderBy(desc(policyVersions.number))
      .limit(1);
    return internalResult({ version: version ?? null });
  } catch (error) {
    return internalFailure(error);
  }
});
