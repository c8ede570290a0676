import { z } from "zod";
import { applyRosterImport, limitPreview, previewRosterImport } from "@/lib/roster/import";
import { operatorRoute, internalError, internalFailure, internalResult } from "../respond";
import { rosterImportBodySchema } from "./schema";

export const dynamic = "force-dynamic";

/** `npm run roster:import` while the portal holds the embedded store: the preview, then the apply. */
export const POST = operatorRoute(async (request: Request) => {
  const parsed = rosterImportBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return internalError("invalid_input", `Ongeldig verzoek: ${z.prettifyError(parsed.error)}`);
  }
  const body = parsed.data;
  try {
    if (body.mode === "preview")
      return internalResult(limitPreview(await previewRosterImport({ rows: body.rows })));
    const result = await applyRosterImport({
      rows: body.rows,
      actor: { label: body.actor.label },
      fileName: body.fileName,
      expectedCounts: body.expectedCounts,
    });
    return internalResult(result);
  } catch (error) {
    return internalFailure(error);
  }
});
