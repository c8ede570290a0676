/**
 * The single gate for MDX: files in content/, the publish CLI and the browser editor all call
 * `validate(source)`, and the compiler runs the same checks again as its first remark plugin
 * (`remarkValidate`), on the very tree it compiles.
 *
 * Everything is allow-listed: Markdown without images or raw HTML, plus the components of
 * components/mdx/ with literal string attributes. Anything through which text could become
 * code or markup (ESM, expressions, JSX beyond the registry, script URLs, YAML tricks,
 * gray-matter's JavaScript front matter, invisible characters) is rejected with a Dutch message
 * and a 1-based line and column.
 */
import type { Root, RootContent, Yaml } from "mdast";
import type {} from "mdast-util-frontmatter";
import type {} from "mdast-util-mdx";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit as visitYaml } from "yaml";
import { z } from "zod";
import { getMdxComponentSpec, mdxComponentNames } from "./mdx-components";

export type PartKind = "intro" | "part" | "closing";
export type PartFrontmatter = { title: string; slug: string; order: number; summary: string; kind: PartKind };
import type { ValidationError } from "./validation-error";

/** The validator always knows where: line and column are set. */
export type SourceError = Required<Pick<ValidationError, "message" | "line" | "column">>;
export type ValidationResult = { ok: true; frontmatter: PartFrontmatter; body: string } | { ok: false; errors: SourceError[] };

/**
 * Parts are about 3 KB. micromark needs roughly 1–1.5 s per 100 KB of dense adversarial markup
 * (measured on the 2-core dev machine), and that time blocks the event loop, so stay well below 200 KB.
 */
export const MAX_SOURCE_BYTES = 100 * 1024;
/** Deeper trees than this are not needed for a guideline and are costly to render. */
export const MAX_DEPTH = 16;
const MAX_ERRORS = 50;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const FRONTMATTER_KEYS = ["title", "slug", "order", "summary", "kind"] as const;

export const partFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).max(120).regex(/^[^\n]*$/),
  slug: z.string().max(60).regex(SLUG_PATTERN),
  order: z.number().int().min(0).max(9999),
  summary: z.string().trim().min(1).max(300).regex(/^[^\n]*$/),
  kind: z.enum(["intro", "part", "closing"]),
});

const FIELD_HINT: Record<(typeof FRONTMATTER_KEYS)[number], string> = {
  title: "een tekst van één regel (maximaal 120 tekens)",
  slug: "kleine letters, cijfers en losse streepjes, zoals zakelijk-gebruik (maximaal 60 tekens)",
  order: "een geheel getal van 0 tot en met 9999",
  summary: "één zin op één regel (maximaal 300 tekens)",
  kind: "intro, part of closing",
};

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkMdx);

type Point = { line: number; column: number };
type Position = { start: Point } | undefined;

class Collector {
  readonly errors: SourceError[] = [];
  /** Nodes seen in the tree so far, against MAX_NODES. */
  nodes = 0;
  add(message: string, at: Point | undefined): void {
    if (this.errors.length >= MAX_ERRORS) return;
    this.errors.push({ message, line: at?.line ?? 1, column: at?.column ?? 1 });
  }
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
}

export function validate(source: string): ValidationResult {
  const out = new Collector();
  if (typeof source !== "string") {
    out.add("Het document is geen tekst.", undefined);
    return { ok: false, errors: out.errors };
  }
  const bytes = byteLength(source);
  if (bytes > MAX_SOURCE_BYTES) {
    out.add(`Het document is te groot (${Math.ceil(bytes / 1024)} KB); maximaal ${MAX_SOURCE_BYTES / 1024} KB is toegestaan.`, undefined);
    return { ok: false, errors: out.errors };
  }

  // Characters first: an invisible character must not be able to change how later steps read the text.
  checkCharacters(source, out);
  if (out.errors.length > 0) return { ok: false, errors: out.errors };

  checkFirstLine(source, out);
  if (out.errors.length > 0) return { ok: false, errors: out.errors };

  checkParserLimits(source, out);
  if (out.errors.length > 0) return { ok: false, errors: out.errors };

  let tree: Root;
  try {
    tree = parser.parse(source);
  } catch (error) {
    out.add(...describeParseError(error));
    return { ok: false, errors: out.errors };
  }

  const frontmatter = checkTree(tree, out);
  if (out.errors.length > 0 || !frontmatter) return { ok: false, errors: out.errors };

  const yamlNode = tree.children[0] as Yaml;
  const bodyStart = yamlNode.position?.end.offset ?? 0;
  return { ok: true, frontmatter, body: source.slice(bodyStart).replace(/^(?:\r?\n)+/, "") };
}

