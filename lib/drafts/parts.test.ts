import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "@/lib/content/validate";
import { bodyLineOffset, composePartSource, splitPartSource } from "./parts";

const dir = path.join(process.cwd(), "content", "sociale-media");
const shipped = readdirSync(dir)
  .filter((name) => name.endsWith(".mdx"))
  .map((name) => readFileSync(path.join(dir, name), "utf8"));

function asPart(source: string) {
  const result = validate(source);
  if (!result.ok) throw new Error("shipped part invalid");
  return { ...result.frontmatter, source };
}

describe("draft parts", () => {
  it("gives back every shipped file byte for byte, so an untouched draft is the published text", () => {
    for (const source of shipped)
      expect(composePartSource(splitPartSource(asPart(source)))).toBe(source);
  });

  it("quotes a title that would otherwise add YAML keys, and the result still validates", () => {
    const part = splitPartSource(asPart(shipped[1]));
    const source = composePartSource({
      ...part,
      title: "Let op: kind: closing",
      summary: "#1 - [x] & *y*",
    });
    const result = validate(source);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.frontmatter.title).toBe("Let op: kind: closing");
      expect(result.frontmatter.summary).toBe("#1 - [x] & *y*");
      expect(result.frontmatter.kind).toBe("part");
    }
  });

  it("places body line 1 right after the frontmatter", () => {
    const part = { ...splitPartSource(asPart(shipped[1])), body: "eerste\n<script>x</script>\n" };
    const result = validate(composePartSource(part));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].line - bodyLineOffset(part)).toBe(2);
  });
});
