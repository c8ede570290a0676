"use server";

import { createElement } from "react";
import { z } from "zod";
import { MdxContent } from "@/components/content/mdx-content";
import { authorizedAction } from "@/lib/auth/action";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { renderDraftPreview } from "@/lib/drafts/preview";
import { discardDraft, saveDraft } from "@/lib/drafts/queries";
import { draftPartSchema, draftPartsSchema } from "@/lib/drafts/schema";

// Each action checks the permission itself (authorizedAction), then parses its input with zod.

/** Autosave: stores the editor's text if nobody saved since `expectedRevision`; else the server's text comes back. */
export const saveDraftAction = authorizedAction(
  "edit-content",
  z.strictObject({ expectedRevision: z.number().int().min(0), parts: draftPartsSchema }),
  async ({ expectedRevision, parts }, { user }) => {
    const result = await saveDraft({
      policy: DEFAULT_POLICY,
      expectedRevision,
      parts,
      actor: { employeeId: user.employeeId, label: user.name },
    });
    return result.status === "saved"
      ? { outcome: "saved" as const, draft: result.draft, problems: result.problems }
      : { outcome: "conflict" as const, draft: result.draft };
  },
);

/** "Concept verwerpen": back to the published text, unless someone saved since the editor's revision. */
export const discardDraftAction = authorizedAction(
  "edit-content",
  z.strictObject({ expectedRevision: z.number().int().min(0) }),
  async ({ expectedRevision }, { user }) => {
    const result = await discardDraft({
      policy: DEFAULT_POLICY,
      expectedRevision,
      actor: { employeeId: user.employeeId, label: user.name },
    });
    return { outcome: result.status, draft: result.draft };
  },
);

/**
 * The live preview of one part: validated and compiled in the MDX worker, then rendered here, on
 * the server, by the reading pages' MdxContent. The browser gets rendered elements, never code.
 */
export const previewDraftPartAction = authorizedAction(
  "edit-content",
  z.strictObject({ part: draftPartSchema }),
  async ({ part }, { user }) => {
    const result = await renderDraftPreview({ part, editorKey: String(user.employeeId) });
    switch (result.status) {
      case "ok":
        return {
          outcome: "ok" as const,
          preview: createElement(MdxContent, { part: result.part, cache: false }),
        };
      case "invalid":
        return { outcome: "invalid" as const, problems: result.problems };
      case "too_slow":
        return { outcome: "too_slow" as const, message: result.message };
      case "rate_limited":
        return {
          outcome: "rate_limited" as const,
          message: result.message,
          retryAfterMs: result.retryAfterMs,
        };
    }
  },
);