/** The validator as a remark plugin, prepended to the compiler's plugins so it sees the tree that is compiled. */
export function remarkValidate() {
  return (tree: Root, file: VFile) => {
    const out = new Collector();
    const source = String(file.value);
    if (byteLength(source) > MAX_SOURCE_BYTES) out.add("Het document is te groot.", undefined);
    checkCharacters(source, out);
    checkFirstLine(source, out);
    if (out.errors.length === 0) checkTree(tree, out);
    const [first] = out.errors;
    if (first) {
      const message = file.message(out.errors.map((error) => error.message).join(" "), {
        place: { line: first.line, column: first.column },
        ruleId: "rejected",
        source: VALIDATE_SOURCE,
      });
      message.fatal = true;
      // The compiler reports these errors one by one (see compile.ts).
      Object.assign(message, { errors: out.errors });
      throw message;
    }
  };
}

/** `source` of the messages remarkValidate throws. */
export const VALIDATE_SOURCE = "kempenhaeghe-validate";

// ---------------------------------------------------------------------------------------------
// Characters

// TextEncoder rather than Buffer, so the validator also runs in the browser editor.
const byteLength = (value: string) => new TextEncoder().encode(value).length;

/** Code point ranges rejected anywhere in the text, with the Dutch reason. */
const FORBIDDEN_RANGES: [from: number, to: number, reason: string][] = [
  [0x00, 0x08, "Stuurteken"],
  [0x0b, 0x0c, "Stuurteken"],
  [0x0e, 0x1f, "Stuurteken"],
  [0x7f, 0x9f, "Stuurteken"],
  [0x061c, 0x061c, "Tekstrichting-teken"],
  [0x115f, 0x1160, "Onzichtbaar teken"],
  [0x180e, 0x180e, "Onzichtbaar teken"],
  [0x200b, 0x200d, "Onzichtbaar teken"],
  [0x200e, 0x200f, "Tekstrichting-teken"],
  [0x2028, 0x2029, "Regelscheidingsteken"],
  // Trojan Source: embeddings, overrides and isolates reorder what a reviewer sees.
  [0x202a, 0x202e, "Tekstrichting-teken"],
  [0x2060, 0x2064, "Onzichtbaar teken"],
  [0x2066, 0x2069, "Tekstrichting-teken"],
  [0x206a, 0x206f, "Onzichtbaar teken"],
  [0x3164, 0x3164, "Onzichtbaar teken"],
  [0xfeff, 0xfeff, "Onzichtbaar teken (BOM)"],
  [0xffa0, 0xffa0, "Onzichtbaar teken"],
  [0xfff9, 0xfffb, "Onzichtbaar teken"],
  [0xfffe, 0xffff, "Ongeldig teken"],
  [0xe0000, 0xe007f, "Onzichtbaar label-teken"],
];

