import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashParts, readPolicyDirectory } from "@/lib/content/source";
import { writePolicyDirectory } from "./export";

const dirs: string[] = [];
function shippedCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-export-"));
  cpSync(path.join("content", "sociale-media"), dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("exporting a version to content/", () => {
  it("writes each part's source into its own file, and reads back to the same content hash", async () => {
    const dir = shippedCopy();
    const parts = await readPolicyDirectory(dir);
    const edited = parts.map((part) =>
      part.slug === "algemeen" ? { ...part, source: `${part.source}\nEen nieuwe regel.\n` } : part,
    );
    const { written, removed } = await writePolicyDirectory({ dir, parts: edited });
    expect(written).toEqual(readdirSync(dir).sort());
    expect(removed).toEqual([]);
    expect(readFileSync(path.join(dir, "30-algemeen.mdx"), "utf8")).toMatch(
      /Een nieuwe regel\.\n$/,
    );
    const back = await readPolicyDirectory(dir);
    expect(hashParts(back)).toBe(hashParts(edited));
  });

  it("removes the file of a part the version no longer has and names a new part by order and slug", async () => {
    const dir = shippedCopy();
    const parts = (await readPolicyDirectory(dir)).filter((part) => part.slug !== "algemeen");
    const extra = parts.find((part) => part.slug === "privegebruik")!;
    const added = {
      ...extra,
      slug: "nieuw",
      order: 40,
      source: extra.source
        .replace("slug: privegebruik", "slug: nieuw")
        .replace("order: 20", "order: 40"),
    };
    const { removed, written } = await writePolicyDirectory({ dir, parts: [...parts, added] });
    expect(removed).toEqual(["30-algemeen.mdx"]);
    expect(written).toContain("40-nieuw.mdx");
    expect(existsSync(path.join(dir, "30-algemeen.mdx"))).toBe(false);
  });
});
