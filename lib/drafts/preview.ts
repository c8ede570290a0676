import "server-only";

import { compileInWorker, type RenderedPart, tooComplexMessage } from "@/lib/content/worker";
import { AppError } from "@/lib/errors";
import { bodyLineOffset, composePartSource, type DraftPart } from "./parts";
import { type DraftProblem, placeProblem } from "./problems";
import { createTokenBucket } from "./rate-limit";

/**
 * One preview (validate and compile one part in the MDX worker) may take this long. Shorter than
 * publishing's budget: a preview is redone at the next pause in typing anyway, and the worker is
 * shared with publishing.
 */
export const PREVIEW_BUDGET_MS = 8_000;

export type PreviewResult =
  | { status: "ok"; part: Pick<RenderedPart, "hash" | "code"> }
  | { status: "invalid"; problems: DraftProblem[] }
  | { status: "too_slow"; message: string }
  | { status: "rate_limited"; message: string; retryAfterMs: number };

// A burst of 10, then 2 a second: enough for a debounced preview while typing, not for a loop.
const buckets = ((globalThis as Record<symbol, unknown>)[Symbol.for("portal.previewBuckets")] ??=
  createTokenBucket({ capacity: 10, refillPerSecond: 2 })) as ReturnType<typeof createTokenBucket>;

/**
 * The preview of one draft part, through the same pipeline as publishing (validate(), then
 * mdx-bundler, in the worker with a hard time budget); the caller renders the compiled code with
 * the reading pages' MdxContent. Limited per editor (`editorKey`).
 */
export async function renderDraftPreview({
  part,
  editorKey,
  budgetMs = PREVIEW_BUDGET_MS,
}: {
  part: DraftPart;
  editorKey: string;
  budgetMs?: number;
}): Promise<PreviewResult> {
  const allowed = buckets.take(editorKey);
  if (!allowed.ok) {
    return {
      status: "rate_limited",
      retryAfterMs: allowed.retryAfterMs,
      message:
        "Je vraagt het voorbeeld vaker op dan de server kan bijhouden. Het wordt zo bijgewerkt.",
    };
  }
  try {
    const rendered = await compileInWorker(
      { source: composePartSource(part), slug: part.slug },
      { budgetMs },
    );
    return { status: "ok", part: { hash: rendered.hash, code: rendered.code } };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
    const errors =
      (error.details as { errors?: { message: string; line: number; column: number }[] })?.errors ??
      [];
    if (errors.length === 1 && errors[0].message === tooComplexMessage(budgetMs)) {
      return {
        status: "too_slow",
        message: `Het voorbeeld kon niet binnen de tijd worden gemaakt. ${errors[0].message}`,
      };
    }
    const offset = bodyLineOffset(part);
    return { status: "invalid", problems: errors.map((e) => placeProblem(part, offset, e)) };
  }
}
