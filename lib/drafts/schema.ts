// What a save may carry, shared by the drafts library and the editor's server actions. Sizes are
// storage caps only: a draft may be invalid MDX (work in progress); validate() judges the text.
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/content/validate";

/** Room for a part at the validator's limit plus slack; validate() reports what is too big. */
export const MAX_DRAFT_BODY_CHARS = 200_000;
export const MAX_DRAFT_PARTS = 20;

export const draftPartSchema = z.strictObject({
  slug: z.string().max(60).regex(SLUG_PATTERN),
  kind: z.enum(["intro", "part", "closing"]),
  order: z.number().int().min(0).max(9999),
  title: z.string().max(1_000),
  summary: z.string().max(2_000),
  body: z.string().max(MAX_DRAFT_BODY_CHARS),
});

export const draftPartsSchema = z.array(draftPartSchema).min(1).max(MAX_DRAFT_PARTS);
