import { z } from "zod";

const versionNumber = z.coerce.number().int().positive().max(1_000_000);

/** "3" -> 3; anything else (also "03" or "3.0") -> null, so a page answers 404. */
export function parseVersionNumber(text: string): number | null {
  if (!/^[1-9]\d*$/.test(text)) return null;
  const parsed = versionNumber.safeParse(text);
  return parsed.success ? parsed.data : null;
}
