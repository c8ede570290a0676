import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentDirectory, DEFAULT_POLICY, hashParts, readPolicyDirectory } from "./source";

const fm = (slug: string, order: number) => `---\ntitle: ${slug}\nslug: ${slug}\norder: ${order}\nsummary: Een samenvatting.\nkind: part\n---\n\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "policy-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readPolicyDirectory", () => {
  it("reads the shipped guideline", async () => {
    const parts = await readPolicyDirectory(contentDirectory(DEFAULT_POLICY));
    expect(parts.map((part) => part.slug)).toEqual(["inleiding", "zakelijk-gebruik", "privegebruik", "algemeen", "kortom"]);
    expect(parts[0].source).toMatch(/^---\ntitle: Gebruik van sociale media\n/);
  });

  it("sorts by order, not by file name, and ignores other files", async () => {
    await writeFile(path.join(dir, "a.mdx"), `${fm("tweede", 20)}Twee.\n`);
    await writeFile(path.join(dir, "b.mdx"), `${fm("eerste", 10)}Een.\n`);
    await writeFile(path.join(dir, "notities.txt"), "geen MDX");
    expect((await readPolicyDirectory(dir)).map((part) => part.slug)).toEqual(["eerste", "tweede"]);
  });

  it("names the file, line and column of the first problem", async () => {
    await writeFile(path.join(dir, "10-deel.mdx"), `${fm("deel", 10)}Tekst.\n\n<script>alert(1)</script>\n`);
    await expect(readPolicyDirectory(dir)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^10-deel\.mdx, regel 11, kolom 1: HTML-element <script>/),
    });
  });

  it("leaves two parts with the same slug to publishVersion, which checks it once", async () => {
    await writeFile(path.join(dir, "a.mdx"), `${fm("deel", 10)}Een.\n`);
    await writeFile(path.join(dir, "b.mdx"), `${fm("deel", 20)}Twee.\n`);
    expect((await readPolicyDirectory(dir)).map((part) => part.slug)).toEqual(["deel", "deel"]);
  });

  it("refuses a file that is not UTF-8", async () => {
    await writeFile(path.join(dir, "a.mdx"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]));
    await expect(readPolicyDirectory(dir)).rejects.toMatchObject({ message: expect.stringContaining("UTF-8") });
  });

  it("refuses a missing or empty directory", async () => {
    await expect(readPolicyDirectory(path.join(dir, "bestaat-niet"))).rejects.toMatchObject({ code: "not_found" });
    await expect(readPolicyDirectory(dir)).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("contentDirectory", () => {
  it("stays inside content/", () => {
    expect(contentDirectory("sociale-media")).toBe(path.join(process.cwd(), "content", "sociale-media"));
    expect(() => contentDirectory("../lib")).toThrow();
  });
});

describe("hashParts", () => {
  it("is SHA-256 over slug, NUL, source, NUL for each part in order", () => {
    const parts = [
      { slug: "a", source: "één" },
      { slug: "b", source: "twee" },
    ];
    const expected = createHash("sha256").update(Buffer.from("a\0één\0b\0twee\0", "utf8")).digest("hex");
    expect(hashParts(parts)).toBe(expected);
    expect(hashParts(parts)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with order and cannot be forged by moving text between slug and source", () => {
    const ab = hashParts([
      { slug: "a", source: "x" },
      { slug: "b", source: "y" },
    ]);
    expect(hashParts([{ slug: "b", source: "y" }, { slug: "a", source: "x" }])).not.toBe(ab);
    expect(hashParts([{ slug: "a", source: "xb" }, { slug: "", source: "y" }])).not.toBe(ab);
  });
});
