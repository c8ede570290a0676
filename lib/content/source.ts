import "server-only";

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { type PartKind, SLUG_PATTERN, validate } from "./validate";
import { formatValidationErrors } from "./validation-error";

export type { PartKind } from "./validate";

export type PartSource = {
  slug: string;
  title: string;
  order: number;
  summary: string;
  kind: PartKind;
  /** The whole file, front matter included. */
  source: string;
};

export const DEFAULT_POLICY = "sociale-media";

/** content/<policy>/ under the project root. The name is checked, so it can never leave content/. */
export function contentDirectory(policy: string): string {
  if (!SLUG_PATTERN.test(policy)) throw new AppError("invalid_input", `Ongeldige naam voor richtlijnen: "${policy}".`);
  return path.join(process.cwd(), "content", policy);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads every *.mdx file of a policy, validates each one, and returns them sorted by `order`.
 * Any problem throws AppError("invalid_input") whose message names the file, line and column.
 */
export async function readPolicyDirectory(dir: string): Promise<PartSource[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".mdx")).sort();
  } catch {
    throw new AppError("not_found", `De map met richtlijnen bestaat niet: ${dir}`);
  }
  if (names.length === 0) throw new AppError("invalid_input", `De map ${dir} bevat geen .mdx-bestanden.`);

  const parts: PartSource[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let source: string;
    try {
      source = utf8.decode(await readFile(file));
    } catch {
      throw new AppError("invalid_input", `${name}: het bestand is geen geldige UTF-8-tekst.`, { file });
    }
    const result = validate(source);
    if (!result.ok) {
      // The frontmatter is needed to build the part; publishVersion checks everything else.
      const errors = result.errors.map((error) => ({ ...error, file: name }));
      throw new AppError("invalid_input", formatValidationErrors(errors, ""), { file, errors });
    }
    parts.push({ ...result.frontmatter, source });
  }

  // Slug and order uniqueness are publishVersion's to check, once.
  return parts.sort((a, b) => a.order - b.order);
}

/**
 * SHA-256 (lowercase hex) over all parts, in the order given. Canonical form, UTF-8 encoded:
 *
 *   for each part: slug, NUL, source, NUL
 *
 * Slugs never contain NUL (SLUG_PATTERN) and validated sources never do either, so the form is
 * unambiguous. Receipts and the database rely on this: never change it without a new hash version.
 */
export function hashParts(parts: { slug: string; source: string }[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part.slug, "utf8");
    hash.update("\0", "utf8");
    hash.update(part.source, "utf8");
    hash.update("\0", "utf8");
  }
  return hash.digest("hex");
}
