/**
 * What runs inside the MDX worker thread (worker.mjs loads this file through tsx). Nothing here
 * throws across the thread boundary: every outcome is a plain, structured-cloneable object, and
 * the main thread turns failures into AppErrors (see ./index.ts).
 */
import { threadId } from "node:worker_threads";
import { bundlePart } from "../bundle";
import { toBlocks } from "../diff";
import { compileHash } from "../hash";
import { describeParseError, SLUG_PATTERN, VALIDATE_SOURCE, validate, type SourceError } from "../validate";
import type { RenderedPart, WorkerOutcome, WorkerTask } from "./types";

type EsbuildMessage = { text: string; detail?: unknown; location?: { line: number; column: number } | null };
type Cause = { source?: string; errors?: SourceError[] };

export default async function run(task: WorkerTask): Promise<WorkerOutcome> {
  switch (task.kind) {
    case "ping":
      return { ok: true, kind: "ping", threadId };
    case "validate": {
      const result = validate(task.source);
      return result.ok
        ? { ok: true, kind: "validate", frontmatter: result.frontmatter }
        : { ok: false, errors: result.errors };
    }
    case "compile":
      return compile(task.source, task.slug);
  }
}

async function compile(source: string, slugGiven: string | undefined): Promise<WorkerOutcome> {
  const result = validate(source);
  if (!result.ok) return { ok: false, errors: result.errors };
  const slug = slugGiven ?? result.frontmatter.slug;
  if (!SLUG_PATTERN.test(slug)) return { ok: false, errors: [{ message: `Ongeldige slug: "${slug}".`, line: 1, column: 1 }] };
  let bundled: Awaited<ReturnType<typeof bundlePart>>;
  try {
    bundled = await bundlePart({ source, slug });
  } catch (error) {
    const errors = fromBundleError(error);
    return errors ? { ok: false, errors } : { ok: false, internal: String(error) };
  }
  const part: RenderedPart = {
    hash: compileHash({ source, slug }),
    code: bundled.code,
    frontmatter: result.frontmatter,
    headings: bundled.headings,
    rules: bundled.rules,
    blocks: toBlocks(source),
  };
  return { ok: true, kind: "compile", part };
}

/**
 * esbuild failures carry `errors`; @mdx-js/esbuild keeps the original VFileMessage in `detail.cause`.
 * Our validator's errors pass through as they are; parse errors get the same Dutch text as in validate().
 */
function fromBundleError(error: unknown): SourceError[] | null {
  const messages = (error as { errors?: EsbuildMessage[] } | null)?.errors;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  return messages.flatMap((message): SourceError[] => {
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
}
