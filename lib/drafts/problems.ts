import type { SourceError } from "@/lib/content/validate";
import type { DraftPart } from "./parts";

/** A validation message for one part, placed where the editor shows it: a field, or body line and column. */
export type DraftProblem = {
  slug: string;
  field: "title" | "summary" | "body" | "part";
  message: string;
  /** Body-relative for field "body"; 1 otherwise. */
  line: number;
  column: number;
};

/** Moves a message about the composed file (lib/drafts/parts.ts) to the field or body line it is about. */
export function placeProblem(
  part: Pick<DraftPart, "slug">,
  offset: number,
  error: SourceError,
): DraftProblem {
  const base = { slug: part.slug, message: error.message };
  if (error.line > offset)
    return { ...base, field: "body", line: error.line - offset, column: error.column };
  // Frontmatter lines: 2 title, 5 summary (composeFrontmatter); the rest is not the editor's to fix.
  if (error.line === 2) return { ...base, field: "title", line: 1, column: 1 };
  if (error.line === 5) return { ...base, field: "summary", line: 1, column: 1 };
  // A whole-document problem (size, line count) is reported at line 1.
  return { ...base, field: error.line === 1 ? "body" : "part", line: 1, column: 1 };
}
