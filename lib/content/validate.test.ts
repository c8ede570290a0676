import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { FRONTMATTER, HOSTILE } from "./__fixtures__/hostile";
import { WORST_CASES } from "./__fixtures__/worst-case";
import { checkUrl, MAX_LIST_ITEMS, MAX_NODES, MAX_SOURCE_BYTES, remarkValidate, validate } from "./validate";

const CONTENT_DIR = path.join(process.cwd(), "content", "sociale-media");

describe("validate", () => {
  it.each(readdirSync(CONTENT_DIR).filter((name) => name.endsWith(".mdx")))("accepts the shipped part %s", (name) => {
    const result = validate(readFileSync(path.join(CONTENT_DIR, name), "utf8"));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("returns the front matter and the body without it", () => {
    const result = validate(`${FRONTMATTER}Gewone tekst met *nadruk* en een [link](https://www.kempenhaeghe.nl).\n`);
    expect(result).toEqual({
      ok: true,
      frontmatter: { title: "Test", slug: "test", order: 1, summary: "Een test.", kind: "part" },
      body: "Gewone tekst met *nadruk* en een [link](https://www.kempenhaeghe.nl).\n",
    });
  });

  it("accepts the allow-listed components with literal string attributes", () => {
    const result = validate(
      `${FRONTMATTER}<Callout type="let-op" title="Let goed op">\n\nTwijfel je? Vraag het.\n\n</Callout>\n\n<ContactDepartment department="Personeel & Organisatie" />\n`,
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("accepts headings 2 to 4, quotes, code and allowed link targets", () => {
    const body = [
      "## Kop",
      "### Subkop",
      "#### Kleinste kop",
      "> Een citaat.",
      "`code` en\n\n```text\nblok\n```",
      "[a](https://example.org) [b](http://example.org) [c](mailto:communicatie@kempenhaeghe.nl) [d](tel:+31401234567) [e](/richtlijnen) [f](#regel)",
      "CRLF-regels\r\nzijn goed.",
    ].join("\n\n");
    const result = validate(`${FRONTMATTER}${body}\n`);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("accepts CRLF line endings, as a browser form sends them", () => {
    const result = validate(`${FRONTMATTER}Tekst.\n`.replace(/\n/g, "\r\n"));
    expect(result.ok).toBe(true);
  });

  describe("rejects hostile documents with a Dutch message at line and column", () => {
    it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))("%s", (_name, hostile) => {
      const result = validate(hostile.source);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const [first] = result.errors;
      expect(first.message).toMatch(hostile.message);
      expect({ line: first.line, column: first.column }).toEqual({ line: hostile.line, column: hostile.column });
      for (const error of result.errors) {
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.column).toBeGreaterThanOrEqual(1);
      }
    });
  });

  it("reports several problems at once, each with its own position", () => {
    const result = validate(`${FRONTMATTER}<script />\n\n[x](javascript:alert(1))\n\n![p](https://t.example/p.gif)\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.column])).toEqual([
      [9, 1],
      [11, 1],
      [13, 1],
    ]);
  });

  it("handles a dense 100 KB document in reasonable time", () => {
    const paragraph = `${"*a".repeat(50)}\n\n`;
    const source = FRONTMATTER + paragraph.repeat(Math.floor((100 * 1024 - FRONTMATTER.length) / paragraph.length));
    const started = performance.now();
    validate(source);
    // Generous bound for a loaded CI machine; quadratic behaviour would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe("whole-document limits", () => {
  // Catastrophic-regression bound only: bench/mdx.ts shows the real figures (goal: under 1 s each).
  const SANITY_MS = 10_000;

  it("refuses the loose nested list filled to the cap quickly, at a line", () => {
    const unit = "- x\n  - x\n\n";
    const source = FRONTMATTER + unit.repeat(Math.floor((MAX_SOURCE_BYTES - FRONTMATTER.length) / unit.length));
    expect(source.length).toBeGreaterThan(MAX_SOURCE_BYTES - 20);
    const started = performance.now();
    const result = validate(source);
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toMatch(/te veel regels/);
    expect(result.errors[0].line).toBeGreaterThan(1);
    // Refused before parsing: a pre-scan, not minutes of micromark (149 s before this limit).
    expect(elapsed).toBeLessThan(2_000);
  });

  it("counts list items over the whole document, across blank lines", () => {
    const source = FRONTMATTER + "- punt\n\n".repeat(MAX_LIST_ITEMS + 1);
    const result = validate(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.message).join(" ")).toMatch(/te veel (lijstonderdelen|alinea)/);
  });

  it("refuses a tree with too many nodes", () => {
    // Short emphasised words in long paragraphs: few blocks and lines, many nodes.
    const paragraph = `${"*a* b ".repeat(30)}\n\n`;
    const source = FRONTMATTER + paragraph.repeat(Math.ceil(MAX_NODES / 60) + 5);
    const result = validate(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.message).join(" ")).toMatch(/te veel (onderdelen|opmaaktekens)/);
  });

  describe.each(WORST_CASES.map((worst) => [worst.name, worst] as const))("worst case: %s", (_name, worst) => {
    it(`is ${worst.expect} within the sanity bound`, () => {
      expect(new TextEncoder().encode(worst.source).length).toBeLessThanOrEqual(MAX_SOURCE_BYTES);
      const started = performance.now();
      const result = validate(worst.source);
      expect(performance.now() - started).toBeLessThan(SANITY_MS);
      if (worst.expect === "accepted") {
        expect(result.ok ? [] : result.errors).toEqual([]);
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // Dutch, with a position.
        expect(result.errors[0].message).toMatch(/\b(de|het|te|niet)\b/i);
        expect(result.errors[0].line).toBeGreaterThanOrEqual(1);
        expect(result.errors[0].column).toBeGreaterThanOrEqual(1);
      }
    });
  });
});

describe("checkUrl", () => {
  it.each(["https://www.kempenhaeghe.nl/", "http://intranet", "mailto:p&o@kempenhaeghe.nl", "tel:+31 40 227 9022".replace(/ /g, ""), "/richtlijnen/algemeen", "#regel-1"])(
    "allows %s",
    (url) => expect(checkUrl(url)).toBeUndefined(),
  );
  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "javascript&#x3A;alert(1)",
    "&#0000106;avascript:alert(1)",
    "data:text/html,x",
    "vbscript:x",
    "file:///etc/passwd",
    "//evil.example",
    "/\\evil.example",
    "https://",
    "intranet/pagina",
    "",
  ])("refuses %j", (url) => expect(checkUrl(url)).toEqual(expect.any(String)));
});

describe("remarkValidate", () => {
  const run = (tree: Root, source: string) => unified().use(remarkValidate).run(tree, new VFile({ value: source }));

  it("rejects raw HTML nodes that only a plugin could have added", async () => {
    const tree: Root = {
      type: "root",
      children: [
        { type: "yaml", value: "title: Test\nslug: test\norder: 1\nsummary: Een test.\nkind: part", position: { start: { line: 1, column: 1 }, end: { line: 7, column: 4 } } },
        { type: "html", value: "<script>alert(1)</script>", position: { start: { line: 9, column: 1 }, end: { line: 9, column: 26 } } },
      ],
    };
    await expect(run(tree, FRONTMATTER + "<script>alert(1)</script>\n")).rejects.toMatchObject({
      reason: expect.stringMatching(/HTML is niet toegestaan/),
      line: 9,
      column: 1,
    });
  });

  it("passes a valid tree unchanged", async () => {
    const tree: Root = {
      type: "root",
      children: [
        { type: "yaml", value: "title: Test\nslug: test\norder: 1\nsummary: Een test.\nkind: part", position: { start: { line: 1, column: 1 }, end: { line: 7, column: 4 } } },
        { type: "paragraph", children: [{ type: "text", value: "Tekst." }] },
      ],
    };
    await expect(run(tree, `${FRONTMATTER}Tekst.\n`)).resolves.toBe(tree);
  });
});
