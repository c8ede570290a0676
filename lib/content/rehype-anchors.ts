import type { Element, ElementContent, Root, RootContent } from "hast";

export type HeadingEntry = { id: string; text: string; depth: number };
export type RuleEntry = { id: string; text: string };
export type AnchorCollector = { headings: HeadingEntry[]; rules: RuleEntry[] };

/** "Privégebruik & zo" -> "privegebruik-zo". Only [a-z0-9-], so ids never clobber DOM globals. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const LINK_ICON: Element = {
  type: "element",
  tagName: "svg",
  properties: { className: ["anchor-icon"], viewBox: "0 0 16 16", width: 16, height: 16, ariaHidden: "true", focusable: "false" },
  children: [
    {
      type: "element",
      tagName: "path",
      properties: {
        fill: "currentColor",
        d: "M7.8 4.2 9.3 2.7a3.3 3.3 0 0 1 4.7 4.7l-2.3 2.3a3.3 3.3 0 0 1-4.7 0l-.3-.3 1-1 .3.3a1.9 1.9 0 0 0 2.7 0L13 6.4a1.9 1.9 0 0 0-2.7-2.7L8.8 5.2l-1-1Zm.4 7.6-1.5 1.5A3.3 3.3 0 0 1 2 8.6l2.3-2.3a3.3 3.3 0 0 1 4.7 0l.3.3-1 1-.3-.3a1.9 1.9 0 0 0-2.7 0L3 9.6a1.9 1.9 0 0 0 2.7 2.7l1.5-1.5 1 1Z",
      },
      children: [],
    },
  ],
};

function anchorLink(id: string, className: string, label: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { href: `#${id}`, className: [className], ariaLabel: label },
    children: [structuredClone(LINK_ICON)],
  };
}

function isElement(node: RootContent | ElementContent | Root, tagName?: string): node is Element {
  return node.type === "element" && (tagName === undefined || node.tagName === tagName);
}

/** Plain text of a node, leaving out nested lists (their items are rules of their own). */
function textOf(node: RootContent | ElementContent, skipLists: boolean): string {
  if (node.type === "text") return node.value;
  if (!("children" in node)) return "";
  if (isElement(node) && skipLists && (node.tagName === "ul" || node.tagName === "ol")) return "";
  return (node.children as ElementContent[]).map((child) => textOf(child, skipLists)).join("");
}

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Gives every h2–h4 an id (`<slug>-<heading text>`, unique) and every list item a stable rule id:
 * `<slug>-regel-<n>` for top-level items, counted through the whole part, and
 * `<slug>-regel-<n>-<m>` for nested ones. Each gets a link to itself (`.rule-anchor`, `.heading-anchor`).
 * What it finds is pushed to `collect`, for the table of contents and tests.
 */
export function rehypeAnchors({ slug, collect }: { slug: string; collect: AnchorCollector }) {
  return (tree: Root) => {
    const usedIds = new Set<string>();
    const counters = new Map<string, number>();

    const uniqueId = (base: string) => {
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      return id;
    };

    const visit = (node: Root | Element, trail: number[]) => {
      for (const child of node.children) {
        if (!isElement(child)) {
          // MDX component nodes (mdxJsxFlowElement) may hold lists too.
          if ("children" in child) visit(child as unknown as Element, trail);
          continue;
        }
        const headingDepth = /^h([2-4])$/.exec(child.tagName)?.[1];
        if (headingDepth) {
          const text = clean(textOf(child, false));
          const id = uniqueId(`${slug}-${slugify(text) || "kop"}`);
          child.properties = { ...child.properties, id };
          child.children.push({ type: "text", value: " " }, anchorLink(id, "heading-anchor", `Link naar dit kopje: ${text}`));
          collect.headings.push({ id, text, depth: Number(headingDepth) });
          continue;
        }
        if (child.tagName === "li") {
          const key = trail.join("-");
          const n = (counters.get(key) ?? 0) + 1;
          counters.set(key, n);
          const ownTrail = [...trail, n];
          const id = uniqueId(`${slug}-regel-${ownTrail.join("-")}`);
          const text = clean(textOf(child, true));
          collect.rules.push({ id, text });
          visit(child, ownTrail);
          child.properties = { ...child.properties, id };
          placeNumber(child, ownTrail.join("."));
          placeAnchor(child, anchorLink(id, "rule-anchor", `Link naar regel ${ownTrail.join(".")}`));
          continue;
        }
        visit(child, trail);
      }
    };
    visit(tree, []);
  };
}

/**
 * The rule's number, visible so people can cite it ("regel 2.1"): at the start of the item's text
 * (its first paragraph in loose lists). mdx.css sets it in the gutter where the bullet was.
 */
function placeNumber(li: Element, number: string): void {
  const label: Element = {
    type: "element",
    tagName: "span",
    properties: { className: ["rule-number"] },
    children: [{ type: "text", value: number }],
  };
  const first = li.children.find((child) => child.type !== "text" || child.value.trim() !== "");
  const target = first && isElement(first, "p") ? first : li;
  target.children.unshift(label, { type: "text", value: " " });
}

/** After the item's own text: inside its first paragraph (loose lists) or before a nested list. */
function placeAnchor(li: Element, anchor: Element): void {
  const paragraph = li.children.find((child): child is Element => isElement(child, "p"));
  if (paragraph) {
    paragraph.children.push({ type: "text", value: " " }, anchor);
    return;
  }
  const nestedList = li.children.findIndex((child) => isElement(child, "ul") || isElement(child, "ol"));
  if (nestedList === -1) {
    li.children.push({ type: "text", value: " " }, anchor);
    return;
  }
  // Drop the line break before the nested list, so the anchor sits right after the text.
  let at = nestedList;
  while (at > 0) {
    const previous = li.children[at - 1];
    if (previous.type !== "text" || previous.value.trim() !== "") break;
    at--;
  }
  li.children.splice(at, nestedList - at, { type: "text", value: " " }, anchor, { type: "text", value: "\n" });
}