function forbiddenReason(codePoint: number): string | undefined {
  for (const [from, to, reason] of FORBIDDEN_RANGES) if (codePoint >= from && codePoint <= to) return reason;
  return undefined;
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

function checkCharacters(source: string, out: Collector): void {
  let line = 1;
  let column = 1;
  for (let index = 0; index < source.length && !out.full; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x0a) {
      line++;
      column = 1;
      continue;
    }
    if (code === 0x0d) {
      // Only as part of CRLF: gray-matter and micromark disagree about a lone CR.
      if (source.charCodeAt(index + 1) !== 0x0a) out.add("Losse regelterugloop (U+000D) is niet toegestaan; gebruik gewone regeleinden.", { line, column });
      column++;
      continue;
    }
    // Columns count UTF-16 code units, as micromark does.
    let codePoint = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = source.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      } else {
        out.add("Ongeldig teken (losse surrogaat-helft) in de tekst.", { line, column });
        column++;
        continue;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      out.add("Ongeldig teken (losse surrogaat-helft) in de tekst.", { line, column });
      column++;
      continue;
    }
    const reason = forbiddenReason(codePoint);
    if (reason) out.add(`${reason} ${hex(codePoint)} is niet toegestaan; verwijder het of typ de tekst opnieuw.`, { line, column });
    index += width - 1;
    column += width;
  }
}

// ---------------------------------------------------------------------------------------------
// Parser limits

/** Longest paragraph or list (lines without a blank line between them). */
export const MAX_BLOCK_CHARS = 10_000;
/** Most emphasis, bracket or backtick characters in one block. */
export const MAX_BLOCK_MARKERS = 120;

/*
 * Whole-document limits. micromark's cost grows with the number of tokens it makes (and for some
 * constructs with their square), not with bytes: 10 KB of "- x" items separated by blank lines took
 * as long as 1 MB of plain prose. Per-block limits alone bound nothing, because a loose list or a
 * lazy block quote carries on across blank lines. A guideline part is about 3 KB with some 20 lines,
 * 10 bullets and a handful of markup characters, so these leave ample room while keeping the worst
 * input under the size cap well within a second (see bench/mdx.ts and __fixtures__/worst-case.ts).
 */
/** Lines in the whole document. */
export const MAX_LINES = 1_000;
/** Blocks: runs of non-blank lines between blank lines. */
export const MAX_BLOCKS = 200;
/** List items (a list marker at the start of a line, after any quote or list markers). */
export const MAX_LIST_ITEMS = 200;
/** Block quote markers (>) at the start of lines, counted over the whole document. */
export const MAX_QUOTE_MARKERS = 200;
/** Headings (# at the start of a line). */
export const MAX_HEADINGS = 150;
/**
 * Characters that start inline markup (* _ [ ] ` ! & < \\ { }), over the whole document. Each one
 * makes tokens and some make the parser look back over the block.
 */
export const MAX_MARKUP_CHARS = 1_000;
/** Leading spaces of a line (a tab counts 4); deeper indentation nests more containers than MAX_DEPTH allows. */
export const MAX_INDENT = 4 * MAX_DEPTH;
/** Nodes in the parsed tree: what is rendered and diffed later. */
export const MAX_NODES = 6_000;

const isMarkupChar = (c: number) =>
  // * _ [ ] ` ! & < \ { }
  c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 33 || c === 38 || c === 60 || c === 92 || c === 123 || c === 125;

/**
 * micromark resolves emphasis, brackets and container nesting in time that grows with the square
 * of their number: 20 KB of "*a" takes seconds, 200 KB minutes. Guideline text needs few of them,
 * so cap them per block and over the whole document before parsing. One pass, linear in the input.
 */
