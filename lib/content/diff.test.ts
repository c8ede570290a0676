import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffParts as diffBlocksOf, toBlocks, wordChanges } from "./diff";

type SourcePart = { slug: string; title: string; order: number; source: string };
/** The redline diffs stored blocks; here they are made from the sources as publishing does. */
const diffParts = ({ from, to }: { from: SourcePart[]; to: SourcePart[] }) =>
  diffBlocksOf({
    from: from.map((part) => ({ ...part, blocks: toBlocks(part.source) })),
    to: to.map((part) => ({ ...part, blocks: toBlocks(part.source) })),
  });

const fm = (slug: string, title = slug) => `---\ntitle: ${title}\nslug: ${slug}\norder: 1\nsummary: S.\nkind: part\n---\n\n`;
const part = (slug: string, body: string, { order = 1, title = slug } = {}) => ({ slug, title, order, source: fm(slug, title) + body });
const shipped = (file: string, slug: string, order: number, title: string) => ({
  slug,
  title,
  order,
  source: readFileSync(path.join(process.cwd(), "content", "sociale-media", file), "utf8"),
});

describe("toBlocks", () => {
  it("turns MDX into readable blocks: paragraphs, and bullets with their nesting level", () => {
    const blocks = toBlocks(shipped("10-zakelijk-gebruik.mdx", "zakelijk-gebruik", 10, "Zakelijk gebruik").source);
    expect(blocks.map((block) => [block.kind, block.level, block.text.slice(0, 24)])).toEqual([
      ["bullet", 0, "Denk je erover om social"],
      ["bullet", 0, "Wil je als medewerker va"],
      ["bullet", 1, "Stel je op als ambassade"],
      ["bullet", 1, "Ga je uit hoofde van je "],
      ["bullet", 1, "Beperk je in discussies "],
      ["bullet", 1, "Ben je bewust van de sta"],
      ["bullet", 0, "Blijf op internet zakeli"],
      ["bullet", 0, "Zorg ervoor dat wat je z"],
      ["bullet", 0, "Reacties op internet moe"],
      ["bullet", 0, "Documenteer je bijdragen"],
    ]);
    // Markdown syntax is gone.
    expect(blocks[0].text).toBe(
      "Denk je erover om social media in te zetten in communicatie over een project, dienst of afdeling, neem dan contact op met de afdeling Communicatie.",
    );
  });

  it("keeps link addresses and reads components as text", () => {
    const blocks = toBlocks(
      fm("x") + '## Kop\n\nZie [de site](https://www.kempenhaeghe.nl).\n\n<Callout type="tip" title="Handig">\n\nBinnen.\n\n</Callout>\n\n<ContactDepartment department="Communicatie" />\n',
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 0, text: "Kop" },
      { kind: "paragraph", level: 0, text: "Zie de site (https://www.kempenhaeghe.nl)." },
      { kind: "heading", level: 0, text: "Handig" },
      { kind: "paragraph", level: 0, text: "Binnen." },
      { kind: "paragraph", level: 0, text: expect.stringContaining("afdeling Communicatie") },
    ]);
  });
});

