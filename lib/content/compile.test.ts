import { readFileSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import matter from "gray-matter";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { FRONTMATTER, HOSTILE } from "./__fixtures__/hostile";
import { bundlePart, denyImports, SAFE_GRAY_MATTER_ENGINES } from "./bundle";
import { compileHash, compilePart, getCompileStats } from "./compile";
import { validate, VALIDATE_SOURCE } from "./validate";

const read = (name: string) => readFileSync(path.join(process.cwd(), "content", "sociale-media", name), "utf8");
const pwned = () => (globalThis as { __pwned?: unknown }).__pwned;

afterEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

describe("compilePart", () => {
  it("compiles a shipped part with its front matter and a stable anchor for every rule", async () => {
    const source = read("10-zakelijk-gebruik.mdx");
    const part = await compilePart({ source, slug: "zakelijk-gebruik" });
    expect(part.hash).toBe(compileHash({ source, slug: "zakelijk-gebruik" }));
    const validated = validate(source);
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(part.frontmatter).toEqual(validated.frontmatter);
    expect(part.rules.map((rule) => rule.id)).toEqual([
      "zakelijk-gebruik-regel-1",
      "zakelijk-gebruik-regel-2",
      "zakelijk-gebruik-regel-2-1",
      "zakelijk-gebruik-regel-2-2",
      "zakelijk-gebruik-regel-2-3",
      "zakelijk-gebruik-regel-2-4",
      "zakelijk-gebruik-regel-3",
      "zakelijk-gebruik-regel-4",
      "zakelijk-gebruik-regel-5",
      "zakelijk-gebruik-regel-6",
    ]);
    // A parent rule's text is its own sentence, without its sub-rules.
    expect(part.rules[1].text).toBe("Wil je als medewerker van Kempenhaeghe reageren op uitingen die je tegenkomt in social media, bedenk dan het volgende:");
    expect(part.rules[5].text).toMatch(/^Ben je bewust .* wie dit doet\.$/);
    expect(part.code).toContain('"aria-label":"Link naar regel 2.4"');
  });

  it("numbers the rules of every part and leaves prose without rules", async () => {
    const counts: Record<string, number> = {};
    for (const [file, slug] of [
      ["00-inleiding.mdx", "inleiding"],
      ["20-privegebruik.mdx", "privegebruik"],
      ["30-algemeen.mdx", "algemeen"],
      ["90-kortom.mdx", "kortom"],
    ]) {
      counts[slug] = (await compilePart({ source: read(file), slug })).rules.length;
    }
    expect(counts).toEqual({ inleiding: 0, privegebruik: 4, algemeen: 4, kortom: 0 });
  });

  it("gives headings unique ids for the table of contents", async () => {
    const source = `${FRONTMATTER}## Wat je doet\n\nTekst.\n\n### Wat je doet\n\n## Privé & zakelijk\n`;
    const part = await compilePart({ source, slug: "test" });
    expect(part.headings).toEqual([
      { id: "test-wat-je-doet", text: "Wat je doet", depth: 2 },
      { id: "test-wat-je-doet-2", text: "Wat je doet", depth: 3 },
      { id: "test-prive-zakelijk", text: "Privé & zakelijk", depth: 2 },
    ]);
  });

  it("compiles each input once and serves repeats from the cache", async () => {
    const source = `${FRONTMATTER}Cache-test ${Math.random()}.\n`;
    const before = getCompileStats();
    const [first, second] = await Promise.all([compilePart({ source, slug: "test" }), compilePart({ source, slug: "test" })]);
    const third = await compilePart({ source, slug: "test" });
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(getCompileStats().compiles - before.compiles).toBe(1);
    expect(getCompileStats().cacheHits - before.cacheHits).toBe(2);
  });

  it("keys the cache on the slug too, since rule ids contain it", async () => {
    const source = `${FRONTMATTER}- Een regel.\n`;
    const [a, b] = await Promise.all([compilePart({ source, slug: "een" }), compilePart({ source, slug: "twee" })]);
    expect(a.hash).not.toBe(b.hash);
    expect(a.rules[0].id).toBe("een-regel-1");
    expect(b.rules[0].id).toBe("twee-regel-1");
  });

  it("refuses an invalid slug", async () => {
    await expect(compilePart({ source: `${FRONTMATTER}Tekst.\n`, slug: "../x" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("hostile MDX never runs", () => {
  it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))("%s is refused before esbuild", async (_name, hostile) => {
    const before = getCompileStats();
    const error = await compilePart({ source: hostile.source, slug: "test" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", details: { errors: expect.arrayContaining([expect.objectContaining({ line: hostile.line, column: hostile.column })]) } });
    expect((error as AppError).message).toMatch(/^De tekst bevat/);
    expect(getCompileStats().compiles).toBe(before.compiles);
    expect(getCompileStats().cacheSize).toBe(before.cacheSize);
    expect(pwned()).toBeUndefined();
  });

  it("does not cache a refusal: the same input is checked again, and valid input still compiles", async () => {
    const hostile = `${FRONTMATTER}{globalThis.__pwned = 1}\n`;
    await expect(compilePart({ source: hostile, slug: "test" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(compilePart({ source: hostile, slug: "test" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(compilePart({ source: `${FRONTMATTER}Daarna gewoon.\n`, slug: "test" })).resolves.toMatchObject({ rules: [] });
    expect(pwned()).toBeUndefined();
  });
});

describe("second line of defence, without validate()", () => {
  it("gray-matter really evaluates ---js front matter by default", () => {
    // The threat the engines below exist for: this line runs code.
    matter("---js\n(globalThis.__pwned = 1, {})\n---\n", {});
    expect(pwned()).toBe(1);
  });

  it("the replaced gray-matter engines refuse JavaScript and CoffeeScript front matter", () => {
    for (const language of ["js", "javascript", "coffee", "cson"]) {
      expect(() => matter(`---${language}\n(globalThis.__pwned = 1, {})\n---\n`, { engines: SAFE_GRAY_MATTER_ENGINES })).toThrow(/not allowed/);
    }
    expect(pwned()).toBeUndefined();
  });

  it("bundling ---js front matter directly throws and runs nothing", async () => {
    await expect(bundlePart({ source: "---js\n(globalThis.__pwned = 1, {})\n---\n\nTekst.\n", slug: "test" })).rejects.toThrow();
    expect(pwned()).toBeUndefined();
  });

  it.each([
    ["export", `${FRONTMATTER}export const x = (globalThis.__pwned = 1)\n`, 9, /import en export/],
    ["expression", `${FRONTMATTER}{globalThis.__pwned = 1}\n`, 9, /Expressies/],
    ["script element", `${FRONTMATTER}<script>{"globalThis.__pwned = 1"}</script>\n`, 9, /HTML-element <script>/],
    ["javascript: link", `${FRONTMATTER}[x](javascript:globalThis.__pwned=1)\n`, 9, /javascript:/],
  ])("the validating remark plugin inside the compiler rejects an %s", async (_name, source, line, message) => {
    const error = (await bundlePart({ source, slug: "test" }).catch((caught: unknown) => caught)) as { errors?: { detail?: { cause?: { source?: string; errors?: { message: string; line: number }[] } } }[] };
    const cause = error.errors?.[0]?.detail?.cause;
    expect(cause?.source).toBe(VALIDATE_SOURCE);
    expect(cause?.errors?.[0]).toMatchObject({ line, message: expect.stringMatching(message) });
    expect(pwned()).toBeUndefined();
  });

  it("compiled MDX can import nothing but the JSX runtime", async () => {
    const result = await esbuild
      .build({ stdin: { contents: 'import fs from "node:fs"; console.log(fs)', loader: "js" }, bundle: true, write: false, logLevel: "silent", plugins: [denyImports] })
      .catch((caught: { errors: { text: string }[] }) => caught);
    expect("errors" in result && result.errors[0]?.text).toMatch(/Importeren van "node:fs" is niet toegestaan/);
  });
});
