// MDX pipeline figures for bench/run.mjs, in a fresh process of its own:
//   tsx --conditions=react-server bench/mdx.ts <output.json>
// Cold = compilePart on a cache miss (validate + mdx-bundler + esbuild); warm = a cached compilePart.
import { readFileSync, writeFileSync } from "node:fs";
import { compilePart, getCompileStats } from "@/lib/content/compile";
import { contentDirectory, DEFAULT_POLICY, readPolicyDirectory } from "@/lib/content/source";
import { WORST_CASES } from "@/lib/content/__fixtures__/worst-case";
import { validate } from "@/lib/content/validate";
import { closeMdxWorker, compileInWorker, pingWorker } from "@/lib/content/worker";

const COLD_RUNS = 5;
const WARM_CALLS = 2000;
const VALIDATE_RUNS = 50;
/** validate() runs per worst case (median); the first run warms up, and is reported too. */
const WORST_RUNS = 5;

const out = process.argv[2];
if (!out) throw new Error("usage: mdx.ts <output.json>");

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** RSS in bytes of a pid from /proc (Linux); 0 elsewhere. */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** mdx-bundler runs esbuild as a child process: its memory is not in ours, so it is counted apart. */
function childrenRss(): number {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.reduce((sum, pid) => sum + rssOf(Number(pid)), 0);
  } catch {
    return 0;
  }
}

const parts = await readPolicyDirectory(contentDirectory(DEFAULT_POLICY));

// 1. The first pass over every part, as a fresh server meets them: memory sampled throughout.
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let peakChildRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  peakChildRss = Math.max(peakChildRss, childrenRss());
}, 5);
const firstPass: { slug: string; ms: number }[] = [];
const firstStarted = performance.now();
for (const part of parts) {
  const t0 = performance.now();
  await compilePart({ source: part.source, slug: part.slug });
  firstPass.push({ slug: part.slug, ms: performance.now() - t0 });
}
const firstPassMs = performance.now() - firstStarted;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
peakChildRss = Math.max(peakChildRss, childrenRss());

// 2. Cold compiles with the libraries loaded. The cache key includes the slug, so a suffixed slug is a
// miss with the same work (the slug only names the anchors).
// 3. Warm: the cached call the pages make in steady state. 4. validate() on its own.
const perPart = [];
for (const part of parts) {
  const cold: number[] = [];
  for (let i = 1; i <= COLD_RUNS; i++) {
    const t0 = performance.now();
    await compilePart({ source: part.source, slug: `${part.slug}-bench${i}` });
    cold.push(performance.now() - t0);
  }
  const t0 = performance.now();
  for (let i = 0; i < WARM_CALLS; i++) await compilePart({ source: part.source, slug: part.slug });
  const warmMs = (performance.now() - t0) / WARM_CALLS;
  const validateRuns: number[] = [];
  for (let i = 0; i < VALIDATE_RUNS; i++) {
    const v0 = performance.now();
    const result = validate(part.source);
    validateRuns.push(performance.now() - v0);
    if (!result.ok) throw new Error(`${part.slug} does not validate`);
  }
  const coldMs = median(cold);
  perPart.push({
    slug: part.slug,
    sourceBytes: Buffer.byteLength(part.source),
    firstPassMs: round(firstPass.find((entry) => entry.slug === part.slug)!.ms, 1),
    coldMs: round(coldMs, 2),
    warmMs: round(warmMs, 5),
    coldToWarm: Math.round(coldMs / warmMs),
    validateMs: round(median(validateRuns), 3),
    validateShareOfCold: round(median(validateRuns) / coldMs, 3),
  });
}

// 5. The worst inputs under the size cap, per class (lib/content/__fixtures__/worst-case.ts):
// validate() on this thread, as the publish worker and the editor run it. Goal: each under 1 s.
const worstCases = WORST_CASES.map((worst) => {
  const runs: number[] = [];
  let outcome = "";
  for (let i = 0; i < WORST_RUNS; i++) {
    const t0 = performance.now();
    const result = validate(worst.source);
    runs.push(performance.now() - t0);
    outcome = result.ok ? "accepted" : `refused: ${result.errors[0].message.slice(0, 60)}`;
  }
  return {
    name: worst.name,
    bytes: Buffer.byteLength(worst.source),
    expected: worst.expect,
    outcome,
    medianMs: round(median(runs), 1),
    maxMs: round(Math.max(...runs), 1),
  };
});
const worst = worstCases.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));

// 6. The worker: a cold start (new thread loading the MDX toolchain) and a warm compile of a part.
const w0 = performance.now();
await pingWorker();
const workerColdStartMs = performance.now() - w0;
const workerCompiles: number[] = [];
for (const part of parts) {
  const t0 = performance.now();
  await compileInWorker({ source: part.source, slug: part.slug });
  workerCompiles.push(performance.now() - t0);
}
await closeMdxWorker();

const stats = getCompileStats();
const expectedCompiles = parts.length * (1 + COLD_RUNS);
if (stats.compiles !== expectedCompiles)
  throw new Error(
    `expected ${expectedCompiles} compiles, saw ${stats.compiles}: a warm call compiled`,
  );

writeFileSync(
  out,
  JSON.stringify({
    parts: perPart,
    runs: { cold: COLD_RUNS, warmCalls: WARM_CALLS, validate: VALIDATE_RUNS },
    firstPassMs: round(firstPassMs, 1),
    compiles: stats.compiles,
    worstCases,
    worst: { name: worst.name, maxMs: worst.maxMs, medianMs: worst.medianMs },
    worker: {
      coldStartMs: round(workerColdStartMs, 1),
      firstCompileMs: round(workerCompiles[0], 1),
      compileMedianMs: round(median(workerCompiles), 1),
    },
    memory: {
      rssBeforeMB: round(rssBefore / 2 ** 20, 1),
      peakRssDeltaMB: round((peakRss - rssBefore) / 2 ** 20, 1),
      esbuildPeakRssMB: round(peakChildRss / 2 ** 20, 1),
    },
  }),
);
// The esbuild service keeps the event loop alive.
process.exit(0);
