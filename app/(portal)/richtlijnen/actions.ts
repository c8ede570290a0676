"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { formatDateTime } from "@/lib/format/dates";

export type AcknowledgeState = ActionResult<{
  versionNumber: number;
  acknowledgedAtText: string;
}> | null;

const acknowledgeSchema = z.object({
  versionId: z.coerce.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  confirm: z.literal("ja", { message: "Vink aan dat je de richtlijnen hebt gelezen en begrepen." }),
});

/**
 * Stores the acknowledgement of the version the employee was shown. Idempotent: a double submit or a
 * second tab gets the existing acknowledgement back, and both show success.
 */
export const acknowledgeAction = authorizedAction(
  "acknowledge-policy",
  acknowledgeSchema,
  async (input, { user }) => {
    const userAgent = (await headers()).get("user-agent") ?? "";
    const { acknowledgement, version } = await acknowledgeVersion({
      employeeId: user.employeeId,
      versionId: input.versionId,
      contentHash: input.contentHash,
      userAgent,
    });
    // The status banner in the layout changes on every page.
    revalidatePath("/", "layout");
    return {
      versionNumber: version.number,
      acknowledgedAtText: formatDateTime(acknowledgement.acknowledgedAt),
    };
  },
);
