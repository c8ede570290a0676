import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FRONTMATTER } from "@/lib/content/__fixtures__/hostile";
import { compilePart } from "@/lib/content/compile";
import { MdxContent } from "./mdx-content";

const render = async (source: string, slug = "test") =>
  renderToStaticMarkup(<MdxContent part={await compilePart({ source, slug })} />);

describe("MdxContent", () => {
  it("renders a part with an id and a labelled link on every rule", async () => {
    const html = await render(
      readFileSync(
        path.join(process.cwd(), "content", "sociale-media", "10-zakelijk-gebruik.mdx"),
        "utf8",
      ),
      "zakelijk-gebruik",
    );
    expect(html).toContain("<em>reageren</em>");
    for (const id of [
      "zakelijk-gebruik-regel-1",
      "zakelijk-gebruik-regel-2-4",
      "zakelijk-gebruik-regel-6",
    ]) {
      expect(html).toContain(`<li id="${id}">`);
      expect(html).toContain(`href="#${id}"`);
    }
    expect(html).toContain(
      '<a class="rule-anchor" aria-label="Link naar regel 2.4" href="#zakelijk-gebruik-regel-2-4">',
    );
    expect(html).toContain('aria-hidden="true"');
    // The number is visible text at the start of the rule, so people can cite "regel 2.4".
    expect(html).toContain(
      '<li id="zakelijk-gebruik-regel-2-4"><span class="rule-number">2.4</span> ',
    );
    expect(html).toContain('<li id="zakelijk-gebruik-regel-6"><span class="rule-number">6</span> ');
    // Nested rules sit inside their parent rule.
    expect(html).toMatch(
      /<li id="zakelijk-gebruik-regel-2">[\s\S]*?<ul>[\s\S]*?<li id="zakelijk-gebruik-regel-2-1">/,
    );
  });

  it("renders the allow-listed components", async () => {
    const html = await render(
      `${FRONTMATTER}<Callout type="let-op">\n\nDenk na.\n\n</Callout>\n\n<ContactDepartment department="Communicatie" />\n`,
    );
    expect(html).toContain(
      '<div class="callout callout-let-op" role="note"><p class="callout-title">Let op</p>',
    );
    expect(html).toContain('<p class="contact-department">');
    expect(html).toContain("afdeling Communicatie");
  });

  it("keeps outside sites from this tab and from the intranet address", async () => {
    const html = await render(
      `${FRONTMATTER}[extern](https://www.kempenhaeghe.nl) [intern](/richtlijnen) [mail](mailto:communicatie@kempenhaeghe.nl)\n`,
    );
    expect(html).toContain(
      '<a href="https://www.kempenhaeghe.nl" rel="noopener noreferrer">extern</a>',
    );
    expect(html).toContain('<a href="/richtlijnen">intern</a>');
    expect(html).toContain('<a href="mailto:communicatie@kempenhaeghe.nl">mail</a>');
  });

  it("escapes text that looks like markup", async () => {
    const html = await render(
      `${FRONTMATTER}Tekst met &lt;script&gt;alert(1)&lt;/script&gt; en \\<b\\>.\n`,
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("sends a part as one HTML string, rendered once per hash", async () => {
    const part = await compilePart({
      source: `${FRONTMATTER}## Kop\n\nEen alinea met [een link](/richtlijnen).\n`,
      slug: "een-keer",
    });
    const element = MdxContent({ part });
    // One string: the RSC payload carries it once instead of the MDX tree, and a page view does
    // not walk the tree again.
    const html = (element.props as { dangerouslySetInnerHTML?: { __html: string } })
      .dangerouslySetInnerHTML?.__html;
    expect(html).toContain('<a href="/richtlijnen">een link</a>');
    expect(html).toContain("Een alinea met");
    const again = MdxContent({ part: { hash: part.hash, code: "throw new Error('compiled again')" } });
    expect(
      (again.props as { dangerouslySetInnerHTML?: { __html: string } }).dangerouslySetInnerHTML
        ?.__html,
    ).toBe(html);
  });
});
