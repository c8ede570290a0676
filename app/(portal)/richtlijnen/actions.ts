"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/dates";
import { checkReadingToken } from "@/lib/reading/reading-token-server";

export type AcknowledgeState = ActionResult<{
  versionNumber: number;
  acknowledgedAtText: string;
}> | null;

const acknowledgeSchema = z.object({
  versionId: z.coerce.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  // Checked below, with a message that sends the person to the text rather than a field error.
  readingToken: z.string().max(1_000).optional(),
  confirm: z.literal("ja", { message: "Vink aan dat je de richtlijnen hebt gelezen en begrepen." }),
});

const READING_REQUIRED_MESSAGE =
  "Je kunt alleen bevestigen onder de tekst die je hebt gelezen. Lees de richtlijnen en bevestig daarna onderaan de pagina.";
const READING_EXPIRED_MESSAGE =
  "Je hebt de tekst een tijd geleden geopend. Open hem opnieuw en bevestig daarna onderaan de pagina.";

/**
 * Stores the acknowledgement of the version the employee was shown. Only with a reading token that
 * the page with the whole text (or the redline) issued for this employee and version: a direct
 * request cannot acknowledge unread. Idempotent: a double submit or a second tab gets the existing
 * acknowledgement back, and both show success.
 */
export const acknowledgeAction = authorizedAction(
  "acknowledge-policy",
  acknowledgeSchema,
  async (input, { user }) => {
    const reading = checkReadingToken(input.readingToken, {
      employeeId: user.employeeId,
      versionId: input.versionId,
    });
    if (!reading.ok) {
      throw new AppError(
        "invalid_input",
        reading.reason === "expired" ? READING_EXPIRED_MESSAGE : READING_REQUIRED_MESSAGE,
        { reason: reading.reason },
      );
    }
    const userAgent = (await headers()).get("user-agent") ?? "";
    const { acknowledgement, version } = await acknowledgeVersion({
      employeeId: user.employeeId,
      versionId: input.versionId,
      contentHash: input.contentHash,
      userAgent,
      reading: { page: reading.claims.page, renderedAt: reading.claims.issuedAt },
    });
    // The status banner in the layout changes on every page.
    revalidatePath("/", "layout");
    return {
      versionNumber: version.number,
      acknowledgedAtText: formatDateTime(acknowledgement.acknowledgedAt),
    };
  },
);
