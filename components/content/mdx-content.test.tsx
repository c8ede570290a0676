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
});