function checkParserLimits(source: string, out: Collector): void {
  const lines = source.split("\n");
  if (lines.length > MAX_LINES) {
    out.add(`De tekst heeft te veel regels (${lines.length}, maximaal ${MAX_LINES}); verdeel hem over meer onderdelen.`, { line: MAX_LINES + 1, column: 1 });
    return;
  }
  let blockStart = 0;
  let blockChars = 0;
  let markers = 0;
  let blocks = 0;
  let inBlock = false;
  let listItems = 0;
  let quoteMarkers = 0;
  let headings = 0;
  let markup = 0;
  // Report each whole-document limit once, at the line where it was crossed.
  const reported = new Set<string>();
  const once = (key: string, message: string, at: Point) => {
    if (reported.has(key)) return;
    reported.add(key);
    out.add(message, at);
  };
  const closeBlock = (line: number) => {
    if (blockChars > MAX_BLOCK_CHARS) {
      out.add(`Deze alinea of lijst is te lang (${blockChars} tekens, maximaal ${MAX_BLOCK_CHARS}); zet er een witregel tussen.`, { line: blockStart + 1, column: 1 });
    } else if (markers > MAX_BLOCK_MARKERS) {
      out.add(`Deze alinea of lijst bevat te veel opmaaktekens (*, _, [, ] of \`; maximaal ${MAX_BLOCK_MARKERS}).`, { line: blockStart + 1, column: 1 });
    }
    blockStart = line + 1;
    blockChars = 0;
    markers = 0;
    inBlock = false;
  };
  for (let index = 0; index < lines.length && !out.full; index++) {
    const line = lines[index];
    const at = { line: index + 1, column: 1 };
    if (line.trim() === "") {
      closeBlock(index);
      continue;
    }
    if (!inBlock) {
      inBlock = true;
      if (++blocks > MAX_BLOCKS)
        once("blocks", `De tekst heeft te veel alinea's, lijstonderdelen of andere blokken (maximaal ${MAX_BLOCKS}); verdeel hem over meer onderdelen.`, at);
    }
    let indent = 0;
    for (let i = 0; i < line.length && (line[i] === " " || line[i] === "\t"); i++) indent += line[i] === "\t" ? 4 : 1;
    if (indent > MAX_INDENT) once("indent", `Deze regel springt te ver in (${indent} spaties, maximaal ${MAX_INDENT}).`, at);
    // Block quote and list markers at the start of a line each open a container.
    const prefix = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*/.exec(line)?.[0] ?? "";
    const containers = prefix.match(/>|[-+*][ \t]|\d[.)][ \t]/g) ?? [];
    if (containers.length > MAX_DEPTH) out.add(`De tekst is te diep genest (meer dan ${MAX_DEPTH} niveaus).`, at);
    for (const marker of containers) {
      if (marker === ">") quoteMarkers++;
      else listItems++;
    }
    // A list item may also stand alone ("-" or "1." at the end of the line).
    if (/^[-+*]$|^\d{1,9}[.)]$/.test(line.slice(prefix.length).trim()) && !/^[-*_]{3,}$/.test(line.trim())) listItems++;
    if (/^#{1,6}(?:[ \t]|$)/.test(line.slice(prefix.length).trimStart())) headings++;
    if (listItems > MAX_LIST_ITEMS) once("items", `De tekst heeft te veel lijstonderdelen (maximaal ${MAX_LIST_ITEMS}); verdeel hem over meer onderdelen.`, at);
    if (quoteMarkers > MAX_QUOTE_MARKERS) once("quotes", `De tekst heeft te veel citaattekens > (maximaal ${MAX_QUOTE_MARKERS}).`, at);
    if (headings > MAX_HEADINGS) once("headings", `De tekst heeft te veel koppen (maximaal ${MAX_HEADINGS}); verdeel hem over meer onderdelen.`, at);
    blockChars += line.length + 1;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      // * _ [ ] `
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96) markers++;
      if (isMarkupChar(c) && ++markup > MAX_MARKUP_CHARS) {
        once(
          "markup",
          `De tekst bevat te veel opmaaktekens (zoals *, _, [, ], \`, &, < of \\; maximaal ${MAX_MARKUP_CHARS} in het hele onderdeel).`,
          { line: index + 1, column: i + 1 },
        );
      }
    }
  }
  closeBlock(lines.length);
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** Five short fields; more is not front matter but an attempt to stress the YAML parser. */
const MAX_FRONTMATTER_CHARS = 2_000;

function checkFirstLine(source: string, out: Collector): void {
  const end = source.indexOf("\n");
  const firstLine = (end === -1 ? source : source.slice(0, end)).replace(/\r$/, "");
  if (firstLine === "---") return;
  if (/^-{3}\S/.test(firstLine) || /^-{3}[ \t]+\S/.test(firstLine)) {
    // gray-matter (inside mdx-bundler) evaluates `---js` and `---javascript` front matter.
    out.add("Na de eerste --- mag niets staan (zoals ---js): de frontmatter is altijd YAML en begint met precies --- op regel 1.", { line: 1, column: 4 });
  } else {
    out.add("Het document moet beginnen met frontmatter: op regel 1 precies ---, dan de velden, dan weer ---.", { line: 1, column: 1 });
  }
}

