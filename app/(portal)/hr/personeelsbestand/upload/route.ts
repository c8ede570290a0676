import { z } from "zod";
import { authorizedRoute } from "@/lib/auth/route";
import {
  discardUpload,
  parseUpload,
  receiveUpload,
  recordPreviewCounts,
  UploadError,
} from "@/lib/hr/roster-upload";
import { AppError } from "@/lib/errors";
import { formatIssue } from "@/lib/roster/parse";
import { limitPreview, previewRosterImport } from "@/lib/roster/import";
import { logEvent } from "@/lib/log";
import type { UploadEvent } from "./events";

export const dynamic = "force-dynamic";

const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .transform((name) => name.replace(/[\\/]/g, "_"));

/**
 * The roster file as the raw request body (its name in X-File-Name, URI-encoded). Streams it to a
 * private temp file, then answers NDJSON: progress while parsing, then the errors or the preview
 * with a token for the confirmation (see ../actions.ts). Nothing changes until that confirmation.
 */
export const POST = authorizedRoute("manage-roster", async (request, { user }) => {
  const name = fileNameSchema.safeParse(
    decodeURIComponent(request.headers.get("x-file-name") ?? ""),
  );
  if (!name.success)
    return new Response("Geef het bestand een naam met .csv of .xlsx.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: UploadEvent) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let token: string | null = null;
      try {
        const upload = await receiveUpload({
          body: request.body,
          fileName: name.data,
          employeeId: user.employeeId,
        });
        token = upload.token;
        send({ type: "received", size: upload.size });
        const parsed = await parseUpload(upload.file, name.data, (progress) =>
          send({
            type: "progress",
            rowsRead: progress.rowsRead,
            bytesRead: progress.bytesRead,
            totalBytes: progress.totalBytes,
          }),
        );
        if (!parsed.ok) {
          await discardUpload(upload.token);
          send({
            type: "invalid",
            errors: parsed.errors.map(formatIssue),
            errorCount: parsed.errorCount,
            notices: parsed.notices,
          });
        } else {
          const preview = await previewRosterImport({ rows: parsed.rows });
          await recordPreviewCounts(upload.token, preview.counts);
          send({
            type: "preview",
            token: upload.token,
            sha256: upload.sha256,
            fileName: name.data,
            notices: parsed.notices,
            preview: limitPreview(preview, 10),
          });
        }
      } catch (error) {
        if (token) await discardUpload(token);
        const message =
          error instanceof UploadError || error instanceof AppError
            ? error.message
            : "Het bestand kon niet worden gelezen. Probeer het opnieuw.";
        if (!(error instanceof UploadError || error instanceof AppError))
          logEvent("error", { event: "roster_upload_failed", err: error }, "Roster upload failed");
        send({ type: "error", message });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
