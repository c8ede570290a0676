// MDX pipeline figures for bench/run.mjs, in a fresh process of its own:
//   tsx --conditions=react-server bench/mdx.ts <output.json>
// Cold = compilePart on a cache miss (validate + mdx-bundler + esbuild); warm = a cached compilePart.
import { readFileSync, writeFileSync } from "node:fs";
import { compilePart, getCompileStats } from "@/lib/content/compile";
import { contentDirectory, DEFAULT_POLICY, readPolicyDirectory } from "@/lib/content/source";
import { validate } from "@/lib/content/validate";

const COLD_RUNS = 5;
const WARM_CALLS = 2000;
const VALIDATE_RUNS = 50;

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
    memory: {
      rssBeforeMB: round(rssBefore / 2 ** 20, 1),
      peakRssDeltaMB: round((peakRss - rssBefore) / 2 ** 20, 1),
      esbuildPeakRssMB: round(peakChildRss / 2 ** 20, 1),
    },
  }),
);
// The esbuild service keeps the event loop alive.
process.exit(0);