function checkFrontmatter(node: Yaml, out: Collector): PartFrontmatter | undefined {
  // The YAML text starts on the line after the opening ---.
  const baseLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Point => {
    if (offset === undefined) return { line: baseLine - 1, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: baseLine + pos.line - 1, column: pos.col };
  };

  if (node.value.length > MAX_FRONTMATTER_CHARS) {
    out.add(`De frontmatter is te lang (maximaal ${MAX_FRONTMATTER_CHARS} tekens).`, at(undefined));
    return undefined;
  }
  const directive = /^%/m.exec(node.value);
  if (directive) {
    out.add("YAML-directieven (%…) zijn niet toegestaan in de frontmatter.", at(undefined));
    return undefined;
  }

  const doc = parseDocument(node.value, {
    lineCounter,
    version: "1.2",
    schema: "core",
    customTags: [],
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
  });
  // Unknown tags are reported below, with a clearer message.
  for (const error of [...doc.errors, ...doc.warnings.filter((warning) => warning.code !== "TAG_RESOLVE_FAILED")]) {
    const message =
      error.code === "DUPLICATE_KEY" ? "Een veld staat twee keer in de frontmatter." : "De frontmatter is geen geldige YAML (sleutel: waarde op elke regel).";
    out.add(message, at(error.pos[0]));
  }
  if (out.errors.length > 0) return undefined;

  let unsafe = false;
  visitYaml(doc, {
    Alias(_key, alias) {
      unsafe = true;
      out.add("Verwijzingen (*naam) zijn niet toegestaan in de frontmatter.", at(alias.range?.[0]));
    },
    Node(_key, yamlNode) {
      // A node's range starts at its value; its anchor or tag stands just before it.
      const before = (marker: string) => {
        const offset = yamlNode.range?.[0];
        if (offset === undefined) return undefined;
        const found = node.value.lastIndexOf(marker, offset);
        return found === -1 ? offset : found;
      };
      if (yamlNode.anchor) {
        unsafe = true;
        out.add("Ankers (&naam) zijn niet toegestaan in de frontmatter.", at(before(`&${yamlNode.anchor}`)));
      }
      if (yamlNode.tag) {
        unsafe = true;
        let tagAt = before("!");
        while (tagAt !== undefined && tagAt > 0 && node.value[tagAt - 1] === "!") tagAt--;
        out.add("YAML-tags (zoals !!js/function) zijn niet toegestaan in de frontmatter.", at(tagAt));
      }
    },
  });
  if (unsafe) return undefined;

  if (!isMap(doc.contents)) {
    out.add("De frontmatter moet uit velden bestaan: title, slug, order, summary en kind.", at(undefined));
    return undefined;
  }
  // Keys are checked on the YAML itself, not only after conversion to an object.
  const keyOffset = new Map<string, number | undefined>();
  let keysOk = true;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const offset = isNode(pair.key) ? pair.key.range?.[0] : undefined;
    if (typeof key !== "string" || !(FRONTMATTER_KEYS as readonly string[]).includes(key)) {
      keysOk = false;
      const shown = typeof key === "string" || typeof key === "number" ? ` "${key}"` : "";
      out.add(`Onbekend veld${shown} in de frontmatter. Toegestaan zijn: ${FRONTMATTER_KEYS.join(", ")}.`, at(offset));
      continue;
    }
    keyOffset.set(key, offset);
  }
  if (!keysOk) return undefined;

  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  const parsed = partFrontmatterSchema.safeParse(data);
  if (parsed.success) return parsed.data;

  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.add(`Onbekend veld "${key}" in de frontmatter. Toegestaan zijn: ${FRONTMATTER_KEYS.join(", ")}.`, at(keyOffset.get(key)));
      }
      continue;
    }
    const key = String(issue.path[0] ?? "");
    const hint = FIELD_HINT[key as keyof typeof FIELD_HINT];
    if (!hint) {
      out.add("De frontmatter is ongeldig.", at(undefined));
    } else if (!keyOffset.has(key)) {
      out.add(`Het veld "${key}" ontbreekt in de frontmatter (${hint}).`, at(undefined));
    } else {
      out.add(`Het veld "${key}" is ongeldig: verwacht ${hint}.`, at(keyOffset.get(key)));
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The tree

/** Checks frontmatter and body; returns the frontmatter when it is valid. */
function checkTree(tree: Root, out: Collector): PartFrontmatter | undefined {
  const [first] = tree.children;
  let frontmatter: PartFrontmatter | undefined;
  if (first?.type === "yaml" && first.position?.start.line === 1 && first.position.start.column === 1) {
    frontmatter = checkFrontmatter(first, out);
  } else {
    out.add("De frontmatter is niet afgesloten: zet na de velden een regel met precies ---.", { line: 1, column: 1 });
  }
  tree.children.forEach((child, index) => {
    if (index === 0 && child.type === "yaml") return;
    checkNode(child, 1, out);
  });
  return frontmatter;
}

type AnyNode = RootContent;

const ALLOWED_TYPES = new Set([
  "paragraph",
  "text",
  "emphasis",
  "strong",
  "blockquote",
  "list",
  "listItem",
  "thematicBreak",
  "break",
  "inlineCode",
  "linkReference",
]);

function checkNode(node: AnyNode, depth: number, out: Collector): void {
  if (out.full) return;
  const at = start(node.position);
  if (++out.nodes > MAX_NODES) {
    if (out.nodes === MAX_NODES + 1)
      out.add(`De tekst bestaat uit te veel onderdelen (meer dan ${MAX_NODES}); verdeel hem over meer onderdelen.`, at);
    return;
  }
  if (depth > MAX_DEPTH) {
    out.add(`De tekst is te diep genest (meer dan ${MAX_DEPTH} niveaus).`, at);
    return;
  }
  switch (node.type) {
    case "heading":
      if (node.depth === 1) out.add("Een kop met één # is gereserveerd voor de titel; begin koppen met ## (niveau 2 tot en met 4).", at);
      else if (node.depth > 4) out.add("Koppen mogen niveau 2 tot en met 4 hebben (##, ### of ####).", at);
      break;
    case "code":
      if (node.lang && !/^[A-Za-z0-9_+-]{1,30}$/.test(node.lang)) out.add("Ongeldige taal bij een codeblok.", at);
      if (node.meta) out.add("Extra gegevens na de taal van een codeblok zijn niet toegestaan.", at);
      return;
    case "link": {
      const problem = checkUrl(node.url);
      if (problem) out.add(problem, at);
      break;
    }
    case "definition": {
      const problem = checkUrl(node.url);
      if (problem) out.add(problem, at);
      return;
    }
    case "image":
    case "imageReference":
      out.add("Afbeeldingen zijn niet toegestaan: ze laden bestanden van buiten (zoals volgpixels).", at);
      return;
    case "html":
      out.add("HTML is niet toegestaan; gebruik Markdown of een toegestane component.", at);
      return;
    case "mdxjsEsm":
      out.add("import en export zijn niet toegestaan.", at);
      return;
    case "mdxFlowExpression":
    case "mdxTextExpression":
      out.add("Expressies tussen accolades ({…}) zijn niet toegestaan; schrijf \\{ voor een letterlijke accolade.", at);
      return;
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      if (!checkJsx(node, out)) return;
      break;
    case "yaml":
      out.add("Frontmatter mag alleen bovenaan het document staan.", at);
      return;
    default:
      if (!ALLOWED_TYPES.has(node.type)) {
        out.add(`Dit onderdeel is niet toegestaan (${node.type}).`, at);
        return;
      }
  }
  if ("children" in node) for (const child of node.children) checkNode(child as AnyNode, depth + 1, out);
}

const allowedComponents = () => mdxComponentNames.map((name) => `<${name}>`).join(", ");

/** Returns whether the children should be checked too. */
function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, out: Collector): boolean {
  const at = start(node.position);
  const name = node.name;
  if (name === null) {
    out.add("Fragmenten (<>…</>) zijn niet toegestaan.", at);
    return false;
  }
  if (/[.:]/.test(name)) {
    out.add(`Samengestelde namen zoals <${name}> zijn niet toegestaan. Toegestaan zijn: ${allowedComponents()}.`, at);
    return false;
  }
  if (!/^[A-Z]/.test(name)) {
    out.add(`HTML-element <${name}> is niet toegestaan. Gebruik Markdown of een toegestane component: ${allowedComponents()}.`, at);
    return false;
  }
  const entry = getMdxComponentSpec(name);
  if (!entry) {
    out.add(`Onbekende component <${name}>. Toegestaan zijn: ${allowedComponents()}.`, at);
    return false;
  }

  const allowedProps = Object.keys(entry.props.shape);
  const props: Record<string, string> = {};
  const propPosition = new Map<string, Point | undefined>();
  let attributesOk = true;
  for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    const attributeAt = start(attribute.position) ?? at;
    if (attribute.type === "mdxJsxExpressionAttribute") {
      out.add(`Spread-attributen ({…}) zijn niet toegestaan in <${name}>.`, attributeAt);
      attributesOk = false;
      continue;
    }
    const attributeName = attribute.name;
    if (!allowedProps.includes(attributeName)) {
      const allowed = allowedProps.length > 0 ? `Toegestaan: ${allowedProps.join(", ")}.` : "Deze component heeft geen attributen.";
      out.add(`Onbekend attribuut "${attributeName}" in <${name}>. ${allowed}`, attributeAt);
      attributesOk = false;
      continue;
    }
    if (Object.hasOwn(props, attributeName)) {
      out.add(`Attribuut "${attributeName}" staat twee keer in <${name}>.`, attributeAt);
      attributesOk = false;
      continue;
    }
    if (typeof attribute.value !== "string") {
      out.add(
        attribute.value === null || attribute.value === undefined
          ? `Attribuut "${attributeName}" in <${name}> heeft geen waarde; schrijf ${attributeName}="…".`
          : `Attribuut "${attributeName}" in <${name}> moet een letterlijke tekst tussen aanhalingstekens zijn, geen expressie {…}.`,
        attributeAt,
      );
      attributesOk = false;
      continue;
    }
    props[attributeName] = attribute.value;
    propPosition.set(attributeName, attributeAt);
  }

  if (attributesOk) {
    const parsed = entry.props.safeParse(props);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        if (props[key] === undefined) {
          out.add(`Attribuut "${key}" ontbreekt in <${name}>.`, at);
        } else if (issue.code === "invalid_value") {
          const options = issue.values.map((value) => `"${String(value)}"`).join(", ");
          out.add(`Ongeldige waarde voor "${key}" in <${name}>. Kies uit: ${options}.`, propPosition.get(key) ?? at);
        } else if (issue.code === "too_big") {
          out.add(`De waarde van "${key}" in <${name}> is te lang (maximaal ${String(issue.maximum)} tekens).`, propPosition.get(key) ?? at);
        } else {
          out.add(`Ongeldige waarde voor "${key}" in <${name}>.`, propPosition.get(key) ?? at);
        }
      }
    }
  }

  if (node.type === "mdxJsxTextElement" && !entry.inline) {
    // A block inside a paragraph is invalid HTML (<div> in <p>).
    out.add(`Zet <${name}> op een eigen regel, met een witregel ervoor en erna.`, at);
  }
  if (!entry.children && node.children.length > 0) {
    out.add(`<${name}> heeft geen inhoud; schrijf <${name} … />.`, at);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// URLs

const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  bsol: "\\",
  lpar: "(",
  rpar: ")",
  period: ".",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  num: "#",
  percnt: "%",
  quest: "?",
  equals: "=",
};

function decodeReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, digits: string) => fromCodePoint(Number.parseInt(digits, 16)))
    .replace(/&#([0-9]+);?/g, (_, digits: string) => fromCodePoint(Number.parseInt(digits, 10)))
    .replace(/&([a-z][a-z0-9]*);/gi, (match, name: string) => NAMED_REFERENCES[name.toLowerCase()] ?? match);
}

function fromCodePoint(codePoint: number): string {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "\ufffd";
}

/**
 * Allow-list for link targets. Returns a Dutch reason when the URL is not allowed.
 * Checked after decoding character references (again) and removing whitespace and control
 * characters, which browsers ignore inside a scheme ("java\tscript:").
 */
export function checkUrl(raw: string): string | undefined {
  let value = raw;
  for (let round = 0; round < 3; round++) {
    const decoded = decodeReferences(value);
    if (decoded === value) break;
    value = decoded;
  }
  value = value.replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, "");
  if (/&[a-z][a-z0-9]*;/i.test(value)) return "Tekens als &naam; zijn niet toegestaan in een linkadres.";
  if (value === "") return "Deze link heeft geen adres.";
  if (value.startsWith("#")) return undefined;
  if (value.startsWith("/")) {
    if (value[1] === "/" || value[1] === "\\") return "Een linkadres mag niet met // beginnen; schrijf het volledige adres met https://.";
    return undefined;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) {
    return "Gebruik een volledig linkadres (https://…), een adres op deze site dat met / begint, of #anker.";
  }
  if (scheme === "http" || scheme === "https") {
    try {
      const url = new URL(value);
      if (!url.hostname) throw new Error("no host");
    } catch {
      return "Dit linkadres is ongeldig.";
    }
    return undefined;
  }
  if (scheme === "mailto") return value.length > "mailto:".length ? undefined : "Dit mailadres is leeg.";
  if (scheme === "tel") return /^tel:\+?[0-9()\-.]+$/i.test(value) ? undefined : "Dit telefoonnummer is ongeldig.";
  return `Links met "${scheme}:" zijn niet toegestaan. Gebruik https:, http:, mailto: of tel:.`;
}

