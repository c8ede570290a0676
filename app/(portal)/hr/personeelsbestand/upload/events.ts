import type { RosterPreview } from "@/lib/roster/import";

/** One line of the upload route's NDJSON answer. */
export type UploadEvent =
  | { type: "received"; size: number }
  | { type: "progress"; rowsRead: number; bytesRead: number; totalBytes: number | null }
  | { type: "invalid"; errors: string[]; errorCount: number; notices: string[] }
  | {
      type: "preview";
      token: string;
      sha256: string;
      fileName: string;
      notices: string[];
      preview: RosterPreview;
    }
  | { type: "error"; message: string };
