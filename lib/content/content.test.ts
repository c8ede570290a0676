import { readFileSync } from "node:fs";
import path from "node:path";
import type { List, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { contentDirectory, DEFAULT_POLICY, readPolicyDirectory } from "./source";

/** The organisation's text as supplied (an unchanged copy of the seed file). */
const SEED = readFileSync(path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "sociale-media-richtlijnen.txt"), "utf8");

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkMdx);
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
/** The seed's own Markdown: bullets and emphasis markers are structure, not wording. */
const seedWords = (text: string) => normalise(text.replace(/^\s*- /gm, "").replace(/\*/g, ""));

/**
 * The seed in units of wording: every line that is not blank, without its bullet. A PDF line break
 * in mid-sentence makes two units; each must still appear in the MDX.
 */
const seedUnits = SEED.split("\n")
  .map((line) => line.replace(/^\s*- /, "").replace(/\*/g, "").trim())
  .filter(Boolean);

describe("the guideline content", async () => {
  const parts = await readPolicyDirectory(contentDirectory(DEFAULT_POLICY));
  const trees = new Map(parts.map((part) => [part.slug, parser.parse(part.source) as Root]));
  /** Text of every paragraph, in document order, one space between them. */
  const bodyText = (slug: string) => {
    const paragraphs: string[] = [];
    const walk = (node: Root | Root["children"][number]) => {
      if (node.type === "paragraph") paragraphs.push(toString(node));
      else if ("children" in node) for (const child of node.children) walk(child as Root["children"][number]);
    };
    walk(trees.get(slug)!);
    return normalise(paragraphs.join(" "));
  };

  it("has the intro, the three parts and the closing line, in order", () => {
    expect(parts.map((part) => [part.slug, part.kind, part.title])).toEqual([
      ["inleiding", "intro", "Gebruik van sociale media"],
      ["zakelijk-gebruik", "part", "Zakelijk gebruik"],
      ["privegebruik", "part", "Privégebruik"],
      ["algemeen", "part", "Algemeen"],
      ["kortom", "closing", "Kortom"],
    ]);
    for (const part of parts) expect(part.summary).toMatch(/^[A-Z].{10,}\.$/);
  });

  it("contains every sentence and bullet of the source text", () => {
    const all = normalise(parts.map((part) => `${part.title} ${bodyText(part.slug)}`).join(" "));
    const missing = seedUnits.filter((unit) => !all.includes(normalise(unit)));
    expect(missing).toEqual([]);
  });

  it("has exactly the wording of the source, word for word and in order", () => {
    const titlesAndBodies = parts.map((part) => (part.kind === "closing" ? bodyText(part.slug) : `${part.title} ${bodyText(part.slug)}`));
    expect(normalise(titlesAndBodies.join(" "))).toBe(seedWords(SEED));
  });

  it("keeps the source's emphasis as emphasis", () => {
    const emphasis: string[] = [];
    const walk = (node: Root | Root["children"][number]) => {
      if (node.type === "emphasis") emphasis.push(toString(node));
      if ("children" in node) for (const child of node.children) walk(child as Root["children"][number]);
    };
    walk(trees.get("zakelijk-gebruik")!);
    expect(emphasis).toEqual(["in te zetten in communicatie", "reageren"]);
  });

  it("keeps the four sub-bullets nested under the bullet about reacting", () => {
    const list = trees.get("zakelijk-gebruik")!.children.find((node): node is List => node.type === "list")!;
    expect(list.children).toHaveLength(6);
    const reacting = list.children[1];
    expect(toString(reacting.children[0])).toMatch(/^Wil je als medewerker van Kempenhaeghe reageren/);
    const nested = reacting.children.find((node): node is List => node.type === "list");
    expect(nested?.children.map((item) => toString(item).slice(0, 20))).toEqual([
      "Stel je op als ambas",
      "Ga je uit hoofde van",
      "Beperk je in discuss",
      "Ben je bewust van de",
    ]);
    // The sentence the PDF broke over a page stays one bullet.
    expect(toString(nested!.children[3])).toMatch(/overleg dan met de afdeling Communicatie of er gereageerd moet worden en zo ja, wie dit doet\.$/);
  });

  it("joins the other sentences the PDF extraction broke", () => {
    const algemeen = bodyText("algemeen");
    expect(algemeen).toContain("(teksten, foto's, video's, etc.) die jij zelf op sociale netwerken plaatst");
    expect(algemeen).toContain("'goed werknemersgedrag' gelden ook online.");
  });

  it("keeps the source's spelling, including its slips", () => {
    const all = parts.map((part) => part.source).join("\n");
    for (const phrase of ["blijft dan altijd transparant", "verwijdt", "Linked-in", "afdeling communicatie."]) expect(all).toContain(phrase);
  });
});
