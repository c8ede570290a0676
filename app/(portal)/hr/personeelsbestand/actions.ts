"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { employeeLabel } from "@/lib/employees/queries";
import { AppError } from "@/lib/errors";
import { claimUpload, discardUpload, parseUpload, uploadTokenSchema } from "@/lib/hr/roster-upload";
import { applyRosterImport, type RosterCounts } from "@/lib/roster/import";
import { linkAccount } from "@/lib/roster/linking";

export type ConfirmImportState = ActionResult<{ counts: RosterCounts; linked: number }> | null;

/**
 * Apply the previewed upload in one transaction. Parses the stored file again; refuses when its
 * bytes are not the ones previewed, when it expired, or when the roster changed since the preview
 * (applyRosterImport compares the counts).
 */
export const confirmRosterImportAction = authorizedAction(
  "manage-roster",
  z.object({ token: uploadTokenSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  async ({ token, sha256 }, { user }) => {
    const upload = await claimUpload({ token, sha256, employeeId: user.employeeId });
    if (!upload)
      throw new AppError(
        "invalid_input",
        "Dit voorbeeld is verlopen of hoort niet bij dit bestand. Upload het bestand opnieuw.",
      );
    const parsed = await parseUpload(upload.file, upload.fileName);
    if (!parsed.ok)
      throw new AppError("invalid_input", "Het bestand bevat fouten. Upload het opnieuw.");
    const result = await applyRosterImport({
      rows: parsed.rows,
      actor: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
      fileName: upload.fileName,
      expectedCounts: upload.counts ?? undefined,
    });
    await discardUpload(token);
    revalidatePath("/hr", "layout");
    return { counts: result.counts, linked: result.linked.length };
  },
);

export type LinkAccountState = ActionResult<{ employeeNumber: string }> | null;

/** Link an account that signed in to a roster entry by hand. */
export const linkAccountAction = authorizedAction(
  "manage-roster",
  z.object({
    employeeId: z.coerce.number().int().positive().max(2_147_483_647),
    employeeNumber: z
      .string()
      .trim()
      .min(1, "Vul een personeelsnummer in.")
      .max(100, "Dit personeelsnummer is te lang."),
  }),
  async ({ employeeId, employeeNumber }, { user }) => {
    await linkAccount({
      employeeId,
      employeeNumber,
      actor: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    revalidatePath("/hr", "layout");
    return { employeeNumber };
  },
);
