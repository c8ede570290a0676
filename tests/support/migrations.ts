import fs from "node:fs";
import path from "node:path";

/** How many migrations the journal lists: every one must be applied, once. */
export function migrationCount(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), "lib/db/migrations/meta/_journal.json"), "utf8"),
  ) as { entries: unknown[] };
  return journal.entries.length;
}
