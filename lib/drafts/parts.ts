// A part's MDX file <-> the fields the editor shows (title, summary as form fields; the body as
// text). Pure, without server-only: the editor uses the same line offset to place messages.
import { parse, stringify } from "yaml";
import type { DraftPartData } from "@/lib/db/schema";

export type DraftPart = DraftPartData;

/** A YAML scalar on one line: plain where YAML allows it, quoted otherwise (so a title cannot add keys). */
function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
}

/** The frontmatter block of a part, ending in the closing "---" line. */
export function composeFrontmatter(part: Omit<DraftPart, "body">): string {
  return [
    "---",
    `title: ${scalar(part.title)}`,
    `slug: ${part.slug}`,
    `order: ${part.order}`,
    `summary: ${scalar(part.summary)}`,
    `kind: ${part.kind}`,
    "---",
    "",
  ].join("\n");
}

/** The whole MDX file: frontmatter, a blank line, the body. What validate() and publishVersion take. */
export function composePartSource(part: DraftPart): string {
  return `${composeFrontmatter(part)}\n${part.body}`;
}

/**
 * Lines before the body's first line in composePartSource: add it to a body line to get a source
 * line, subtract it to place a validation message in the editor.
 */
export function bodyLineOffset(part: Omit<DraftPart, "body">): number {
  return composeFrontmatter(part).split("\n").length;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * A published part's file as editor fields. Published sources passed validate(), so their
 * frontmatter is well-formed; the metadata given (from the version's own columns) wins.
 */
export function splitPartSource(part: {
  slug: string;
  kind: DraftPart["kind"];
  order: number;
  title: string;
  summary: string;
  source: string;
}): DraftPart {
  const match = FRONTMATTER.exec(part.source);
  const rest = match ? part.source.slice(match[0].length) : part.source;
  // composePartSource writes exactly one blank line after the frontmatter.
  const body = rest.replace(/^\r?\n/, "");
  let title = part.title;
  let summary = part.summary;
  if (match) {
    const data = parse(match[1]) as { title?: unknown; summary?: unknown } | null;
    if (typeof data?.title === "string") title = data.title;
    if (typeof data?.summary === "string") summary = data.summary;
  }
  return { slug: part.slug, kind: part.kind, order: part.order, title, summary, body };
}
