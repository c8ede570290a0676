import "server-only";

import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import type { PartFrontmatter, SourceError } from "../validate";
import type { RenderedPart, WorkerOutcome, WorkerTask } from "./types";

export type { RenderedPart } from "./types";

/**
 * MDX validation and compilation off the request thread. micromark and esbuild are CPU-bound and
 * synchronous in places; on the main thread one hostile document stalled every request. Here each
 * task runs in a worker thread with a hard time budget: over budget, the thread is terminated
 * (piscina stops the worker when a running task's signal aborts) and the caller gets a Dutch error.
 * The editor and publishing use this API; page views never compile (they read stored renderings).
 */

/**
 * Budgets count from the moment the task reaches a started worker: neither the wait behind other
 * tasks nor a thread's start (loading the MDX toolchain, seconds on a busy machine) eats into them.
 * Generous for the worst input under the limits (about 1 s to validate) on a loaded machine.
 */
export const VALIDATE_BUDGET_MS = 10_000;
export const COMPILE_BUDGET_MS = 30_000;
/** A new worker thread must be ready within this; only a broken installation takes that long. */
const START_BUDGET_MS = 120_000;

// Loaded by Node from the source tree at run time, never bundled: `next start`, the CLIs and the
// tests all run from the repository root (as lib/db/client.ts assumes for the migrations).
const WORKER_FILE = path.join(process.cwd(), "lib", "content", "worker", "worker.mjs");

type State = { pool: Piscina | null; tasks: number };
// On globalThis: Next may load this module more than once per process.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for("portal.mdxWorker")] ??= {
  pool: null,
  tasks: 0,
}) as State;

/** Tasks sent to the worker in this process: tests use it to prove that a page view sends none. */
export function getMdxWorkerStats(): { tasks: number } {
  return { tasks: state.tasks };
}

function pool(): Piscina {
  state.pool ??= new Piscina({
    filename: WORKER_FILE,
    // Two cores: one for requests, at most one for MDX. esbuild is memory-hungry too.
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
    // A document that makes the parser allocate without end dies alone, not with the portal.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return state.pool;
}

/** Stops the worker threads (tests, shutdown). The next task starts a new pool. */
export async function closeMdxWorker(): Promise<void> {
  const current = state.pool;
  state.pool = null;
  await current?.destroy();
}

export function tooComplexMessage(budgetMs: number): string {
  return `De tekst is te ingewikkeld om binnen de tijd te verwerken (maximaal ${Math.max(1, Math.ceil(budgetMs / 1000))} ${budgetMs > 1000 ? "seconden" : "seconde"}). Maak hem eenvoudiger, bijvoorbeeld met minder lijsten, citaten of opmaak, of verdeel hem over meer onderdelen.`;
}

// One task at a time, in order: with one thread, piscina would otherwise start a queued task's
// clock while it waits.
let queueTail: Promise<unknown> = Promise.resolve();
function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queueTail.then(job, job);
  queueTail = run.catch(() => undefined);
  return run;
}

/** Makes sure a worker thread is up (starting one if the last was terminated); returns its id. */
async function warm(): Promise<number> {
  try {
    const outcome = (await pool().run(
      { kind: "ping" } satisfies WorkerTask,
      { signal: AbortSignal.timeout(START_BUDGET_MS) },
    )) as WorkerOutcome;
    if (outcome.ok && outcome.kind === "ping") return outcome.threadId;
  } catch (error) {
    throw new AppError("internal", "De verwerker voor teksten start niet.", {
      cause: String(error),
    });
  }
  throw new AppError("internal", "De verwerker voor teksten antwoordt niet.");
}

function runTask(task: WorkerTask, budgetMs: number): Promise<WorkerOutcome> {
  state.tasks++;
  return enqueue(async () => {
    await warm();
    return runWarm(task, budgetMs);
  });
}

async function runWarm(task: WorkerTask, budgetMs: number): Promise<WorkerOutcome> {
  const signal = AbortSignal.timeout(budgetMs);
  try {
    return (await pool().run(task, { signal })) as WorkerOutcome;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const code = (error as { code?: string } | null)?.code;
    if (signal.aborted || name === "AbortError" || code === "ERR_WORKER_OUT_OF_MEMORY") {
      const message = tooComplexMessage(budgetMs);
      throw new AppError("invalid_input", message, { errors: [{ message, line: 1, column: 1 }] });
    }
    throw new AppError("internal", "De tekst kon niet worden verwerkt.", { cause: String(error) });
  }
}

function invalid(errors: SourceError[]): AppError {
  const [first] = errors;
  return new AppError(
    "invalid_input",
    `De tekst bevat ${errors.length === 1 ? "een fout" : `${errors.length} fouten`}. Regel ${first.line}, kolom ${first.column}: ${first.message}`,
    { errors },
  );
}

/** validate() in the worker. Resolves with the same result shape as validate(); over budget it is a failure too. */
export async function validateInWorker(
  source: string,
  { budgetMs = VALIDATE_BUDGET_MS }: { budgetMs?: number } = {},
): Promise<{ ok: true; frontmatter: PartFrontmatter } | { ok: false; errors: SourceError[] }> {
  try {
    const outcome = await runTask({ kind: "validate", source }, budgetMs);
    if (outcome.ok && outcome.kind === "validate") return { ok: true, frontmatter: outcome.frontmatter };
    if (!outcome.ok && "errors" in outcome) return { ok: false, errors: outcome.errors };
    throw new AppError("internal", "De tekst kon niet worden verwerkt.", { outcome });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input") {
      return { ok: false, errors: (error.details as { errors: SourceError[] }).errors };
    }
    throw error;
  }
}

/** Validates and compiles one part in the worker; invalid input throws AppError("invalid_input") with `details.errors`. */
export async function compileInWorker(
  { source, slug }: { source: string; slug?: string },
  { budgetMs = COMPILE_BUDGET_MS }: { budgetMs?: number } = {},
): Promise<RenderedPart> {
  const outcome = await runTask({ kind: "compile", source, slug }, budgetMs);
  if (outcome.ok && outcome.kind === "compile") return outcome.part;
  if (!outcome.ok && "errors" in outcome) throw invalid(outcome.errors);
  throw new AppError("internal", "De tekst kon niet worden omgezet.", { outcome });
}

/** Starts the worker if needed and returns its thread id: lets tests see that an over-budget worker was replaced. */
export function pingWorker(): Promise<number> {
  return enqueue(warm);
}
