import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEED_PATH = fileURLToPath(
  new URL("../fixtures/sociale-media-richtlijnen.txt", import.meta.url),
);

export type SeedSection = { title: string; rules: string[] };

const PART_TITLES = ["Zakelijk gebruik", "Privégebruik", "Algemeen"];

/**
 * The rules (bullets) of each part, read from the source text itself, so tests check the portal
 * against the organisation's text and not against our own MDX. Blocks that continue a bullet after a
 * PDF page break are joined to it.
 */
export function readSeedSections(path = SEED_PATH): SeedSection[] {
  const text = readFileSync(path, "utf8");
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const sections: SeedSection[] = [];
  let current: SeedSection | null = null;
  for (const block of blocks) {
    if (PART_TITLES.includes(block)) {
      current = { title: block, rules: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    if (block.startsWith("Kortom")) break;
    // One block may hold several bullets, one per line ("- " or nested " - ").
    for (const line of block.split("\n")) {
      const bullet = /^\s*-\s+(.*)$/.exec(line);
      if (bullet) current.rules.push(bullet[1]);
      else if (current.rules.length > 0)
        current.rules[current.rules.length - 1] += ` ${line.trim()}`;
    }
  }
  return sections.map((section) => ({ ...section, rules: section.rules.map(normalise) }));
}

export function normalise(text: string): string {
  return text.replace(/\*/g, "").replace(/\s+/g, " ").trim();
}