export function isAllowedUrl(raw: string): boolean {
  return checkUrl(raw) === undefined;
}

// ---------------------------------------------------------------------------------------------
// Parse errors

function start(position: Position): Point | undefined {
  return position ? { line: position.start.line, column: position.start.column } : undefined;
}

type ParseFailure = { line?: number | null; column?: number | null; source?: string | null; ruleId?: string | null };

/** Dutch message and position for a micromark/acorn parse error. */
export function describeParseError(error: unknown): [string, Point] {
  if (error instanceof RangeError) return ["De tekst is te diep genest om te lezen.", { line: 1, column: 1 }];
  const failure = (typeof error === "object" && error !== null ? error : {}) as ParseFailure;
  const at = { line: failure.line ?? 1, column: failure.column ?? 1 };
  const rule = failure.ruleId ?? "";
  switch (failure.source) {
    case "mdast-util-mdx-jsx":
    case "micromark-extension-mdx-jsx":
      if (rule === "end-tag-mismatch" || rule === "unexpected-closing-slash" || rule === "unexpected-lazy")
        return ["De sluittag past niet bij de openingstag van deze component.", at];
      if (rule === "unexpected-eof") return ["De tekst houdt op midden in een tag: ontbreekt er een > of een sluittag?", at];
      return ["Ongeldige tag na <. Alleen toegestane componenten mogen; schrijf \\< voor een letterlijk kleiner-dan-teken.", at];
    case "micromark-extension-mdx-expression":
      return ["Ongeldige of niet-afgesloten accolade. Expressies zijn niet toegestaan; schrijf \\{ voor een letterlijke accolade.", at];
    case "micromark-extension-mdxjs-esm":
      return ["import en export zijn niet toegestaan.", at];
    default:
      return ["De tekst kan niet worden gelezen op deze plek.", at];
  }
}
