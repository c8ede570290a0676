import { readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PartSource } from "@/lib/content/source";

// Writing a published version back to content/<policy>/, so its text can be reviewed in git:
// each part's source exactly as published (frontmatter included), one .mdx file per part.

/** The slug in a file's frontmatter, without parsing MDX: the exported files are our own. */
function slugOf(source: string): string | null {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? "";
  return /^slug:\s*["']?([^"'\r\n]+?)["']?\s*$/m.exec(frontmatter)?.[1] ?? null;
}

/**
 * Write `parts` into `dir`: a part keeps the file name it has there (matched by slug), a new part
 * gets "<order>-<slug>.mdx", and .mdx files of parts the version no longer has are removed.
 * Returns what was written and removed, by file name.
 */
export async function writePolicyDirectory({
  dir,
  parts,
}: {
  dir: string;
  parts: Pick<PartSource, "slug" | "order" | "source">[];
}): Promise<{ written: string[]; removed: string[] }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".mdx")).sort();
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const slug = slugOf(await readFile(path.join(dir, name), "utf8"));
    if (slug && !fileOf.has(slug)) fileOf.set(slug, name);
  }
  const written: string[] = [];
  for (const part of [...parts].sort((a, b) => a.order - b.order)) {
    const name = fileOf.get(part.slug) ?? `${String(part.order).padStart(2, "0")}-${part.slug}.mdx`;
    await writeFile(path.join(dir, name), part.source, "utf8");
    written.push(name);
  }
  const removed = names.filter((name) => !written.includes(name));
  for (const name of removed) await unlink(path.join(dir, name));
  return { written, removed };
}
