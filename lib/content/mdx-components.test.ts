import { describe, expect, it } from "vitest";
import { getMdxComponentSpec, mdxComponentNames, mdxComponentSpecs } from "./mdx-components";
import { validate } from "./validate";

const FRONTMATTER = `---\ntitle: Voorbeeld\nslug: voorbeeld\norder: 1\nsummary: Een voorbeeld.\nkind: part\n---\n\n`;

describe("the MDX component allow-list", () => {
  it.each(mdxComponentNames)("the help example of %s passes validation", (name) => {
    const result = validate(`${FRONTMATTER}${mdxComponentSpecs[name].example}\n`);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("resolves only its own names, never inherited properties", () => {
    expect(getMdxComponentSpec("Callout")).toBeDefined();
    for (const name of ["constructor", "__proto__", "toString", "callout"]) {
      expect(getMdxComponentSpec(name)).toBeUndefined();
    }
  });
});
