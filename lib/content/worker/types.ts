import type { TextBlock } from "../diff";
import type { HeadingEntry, RuleEntry } from "../rehype-anchors";
import type { PartFrontmatter, SourceError } from "../validate";

/** Everything a reader needs of one part, computed once at publish time and stored with the version. */
export type RenderedPart = {
  /** compileHash(): pipeline version, slug and source. */
  hash: string;
  /** mdx-bundler output, evaluated by components/mdx-content.tsx. */
  code: string;
  frontmatter: PartFrontmatter;
  headings: HeadingEntry[];
  rules: RuleEntry[];
  /** The readable text blocks the redline diffs (lib/content/diff.ts). */
  blocks: TextBlock[];
};

export type WorkerTask =
  | { kind: "ping" }
  | { kind: "validate"; source: string }
  /** Without a slug, the part's own frontmatter slug names the anchors. */
  | { kind: "compile"; source: string; slug?: string };

export type WorkerOutcome =
  | { ok: true; kind: "ping"; threadId: number }
  | { ok: true; kind: "validate"; frontmatter: PartFrontmatter }
  | { ok: true; kind: "compile"; part: RenderedPart }
  | { ok: false; errors: SourceError[] }
  | { ok: false; internal: string };
