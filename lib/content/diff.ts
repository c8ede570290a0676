/**
 * The redline between two versions: per part, the text as readable blocks (paragraphs, bullets
 * with their nesting level), diffed block by block, and word by word inside a changed block.
 * Runs of unchanged blocks are folded, keeping one block of context around each change.
 */
import { type ChangeObject, diffArrays, diffWords } from "diff";
import type { Nodes, Root, RootContent } from "mdast";
import type {} from "mdast-util-mdx";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { getMdxComponentSpec } from "./mdx-components";

export type TextBlock = { kind: "paragraph" | "heading" | "bullet"; level: number; text: string };
export type WordChange = { type: "same" | "added" | "removed"; text: string };
export type DiffBlock =
  | { type: "same"; block: TextBlock }
  | { type: "added"; block: TextBlock }
  | { type: "removed"; block: TextBlock }
  | { type: "changed"; from: TextBlock; to: TextBlock; words: WordChange[] }
  | { type: "folded"; blocks: TextBlock[] };
export type PartDiff = {
  slug: string;
  /** The current title, or the last one for a removed part. */
  title: string;
  status: "added" | "removed" | "changed" | "unchanged";
  titleChange?: { from: string; to: string };
  blocks: DiffBlock[];
  /** Blocks added, removed or changed. */
  changes: number;
};

/** A part as the redline needs it: its readable blocks, stored at publish time (see toBlocks). */
type DiffInput = { slug: string; title: string; order: number; blocks: TextBlock[] };

/** Blocks kept visible on either side of a change. */
const CONTEXT = 1;
/** Below this share of shared words, a replaced block is shown as removed plus added. */
const PAIR_SIMILARITY = 0.4;

export function diffParts({ from, to }: { from: DiffInput[]; to: DiffInput[] }): PartDiff[] {
  const before = new Map(from.map((part) => [part.slug, part]));
  const after = new Set(to.map((part) => part.slug));
  const entries: { order: number; diff: PartDiff }[] = [];

  for (const part of to) {
    const old = before.get(part.slug);
    entries.push({ order: part.order, diff: old ? diffPart(old, part) : wholePart(part, "added") });
  }
  for (const part of from) {
    if (!after.has(part.slug)) entries.push({ order: part.order, diff: wholePart(part, "removed") });
  }
  // Stable: a removed part lands where it used to be, relative to the parts around it.
  return entries.sort((a, b) => a.order - b.order).map((entry) => entry.diff);
}

function wholePart(part: DiffInput, status: "added" | "removed"): PartDiff {
  const blocks = part.blocks.map((block): DiffBlock => ({ type: status, block }));
  return { slug: part.slug, title: part.title, status, blocks, changes: blocks.length };
}

function diffPart(from: DiffInput, to: DiffInput): PartDiff {
  const blocks = fold(diffBlocks(from.blocks, to.blocks));
  const changes = blocks.filter((block) => block.type !== "same" && block.type !== "folded").length;
  const titleChange = from.title !== to.title ? { from: from.title, to: to.title } : undefined;
  return {
    slug: to.slug,
    title: to.title,
    status: changes > 0 || titleChange ? "changed" : "unchanged",
    ...(titleChange ? { titleChange } : {}),
    blocks,
    changes,
  };
}

// ---------------------------------------------------------------------------------------------
// MDX to blocks

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkMdx);

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The body of a part as readable blocks. Parses MDX: runs in the MDX worker at publish time, and
 * the result is stored with the version. Anything unreadable falls back to paragraphs.
 */
export function toBlocks(source: string): TextBlock[] {
  let tree: Root;
  try {
    tree = parser.parse(source);
  } catch {
    return plainBlocks(source);
  }
  const blocks: TextBlock[] = [];
  for (const node of tree.children) collectBlocks(node, 0, blocks);
  return blocks;
}

/** Paragraphs split at blank lines, without parsing: linear, for text that cannot be compiled. */
export function plainBlocks(source: string): TextBlock[] {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map(normalise)
    .filter(Boolean)
    .map((text) => ({ kind: "paragraph", level: 0, text }));
}