describe("diffParts", () => {
  it("reports identical versions as unchanged, with all text folded", () => {
    const parts = [shipped("20-privegebruik.mdx", "privegebruik", 20, "Privégebruik")];
    const [diff] = diffParts({ from: parts, to: parts });
    expect(diff).toMatchObject({ slug: "privegebruik", status: "unchanged", changes: 0 });
    expect(diff.blocks).toEqual([{ type: "folded", blocks: expect.any(Array) }]);
    expect(diff.blocks[0].type === "folded" && diff.blocks[0].blocks).toHaveLength(4);
  });

  it("marks the words changed in a rule, and folds unchanged rules around one rule of context", () => {
    const from = shipped("10-zakelijk-gebruik.mdx", "zakelijk-gebruik", 10, "Zakelijk gebruik");
    const to = { ...from, source: from.source.replace("blijft dan altijd transparant: geeft je naam", "blijf dan altijd transparant: geef je naam") };
    const [diff] = diffParts({ from: [from], to: [to] });
    expect(diff.status).toBe("changed");
    expect(diff.changes).toBe(1);
    expect(diff.blocks.map((block) => block.type)).toEqual(["folded", "same", "changed", "same", "folded"]);
    const folded = diff.blocks.filter((block) => block.type === "folded");
    expect(folded.map((block) => block.type === "folded" && block.blocks.length)).toEqual([2, 5]);
    const changed = diff.blocks[2];
    if (changed.type !== "changed") throw new Error("expected a changed block");
    expect(changed.to.level).toBe(1);
    expect(changed.words.filter((word) => word.type !== "same")).toEqual([
      { type: "removed", text: "blijft" },
      { type: "added", text: "blijf" },
      { type: "removed", text: "geeft" },
      { type: "added", text: "geef" },
    ]);
  });

  it("shows a new rule as added and a dropped rule as removed", () => {
    const from = part("a", "- Eén.\n- Twee.\n- Drie.\n");
    const to = part("a", "- Eén.\n- Drie.\n- Een geheel nieuwe regel over iets anders.\n");
    const [diff] = diffParts({ from: [from], to: [to] });
    expect(diff.blocks).toEqual([
      { type: "same", block: { kind: "bullet", level: 0, text: "Eén." } },
      { type: "removed", block: { kind: "bullet", level: 0, text: "Twee." } },
      { type: "same", block: { kind: "bullet", level: 0, text: "Drie." } },
      { type: "added", block: { kind: "bullet", level: 0, text: "Een geheel nieuwe regel over iets anders." } },
    ]);
  });

  it("does not pair a replaced rule with an unrelated one", () => {
    const from = part("a", "- Het spreekt voor zich dat de spelling telt.\n");
    const to = part("a", "- Meld incidenten altijd bij de afdeling Communicatie.\n");
    const [diff] = diffParts({ from: [from], to: [to] });
    expect(diff.blocks.map((block) => block.type)).toEqual(["removed", "added"]);
  });

  it("handles added, removed and renamed parts, in reading order", () => {
    const from = [part("inleiding", "Intro.\n", { order: 0 }), part("oud", "Weg.\n", { order: 20 }), part("slot", "Einde.\n", { order: 90, title: "Kortom" })];
    const to = [part("inleiding", "Intro.\n", { order: 0 }), part("nieuw", "Erbij.\n", { order: 30 }), part("slot", "Einde.\n", { order: 90, title: "Tot slot" })];
    const diffs = diffParts({ from, to });
    expect(diffs.map((diff) => [diff.slug, diff.status])).toEqual([
      ["inleiding", "unchanged"],
      ["oud", "removed"],
      ["nieuw", "added"],
      ["slot", "changed"],
    ]);
    expect(diffs[1].blocks).toEqual([{ type: "removed", block: { kind: "paragraph", level: 0, text: "Weg." } }]);
    expect(diffs[2].blocks).toEqual([{ type: "added", block: { kind: "paragraph", level: 0, text: "Erbij." } }]);
    expect(diffs[3]).toMatchObject({ title: "Tot slot", titleChange: { from: "Kortom", to: "Tot slot" }, changes: 0 });
  });

  it("ignores front matter changes other than the title", () => {
    const from = part("a", "Tekst.\n");
    const to = { ...from, source: from.source.replace("summary: S.", "summary: Een andere samenvatting.") };
    expect(diffParts({ from: [from], to: [to] })[0].status).toBe("unchanged");
  });

  it("still shows a diff for a source that no longer parses", () => {
    const from = part("a", "Oud {kapot\n");
    const to = part("a", "Nieuw {kapot\n");
    const [diff] = diffParts({ from: [from], to: [to] });
    expect(diff.status).toBe("changed");
  });
});

describe("wordChanges", () => {
  it("merges neighbouring changes of one kind", () => {
    expect(wordChanges("de rechten en plichten", "de plichten")).toEqual([
      { type: "same", text: "de " },
      { type: "removed", text: "rechten en " },
      { type: "same", text: "plichten" },
    ]);
  });
});
