import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { diffParts as diffBlocksOf, toBlocks } from "@/lib/content/diff";

type SourcePart = { slug: string; title: string; order: number; source: string };
/** The redline diffs stored blocks; here they are made from the sources as publishing does. */
const diffParts = ({ from, to }: { from: SourcePart[]; to: SourcePart[] }) =>
  diffBlocksOf({
    from: from.map((part) => ({ ...part, blocks: toBlocks(part.source) })),
    to: to.map((part) => ({ ...part, blocks: toBlocks(part.source) })),
  });
import { Redline } from "./redline";

const fm = (slug: string) =>
  `---\ntitle: Algemeen\nslug: ${slug}\norder: 30\nsummary: S.\nkind: part\n---\n\n`;
const part = (body: string) => ({
  slug: "algemeen",
  title: "Algemeen",
  order: 30,
  source: fm("algemeen") + body,
});

describe("Redline", () => {
  const from = part(
    "- Eén.\n- Twee.\n- Drie.\n- Vier.\n- Ook als je het bericht later verwijdt.\n",
  );
  const to = part(
    "- Eén.\n- Twee.\n- Drie.\n- Vier.\n- Ook als je het bericht later verwijdert.\n- Nieuw.\n",
  );

  it("marks added and removed words for sight and for screen readers", () => {
    const html = renderToStaticMarkup(<Redline diffs={diffParts({ from: [from], to: [to] })} />);
    expect(html).toContain(
      '<del class="redline-del"><span class="visually-hidden">verwijderd: </span>verwijdt</del>',
    );
    expect(html).toContain(
      '<ins class="redline-ins"><span class="visually-hidden">toegevoegd: </span>verwijdert</ins>',
    );
    expect(html).toContain(
      '<ins class="redline-ins"><span class="visually-hidden">toegevoegd: </span>Nieuw.</ins>',
    );
    expect(html).toContain(
      '<h2 id="wijziging-algemeen" class="redline-part-title">Algemeen<span class="redline-badge">gewijzigd</span></h2>',
    );
  });

  it("folds unchanged rules into a details element that can be opened", () => {
    const html = renderToStaticMarkup(<Redline diffs={diffParts({ from: [from], to: [to] })} />);
    expect(html).toMatch(
      /<details class="redline-folded"><summary>3 ongewijzigde regels<\/summary>.*Eén\..*Twee\..*Drie\..*<\/details>/,
    );
    // One rule of context stays visible next to the change.
    expect(html).toMatch(
      /<\/details><p class="redline-block redline-bullet"><span>Vier\.<\/span><\/p>/,
    );
  });

  it("says so when nothing changed", () => {
    const html = renderToStaticMarkup(<Redline diffs={diffParts({ from: [from], to: [from] })} />);
    expect(html).toContain("De tekst van de richtlijnen is niet veranderd.");
  });
});
