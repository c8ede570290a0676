import "server-only";

import { AppError } from "@/lib/errors";
import { bundlePart } from "./bundle";
import { compileHash } from "./hash";
import type { HeadingEntry, RuleEntry } from "./rehype-anchors";
import { describeParseError, type PartFrontmatter, SLUG_PATTERN, VALIDATE_SOURCE, validate, type SourceError as ValidationError } from "./validate";

export type CompiledPart = {
  /** Cache key: SHA-256 of pipeline version, slug and source. Stable for the same input. */
  hash: string;
  code: string;
  frontmatter: PartFrontmatter;
  headings: HeadingEntry[];
  rules: RuleEntry[];
};

export { compileHash } from "./hash";

/** Enough for many versions of a few policies; compiled parts are a few KB each. */
const MAX_CACHE_ENTRIES = 500;

const cache = new Map<string, Promise<CompiledPart>>();
const stats = { compiles: 0, cacheHits: 0 };

/** How often the pipeline really compiled, for tests and the health of the cache. */
export function getCompileStats() {
  return { ...stats, cacheSize: cache.size };
}

/**
 * Validates and compiles one part on this thread, cached in memory by content hash; concurrent
 * calls for the same part share one compile. For tests and the benchmark: the portal compiles in
 * the MDX worker at publish time (lib/content/worker) and pages read the stored result. Invalid input throws
 * AppError("invalid_input") with the Dutch errors in `details.errors`, and is never cached.
 */
export function compilePart({ source, slug }: { source: string; slug: string }): Promise<CompiledPart> {
  const hash = compileHash({ source, slug });
  const cached = cache.get(hash);
  if (cached) {
    stats.cacheHits++;
    // Refresh recency for the LRU.
    cache.delete(hash);
    cache.set(hash, cached);
    return cached;
  }
  const pending = compile({ source, slug, hash });
  cache.set(hash, pending);
  // A failure is never cached; compare first, in case the entry was evicted and replaced meanwhile.
  pending.catch(() => {
    if (cache.get(hash) === pending) cache.delete(hash);
  });
  while (cache.size > MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return pending;
}

async function compile({ source, slug, hash }: { source: string; slug: string; hash: string }): Promise<CompiledPart> {
  if (!SLUG_PATTERN.test(slug)) throw new AppError("invalid_input", `Ongeldige slug: "${slug}".`);
  const result = validate(source);
  if (!result.ok) throw invalid(result.errors);

  const bundled = await enqueue(async () => {
    stats.compiles++;
    try {
      return await bundlePart({ source, slug });
    } catch (error) {
      throw fromBundleError(error);
    }
  });
  return { hash, code: bundled.code, frontmatter: result.frontmatter, headings: bundled.headings, rules: bundled.rules };
}

// esbuild is memory-hungry: one compile at a time per process.
let queueTail: Promise<unknown> = Promise.resolve();
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queueTail.then(task, task);
  queueTail = run.catch(() => undefined);
  return run;
}

function invalid(errors: ValidationError[]): AppError {
  const [first] = errors;
  return new AppError("invalid_input", `De tekst bevat ${errors.length === 1 ? "een fout" : `${errors.length} fouten`}. Regel ${first.line}, kolom ${first.column}: ${first.message}`, {
    errors,
  });
}

type EsbuildMessage = { text: string; detail?: unknown; location?: { line: number; column: number } | null };
type Cause = { source?: string; errors?: ValidationError[] };

/**
 * esbuild failures carry `errors`; @mdx-js/esbuild keeps the original VFileMessage in `detail.cause`.
 * Our validator's errors pass through as they are; parse errors get the same Dutch text as in validate().
 */
function fromBundleError(error: unknown): AppError {
  const messages = (error as { errors?: EsbuildMessage[] } | null)?.errors;
  if (!Array.isArray(messages) || messages.length === 0) {
    return new AppError("internal", "De tekst kon niet worden omgezet.", { cause: String(error) });
  }
  const errors = messages.flatMap((message): ValidationError[] => {
    const cause = (message.detail as { cause?: Cause } | undefined)?.cause;
    if (cause?.source === VALIDATE_SOURCE && Array.isArray(cause.errors)) return cause.errors;
    if (cause?.source?.startsWith("micromark")) {
      const [text, at] = describeParseError(cause);
      return [{ message: text, ...at }];
    }
    const line = message.location?.line ?? 1;
    const column = (message.location?.column ?? 0) + 1;
    if (message.text.startsWith("Importeren van")) return [{ message: message.text, line, column }];
    return [{ message: "De tekst kon op deze plek niet worden omgezet.", line, column }];
  });
  return invalid(errors);
}
