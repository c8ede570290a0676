"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { restoreVersionToDraft } from "@/lib/drafts/queries";
import { employeeLabel } from "@/lib/employees/queries";
import { AppError } from "@/lib/errors";
import { withdrawCurrentVersion } from "@/lib/policy/publish";

const versionNumber = z.coerce.number().int().min(1).max(1_000_000);

/**
 * Withdraws the current version by publishing its predecessor's text as a new version (history
 * stays as it is; audited as "policy.withdrawn" beside the publication). Editor and admin.
 */
export const withdrawVersionAction = authorizedAction(
  "publish-content",
  z.object({
    version: versionNumber,
    summary: z.string().max(1_000),
    confirm: z.literal("on", { error: "Vink aan dat je deze versie wilt intrekken." }),
  }),
  async (input, { user }) => {
    const version = await withdrawCurrentVersion({
      policy: DEFAULT_POLICY,
      expectedNumber: input.version,
      summary: input.summary,
      publishedBy: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    redirect(`/redactie/versies?gepubliceerd=${version.number}`);
  },
);

/** Puts an earlier version's text in the shared draft; the editor then reviews and publishes it. */
export const restoreVersionAction = authorizedAction(
  "edit-content",
  z.object({ version: versionNumber, revision: z.coerce.number().int().min(0) }),
  async (input, { user }) => {
    const result = await restoreVersionToDraft({
      policy: DEFAULT_POLICY,
      versionNumber: input.version,
      expectedRevision: input.revision,
      actor: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    if (result.status === "conflict") {
      throw new AppError(
        "conflict",
        "Iemand heeft het concept intussen opgeslagen. Open de geschiedenis opnieuw; het concept is niet overschreven.",
      );
    }
    redirect(`/redactie/publiceren?teruggezet=${input.version}`);
  },
);