function collectBlocks(node: RootContent, level: number, out: TextBlock[]): void {
  switch (node.type) {
    case "paragraph":
    case "code":
      push(out, { kind: "paragraph", level, text: inlineText(node) });
      return;
    case "heading":
      push(out, { kind: "heading", level, text: inlineText(node) });
      return;
    case "list":
      for (const item of node.children) {
        const own = item.children.filter((child) => child.type !== "list");
        push(out, { kind: "bullet", level, text: own.map(inlineText).join(" ") });
        for (const child of item.children) if (child.type === "list") collectBlocks(child, level + 1, out);
      }
      return;
    case "blockquote":
      for (const child of node.children) collectBlocks(child, level, out);
      return;
    case "mdxJsxFlowElement": {
      const entry = node.name ? getMdxComponentSpec(node.name) : undefined;
      const props = Object.fromEntries(
        node.attributes.flatMap((attribute) =>
          attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string" ? [[attribute.name, attribute.value]] : [],
        ),
      );
      const parsed = entry?.props.safeParse(props);
      if (entry?.plainText && parsed?.success) {
        push(out, { kind: "paragraph", level, text: entry.plainText(parsed.data) });
        return;
      }
      if (typeof props.title === "string") push(out, { kind: "heading", level, text: props.title });
      for (const child of node.children) collectBlocks(child, level, out);
      return;
    }
    default:
      // Front matter, definitions, thematic breaks: not part of the readable text.
      return;
  }
}

function push(out: TextBlock[], block: TextBlock): void {
  const text = normalise(block.text);
  if (text) out.push({ ...block, text });
}

/** Plain text with Markdown syntax stripped; a link keeps its address, since a changed address is a change. */
function inlineText(node: Nodes): string {
  if (node.type === "link") {
    const label = toString(node);
    return node.url && node.url !== label ? `${label} (${node.url})` : label;
  }
  if (node.type === "mdxJsxTextElement" && node.name) {
    const entry = getMdxComponentSpec(node.name);
    if (entry?.plainText) {
      const props = Object.fromEntries(
        node.attributes.flatMap((attribute) =>
          attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string" ? [[attribute.name, attribute.value]] : [],
        ),
      );
      const parsed = entry.props.safeParse(props);
      if (parsed.success) return entry.plainText(parsed.data);
    }
  }
  if (node.type === "break") return " ";
  if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
  return toString(node);
}

// ---------------------------------------------------------------------------------------------
// Diffing

const sameBlock = (a: TextBlock, b: TextBlock) => a.kind === b.kind && a.level === b.level && a.text === b.text;

function diffBlocks(from: TextBlock[], to: TextBlock[]): DiffBlock[] {
  const result: DiffBlock[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    result.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(from, to, { comparator: sameBlock }) as ChangeObject<TextBlock[]>[]) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const block of change.value) result.push({ type: "same", block });
    }
  }
  flush();
  return result;
}

/** Within one hunk, match each removed block with the most similar added block that follows the last match. */
function pairUp(removed: TextBlock[], added: TextBlock[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  let next = 0;
  for (const old of removed) {
    let best = -1;
    let bestScore = PAIR_SIMILARITY;
    for (let index = next; index < added.length; index++) {
      const score = similarity(old.text, added[index].text);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best === -1) {
      out.push({ type: "removed", block: old });
      continue;
    }
    for (; next < best; next++) out.push({ type: "added", block: added[next] });
    out.push({ type: "changed", from: old, to: added[best], words: wordChanges(old.text, added[best].text) });
    next = best + 1;
  }
  for (; next < added.length; next++) out.push({ type: "added", block: added[next] });
  return out;
}

function similarity(a: string, b: string): number {
  const kept = diffWords(a, b)
    .filter((change) => !change.added && !change.removed)
    .reduce((sum, change) => sum + change.value.length, 0);
  return kept / Math.max(a.length, b.length, 1);
}

export function wordChanges(from: string, to: string): WordChange[] {
  const out: WordChange[] = [];
  for (const change of diffWords(from, to)) {
    const type = change.added ? "added" : change.removed ? "removed" : "same";
    const last = out.at(-1);
    if (last && last.type === type) last.text += change.value;
    else out.push({ type, text: change.value });
  }
  return out;
}

/** Folds runs of unchanged blocks, keeping CONTEXT blocks next to each change. */
function fold(blocks: DiffBlock[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  let index = 0;
  while (index < blocks.length) {
    if (blocks[index].type !== "same") {
      out.push(blocks[index++]);
      continue;
    }
    let end = index;
    while (end < blocks.length && blocks[end].type === "same") end++;
    const run = blocks.slice(index, end) as Extract<DiffBlock, { type: "same" }>[];
    const keepBefore = index > 0 ? CONTEXT : 0;
    const keepAfter = end < blocks.length ? CONTEXT : 0;
    if (run.length <= keepBefore + keepAfter) {
      out.push(...run);
    } else {
      out.push(...run.slice(0, keepBefore));
      out.push({ type: "folded", blocks: run.slice(keepBefore, run.length - keepAfter).map((same) => same.block) });
      out.push(...run.slice(run.length - keepAfter));
    }
    index = end;
  }
  return out;
}
