/**
 * The most expensive documents we could construct under MAX_SOURCE_BYTES, one per class of
 * markup that makes micromark slow. Each is either the raw attack filled to the cap (which the
 * whole-document limits must refuse) or the same construct pushed to just inside every limit and
 * padded with prose to the cap (which must be accepted, and is the real worst case for timing).
 *
 * validate.test.ts checks that each is refused with a Dutch message or accepted; bench/mdx.ts
 * times each (figures in bench/README.md).
 */
import { MAX_BLOCK_CHARS, MAX_SOURCE_BYTES } from "../validate";
import { FRONTMATTER } from "./hostile";

export type WorstCase = { name: string; source: string; expect: "refused" | "accepted" };

/** Room for the body: the cap minus the front matter and a final newline. */
const ROOM = MAX_SOURCE_BYTES - FRONTMATTER.length - 1;

/** `unit` repeated until the body fills the cap. */
const fill = (unit: string) => FRONTMATTER + unit.repeat(Math.floor(ROOM / unit.length)) + "\n";

/** Plain words, `length` characters, no markup. */
const prose = (length: number) => "tekst ".repeat(Math.max(1, Math.ceil(length / 6))).slice(0, Math.max(1, length)).trimEnd() || "t";

/**
 * `count` copies of `template`, where each `@` in the template is replaced by prose so that the
 * body fills the cap (each block stays under MAX_BLOCK_CHARS).
 */
function spread(count: number, template: string): string {
  const holes = template.split("@").length - 1;
  const fixed = template.length - holes;
  const perHole = Math.floor((ROOM / count - fixed) / Math.max(holes, 1)) - 1;
  const text = prose(Math.min(perHole, Math.floor(MAX_BLOCK_CHARS / Math.max(holes, 1)) - 20));
  return FRONTMATTER + Array.from({ length: count }, () => template.replaceAll("@", text)).join("") + "\n";
}

export const WORST_CASES: WorstCase[] = [
  // The reported attack: a loose nested list carries on across blank lines (149 s at the cap).
  { name: "loose nested list, raw", source: fill("- x\n  - x\n\n"), expect: "refused" },
  { name: "loose nested list, at the limits", source: spread(95, "- @\n  - @\n\n"), expect: "accepted" },
  { name: "loose list, raw", source: fill("- x\n\n"), expect: "refused" },
  { name: "tight list, at the limits", source: spread(10, "- @\n".repeat(19) + "\n"), expect: "accepted" },
  { name: "ordered nested list, raw", source: fill("1. x\n   1. x\n\n"), expect: "refused" },
  { name: "list nested by indentation", source: fill(Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- x\n`).join("") + "\n"), expect: "refused" },
  { name: "nested lists 15 deep, at the limits", source: spread(13, Array.from({ length: 15 }, (_, i) => `${"  ".repeat(i)}- @\n`).join("") + "\n"), expect: "refused" },

  { name: "nested lists 5 deep, at the limits", source: spread(38, Array.from({ length: 5 }, (_, i) => `${"  ".repeat(i)}- @\n`).join("") + "\n"), expect: "accepted" },
  { name: "loose nested lists 5 deep, at the limits", source: spread(60, Array.from({ length: 5 }, (_, i) => `${"  ".repeat(i)}- @\n\n`).join("")), expect: "refused" },

  // Lazy continuation: a quote's paragraph continues on lines without >.
  { name: "lazy continuation, raw", source: fill("> a\nb\n\n"), expect: "refused" },
  { name: "lazy continuation, at the limits", source: spread(190, "> @\n@\n\n"), expect: "accepted" },
  { name: "nested quotes, raw", source: fill("> > > > > > > > > > > > > > > > x\n\n"), expect: "refused" },
  { name: "nested quotes, at the limits", source: spread(18, "> > > > > > > > > > > > > > > > @\n\n"), expect: "refused" },
  { name: "quotes, at the limits", source: spread(190, "> @\n\n"), expect: "accepted" },

  // Inline markup: emphasis runs and brackets are resolved by looking back over the block.
  { name: "emphasis runs, raw", source: fill("*a**b*"), expect: "refused" },
  { name: "emphasis runs, at the limits", source: spread(12, `${"*a**b*".repeat(20)} @\n\n`), expect: "accepted" },
  { name: "underscores, at the limits", source: spread(12, `${"_a__b_".repeat(20)} @\n\n`), expect: "accepted" },
  { name: "open brackets, raw", source: fill("[[[[[[[["), expect: "refused" },
  { name: "open brackets, at the limits", source: spread(11, `${"[".repeat(88)} @\n\n`), expect: "accepted" },
  { name: "links, at the limits", source: spread(11, `${"[a](/b) ".repeat(44)}@\n\n`), expect: "accepted" },
  { name: "code spans, at the limits", source: spread(11, `${"`a` ".repeat(44)}@\n\n`), expect: "accepted" },
  { name: "backslash escapes, raw", source: fill("\\!"), expect: "refused" },

  // References: definitions are collected over the whole document, references resolved against them.
  { name: "link reference definitions, raw", source: fill("[a]: /x\n"), expect: "refused" },
  {
    name: "link reference definitions, at the limits",
    source: spread(11, Array.from({ length: 44 }, (_, i) => `[r${i}]: /@\n`).join("") + "\n"),
    expect: "accepted",
  },
  { name: "reference links, at the limits", source: spread(11, `${"[a][b] ".repeat(22)}@\n\n`) + "[b]: /x\n", expect: "accepted" },

  // Character references.
  { name: "entities, raw", source: fill("&amp;&#123;&#x41;"), expect: "refused" },
  { name: "entities, at the limits", source: spread(11, `${"&amp; ".repeat(88)}@\n\n`), expect: "accepted" },

  // Headings, breaks and lines.
  { name: "headings, raw", source: fill("## a\n"), expect: "refused" },
  { name: "headings, at the limits", source: spread(140, "## @\n\n"), expect: "accepted" },
  { name: "setext headings, at the limits", source: spread(190, "@\n---\n\n"), expect: "accepted" },
  { name: "thematic breaks, raw", source: fill("***\n\n"), expect: "refused" },
  { name: "short lines, raw", source: fill("a\n"), expect: "refused" },
  { name: "short paragraphs, raw", source: fill("a\n\n"), expect: "refused" },
  { name: "lines, at the limits", source: spread(190, "@\n@\n@\n@\n\n"), expect: "accepted" },
  { name: "hard breaks, at the limits", source: spread(190, "@  \n@  \n@  \n@\n\n"), expect: "accepted" },
  { name: "indented code, at the limits", source: spread(190, "    @\n    @\n\n"), expect: "accepted" },
  { name: "fenced code, at the limits", source: spread(150, "```\n@\n@\n```\n\n"), expect: "accepted" },
  { name: "long paragraphs", source: spread(10, "@\n\n"), expect: "accepted" },
  { name: "tabs and spaces", source: fill("a \t "), expect: "refused" },

  // MDX: components and the characters that start JSX or expressions.
  { name: "components, at the limits", source: spread(47, '<Callout type="tip" title="Let op">\n\n@\n\n</Callout>\n\n'), expect: "accepted" },
  { name: "unclosed tags, raw", source: fill("<a "), expect: "refused" },
  { name: "braces, raw", source: fill("\\{"), expect: "refused" },
];
