"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { discardDraft, draftSources, getDraft } from "@/lib/drafts/queries";
import { employeeLabel } from "@/lib/employees/queries";
import { AppError } from "@/lib/errors";
import { notifyNewVersion } from "@/lib/policy/notify";
import { publishGuarded } from "@/lib/policy/publish";
import { checkbox, optionalDate } from "../_publish/form-fields";

const schema = z.object({
  summary: z.string().max(2_000),
  material: z.enum(["ja", "nee"], { error: "Kies of de wijziging inhoudelijk is." }),
  deadline: optionalDate,
  confirmShortDeadline: checkbox,
  notify: checkbox,
  // The draft revision the editor reviewed on the page: publish exactly that text.
  revision: z.coerce.number().int().min(0),
});

/**
 * Publishes the shared draft as the next version, through the guard rails every publication
 * passes (lib/policy/publish.ts). Then the draft goes back to the published text, and on a
 * material change, when asked, every active employee gets a mail. Editor and admin.
 */
export const publishDraftAction = authorizedAction(
  "publish-content",
  schema,
  async (input, { user }) => {
    const actor = { employeeId: user.employeeId, label: employeeLabel(user.employeeId) };
    const draft = await getDraft({ policy: DEFAULT_POLICY });
    if (draft.revision !== input.revision) {
      throw new AppError(
        "conflict",
        "Het concept is gewijzigd sinds je deze pagina opende. Bekijk de wijzigingen opnieuw voordat je publiceert.",
      );
    }
    const material = input.material === "ja";
    const version = await publishGuarded({
      policy: DEFAULT_POLICY,
      parts: draftSources(draft),
      summary: input.summary,
      material,
      deadline: input.deadline,
      confirmShortDeadline: input.confirmShortDeadline,
      publishedBy: actor,
    });
    // The draft now equals the published text; a save made meanwhile wins and stays.
    if (draft.changed) {
      await discardDraft({ policy: DEFAULT_POLICY, expectedRevision: draft.revision, actor });
    }
    let mailed = "";
    if (material && input.notify) {
      const result = await notifyNewVersion({ version, actor });
      mailed = `&gemaild=${result.sent}`;
    }
    redirect(`/redactie/versies?gepubliceerd=${version.number}${mailed}`);
  },
);
