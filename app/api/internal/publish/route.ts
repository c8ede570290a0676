import { z } from "zod";
import { cliPublisherLabel } from "@/lib/policy/publisher";
import { publishGuarded } from "@/lib/policy/publish";
import { internalError, internalFailure, internalResult, operatorRoute } from "../respond";
import { publishBodySchema } from "./schema";

export const dynamic = "force-dynamic";

/** `npm run content:publish` while the portal holds the embedded store. */
export const POST = operatorRoute(async (request) => {
  const parsed = publishBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return internalError("invalid_input", `Ongeldig verzoek: ${z.prettifyError(parsed.error)}`);
  }
  const body = parsed.data;
  try {
    // The same guard rails as the portal's form (lib/policy/publish.ts).
    const version = await publishGuarded({
      policy: body.policy,
      parts: body.parts,
      summary: body.summary,
      material: body.material,
      deadline: body.deadline ? new Date(body.deadline) : null,
      confirmShortDeadline: body.confirmShortDeadline,
      // The label names the OS account server-side; the caller's is only kept beside it.
      publishedBy: { label: cliPublisherLabel(body.publishedBy.label) },
    });
    return internalResult({ version });
  } catch (error) {
    return internalFailure(error);
  }
});
