import "server-only";

import { and, asc, eq, isNull } from "drizzle-orm";
import { plainBlocks } from "@/lib/content/diff";
import { compileHash, PIPELINE_VERSION } from "@/lib/content/hash";
import type { PartFrontmatter, SourceError } from "@/lib/content/validate";
import {
  COMPILE_BUDGET_MS,
  compileInWorker,
  type RenderedPart,
  tooComplexMessage,
} from "@/lib/content/worker";
import type { Executor, Tx } from "@/lib/db/client";
import { policyVersionParts, policyVersionRenderings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type { RenderedPart } from "@/lib/content/worker";

/**
 * What a page or the redline reads for one part: no MDX is parsed on the request path. An empty
 * `code` marks a part that could not be compiled when its rendering was made (see ensureRenderings).
 */
export type StoredRendering = Pick<RenderedPart, "hash" | "code" | "headings" | "rules" | "blocks">;

/**
 * The whole publish gets this much worker time, shared by its parts (a part gets at most
 * COMPILE_BUDGET_MS). The CLI waits at least this long before it concludes anything (see
 * scripts/content-publish.ts), so keep the two in step.
 */
export const PUBLISH_BUDGET_MS = 120_000;

export type RenderResult =
  | { ok: true; frontmatter: PartFrontmatter; part: RenderedPart }
  | { ok: false; errors: SourceError[] };

/** Validates and compiles each source in the MDX worker, one after another, within PUBLISH_BUDGET_MS. */
export async function renderForPublish(sources: string[]): Promise<RenderResult[]> {
  const deadline = Date.now() + PUBLISH_BUDGET_MS;
  const results: RenderResult[] = [];
  for (const source of sources) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const message = tooComplexMessage(PUBLISH_BUDGET_MS);
      results.push({ ok: false, errors: [{ message, line: 1, column: 1 }] });
      continue;
    }
    try {
      const part = await compileInWorker(
        { source },
        { budgetMs: Math.min(COMPILE_BUDGET_MS, remaining) },
      );
      results.push({ ok: true, frontmatter: part.frontmatter, part });
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_input") {
        results.push({
          ok: false,
          errors: (error.details as { errors: SourceError[] }).errors,
        });
        continue;
      }
      throw error;
    }
  }
  return results;
}

/** Inside the publish transaction: one row per part. */
export async function insertRenderings(
  tx: Tx,
  versionId: number,
  renderings: Map<string, RenderedPart>,
): Promise<void> {
  if (renderings.size === 0) return;
  await tx.insert(policyVersionRenderings).values(
    [...renderings.entries()].map(([slug, part]) => ({
      versionId,
      slug,
      pipeline: PIPELINE_VERSION,
      hash: part.hash,
      code: part.code,
      headings: part.headings,
      rules: part.rules,
      blocks: part.blocks,
    })),
  );
}

/** The stored renderings of a version, by slug (current pipeline only). One query. */
export async function getRenderings({
  versionId,
  db,
}: {
  versionId: number;
  db: Executor;
}): Promise<Map<string, StoredRendering>> {
  const rows = await db
    .select({
      slug: policyVersionRenderings.slug,
      hash: policyVersionRenderings.hash,
      code: policyVersionRenderings.code,
      headings: policyVersionRenderings.headings,
      rules: policyVersionRenderings.rules,
      blocks: policyVersionRenderings.blocks,
    })
    .from(policyVersionRenderings)
    .where(
      and(
        eq(policyVersionRenderings.versionId, versionId),
        eq(policyVersionRenderings.pipeline, PIPELINE_VERSION),
      ),
    );
  return new Map(rows.map(({ slug, ...rendering }) => [slug, rendering]));
}

/**
 * Startup: gives every published part a rendering for the current pipeline, compiling in the
 * worker what is missing (versions published before renderings were stored, or after a pipeline
 * change). Runs once per start and finds nothing to do after the first; several instances may run
 * it at once (the primary key keeps one row). A part that no longer compiles (stricter limits than
 * when it was published) is logged and stored as "cannot be shown" with its text as plain
 * paragraphs: its page says so, and no later start tries again.
 */
export async function ensureRenderings({
  db,
  log = (line) => console.error(line),
}: {
  db: Executor;
  log?: (line: string) => void;
}): Promise<{ rendered: number; failed: number }> {
  const missing = await db
    .select({
      versionId: policyVersionParts.versionId,
      slug: policyVersionParts.slug,
      source: policyVersionParts.source,
    })
    .from(policyVersionParts)
    .leftJoin(
      policyVersionRenderings,
      and(
        eq(policyVersionRenderings.versionId, policyVersionParts.versionId),
        eq(policyVersionRenderings.slug, policyVersionParts.slug),
        eq(policyVersionRenderings.pipeline, PIPELINE_VERSION),
      ),
    )
    .where(isNull(policyVersionRenderings.versionId))
    .orderBy(asc(policyVersionParts.versionId), asc(policyVersionParts.slug));
  let rendered = 0;
  let failed = 0;
  for (const part of missing) {
    try {
      const result = await compileInWorker({ source: part.source, slug: part.slug });
      await db
        .insert(policyVersionRenderings)
        .values({
          versionId: part.versionId,
          slug: part.slug,
          pipeline: PIPELINE_VERSION,
          hash: result.hash,
          code: result.code,
          headings: result.headings,
          rules: result.rules,
          blocks: result.blocks,
        })
        .onConflictDoNothing();
      rendered++;
    } catch (error) {
      failed++;
      // Refused or over budget: remember that, so no later start spends the budget again.
      if (error instanceof AppError && error.code === "invalid_input") {
        await db
          .insert(policyVersionRenderings)
          .values({
            versionId: part.versionId,
            slug: part.slug,
            pipeline: PIPELINE_VERSION,
            hash: compileHash({ source: part.source, slug: part.slug }),
            code: "",
            headings: [],
            rules: [],
            blocks: plainBlocks(part.source),
          })
          .onConflictDoNothing();
      }
      log(
        `[content] version ${part.versionId}, part ${part.slug}: no rendering stored (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  if (rendered > 0) log(`[content] stored ${rendered} rendering(s) for earlier versions.`);
  return { rendered, failed };
}
