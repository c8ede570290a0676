// npm run bench [-- --only mdx|http|hr] [--store pglite|postgres|both] [--connections 10] [--duration 10]
//   [--warmup 2] [--rounds 2] [--acks 200] [--writers 50] [--soak [minutes]] [--port 3700] [--cpu-prof dir] [--memory dir [--heap-snapshots]] [--memory-limit MB] [--build]
//   [--sizes 200,20000] [--runs 30] [--explain] [--http]   (P&O, bench/hr.ts)
// Runs bench/mdx.ts, bench/http.ts (once per store) and bench/hr.ts each in a fresh tsx process, prints a
// table and writes bench/results/latest.json (full runs only). Figures, never pass/fail: see bench/README.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RESULTS = path.join(ROOT, "bench", "results");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
if (only !== null && !["mdx", "http", "hr"].includes(only)) {
  console.error(`--only takes mdx, http or hr (got ${only})`);
  process.exit(2);
}
const passed = [];
for (const name of [
  "connections",
  "duration",
  "warmup",
  "acks",
  "rounds",
  "writers",
  "port",
  "cpu-prof",
  "memory",
  "memory-limit",
]) {
  const index = args.indexOf(`--${name}`);
  if (index !== -1) passed.push(`--${name}`, args[index + 1]);
}
// --soak alone: the 10 minutes of the issue; --soak 3: three.
if (args.includes("--soak")) {
  const value = Number(args[args.indexOf("--soak") + 1]);
  passed.push("--soak", String(Number.isFinite(value) && value > 0 ? value : 10));
}
if (args.includes("--heap-snapshots")) passed.push("--heap-snapshots");
const storeArg = args.includes("--store") ? args[args.indexOf("--store") + 1] : "both";
if (!["pglite", "postgres", "both"].includes(storeArg)) {
  console.error(`--store takes pglite, postgres or both (got ${storeArg})`);
  process.exit(2);
}
const stores = storeArg === "both" ? ["pglite", "postgres"] : [storeArg];

process.chdir(ROOT);
const buildIdFile = path.join(ROOT, ".next", "BUILD_ID");
if ((only === null || only === "http") && !existsSync(buildIdFile)) {
  if (!args.includes("--build")) {
    console.error(
      "No production build (.next/BUILD_ID). Run `npx next build` first, or `npm run bench -- --build`.",
    );
    process.exit(1);
  }
  run("production build", process.execPath, [
    path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
    "build",
  ]);
}

function run(label, command, commandArgs) {
  console.log(`▶ ${label}`);
  const result = spawnSync(command, commandArgs, {
    stdio: ["ignore", "inherit", "inherit"],
    cwd: ROOT,
  });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** One stage in its own process, so its memory and warm-up are its own; returns its JSON. */
function stage(name, extra = [], label = name) {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${label}.tmp`);
  rmSync(file, { force: true });
  run(label, TSX, ["--conditions=react-server", path.join("bench", `${name}.ts`), file, ...extra]);
  const figures = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  return figures;
}

const buildId = () => (existsSync(buildIdFile) ? readFileSync(buildIdFile, "utf8").trim() : null);
const buildBefore = buildId();
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)));
const loadBefore = load();
if (loadBefore[0] > 2)
  console.warn(
    `⚠ 1-minute load is ${loadBefore[0]} on ${os.cpus().length} cores: figures will be noisy.`,
  );

const mdx = only === null || only === "mdx" ? stage("mdx") : null;
const http =
  only === null || only === "http"
    ? Object.fromEntries(
        stores.map((store) => [
          store,
          stage("http", [...passed, "--store", store], `http-${store}`),
        ]),
      )
    : null;
// P&O: dashboard query and exports at 200 and 20,000 employees (bench/hr.ts; BENCH_DATABASE_URL for PostgreSQL).
const hrArgs = [
  ...["--sizes", "--runs"].flatMap((name) =>
    args.includes(name) ? [name, args[args.indexOf(name) + 1]] : [],
  ),
  ...["--explain", "--http"].filter((flag) => args.includes(flag)),
];
const hr = only === null || only === "hr" ? stage("hr", hrArgs) : null;
const loadAfter = load();
// .next is shared: a rebuild during the run would mix two builds' figures.
if (http && buildId() !== buildBefore)
  console.warn("⚠ .next was rebuilt during the run: rerun for clean figures.");

const ratio = (a, b) => (b ? Number((a / b).toFixed(3)) : null);
if (http) {
  for (const run of Object.values(http)) {
    const floor = run.targets.floor;
    const bare = run.targets.bare;
    for (const target of Object.values(run.targets)) {
      target.vsBare = bare ? ratio(target.requestsPerSecond, bare.requestsPerSecond) : null;
      target.p50VsFloor = ratio(target.p50ms, floor.p50ms);
    }
  }
}

const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], {
  cwd: ROOT,
  encoding: "utf8",
}).stdout.trim();
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadBefore,
    loadAfter,
  },
  commit: git || null,
  build: buildBefore
    ? {
        id: buildBefore,
        builtAt: statSync(buildIdFile).mtime.toISOString(),
        sameAfterRun: buildId() === buildBefore,
      }
    : null,
  mdx,
  http,
  hr,
};
// A partial run only prints: latest.json always holds one complete run.
if (!only)
  writeFileSync(path.join(RESULTS, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);

// The table.
console.log(
  `\nNode ${process.version}, ${results.machine.cpus} cores, load ${loadBefore.join(" ")} → ${loadAfter.join(" ")}`,
);
if (mdx) {
  console.log(
    `\nMDX pipeline (cold = cache miss, median of ${mdx.runs.cold}; warm = cached compilePart, mean of ${mdx.runs.warmCalls})`,
  );
  console.table(
    Object.fromEntries(
      mdx.parts.map((part) => [
        part.slug,
        {
          bytes: part.sourceBytes,
          "cold ms": part.coldMs,
          "warm µs": Number((part.warmMs * 1000).toFixed(1)),
          "cold/warm": part.coldToWarm,
          "validate ms": part.validateMs,
        },
      ]),
    ),
  );
  console.log(
    `First pass over all parts in a new process: ${mdx.firstPassMs} ms (${mdx.parts[0].firstPassMs} ms for the first, which loads the MDX libraries and starts esbuild)`,
  );
  console.log(
    `Memory: RSS +${mdx.memory.peakRssDeltaMB} MB at peak over ${mdx.memory.rssBeforeMB} MB, plus esbuild's own process at ${mdx.memory.esbuildPeakRssMB} MB`,
  );
  console.log(
    "\nvalidate() on the worst inputs under the 100 KB cap (lib/content/__fixtures__/worst-case.ts), goal < 1000 ms",
  );
  console.table(
    Object.fromEntries(
      mdx.worstCases.map((worst) => [
        worst.name,
        {
          KB: Number((worst.bytes / 1024).toFixed(1)),
          "median ms": worst.medianMs,
          "max ms": worst.maxMs,
          outcome: worst.outcome,
        },
      ]),
    ),
  );
  console.log(`Worst: ${mdx.worst.name}, ${mdx.worst.maxMs} ms (median ${mdx.worst.medianMs} ms)`);
  console.log(
    `MDX worker: cold start ${mdx.worker.coldStartMs} ms, first compile ${mdx.worker.firstCompileMs} ms, then median ${mdx.worker.compileMedianMs} ms per part`,
  );
}
if (http) {
  for (const [store, run] of Object.entries(http)) {
    console.log(
      `\nHTTP on ${store} (${run.connections} connections, ${run.rounds} interleaved rounds of ${run.durationSeconds} s after ${run.warmupSeconds} s warm-up, one signed-in employee; req/s median of rounds, × floor = median of per-round ratios)`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(run.targets).map(([name, t]) => [
          `${name} ${t.path}`,
          {
            "req/s": t.requestsPerSecond,
            rounds: t.perRound,
            "× floor": t.vsFloor,
            "× bare": t.vsBare,
            "p50 ms": t.p50ms,
            "p99 ms": t.p99ms,
            KB: t.kilobytesPerResponse,
            failed: t.failed,
          },
        ]),
      ),
    );
    const acks = run.acknowledgements;
    if (acks)
      console.log(
        `Acknowledgements (${acks.writers} writers): ${acks.acksPerSecond}/s (${acks.ok} of ${acks.acknowledgements} ok, p50 ${acks.p50ms} ms, p99 ${acks.p99ms} ms)${acks.failures.length ? `\n  failures: ${acks.failures.join("\n  ")}` : ""}`,
      );
    const m = run.serverMemory;
    console.log(
      `Server RSS${run.memoryLimitMB ? ` (in a ${run.memoryLimitMB} MB memory group)` : ""}: ${m.afterStart.rssMB} MB after start and first page, ${m.afterPages.rssMB} MB after the page runs, ${m.afterAcks.rssMB} MB after the acknowledgements (peak ${m.afterAcks.peakRssMB} MB)` +
        (m.soak.length
          ? `; soak: ${m.soak.map((s) => s.rssMB).join(" → ")} MB over ${m.soak.length} min`
          : ""),
    );
    if (store === Object.keys(http)[0]) {
      console.log("What the page ships (KB; gzip), against the floor page as a bare Next.js page:");
      console.table(run.weight);
    }
  }
}
if (hr) {
  console.log(
    `\nP&O (${hr.store}): p95 in ms, export time in ms and peak RSS above the start in MB`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(hr.sizes).map(([size, f]) => [
        size,
        {
          "dashboard p95": f.dashboardAggregation.p95ms,
          "list p95": f.listFirstPage.p95ms,
          "csv ms": f.csv.ms,
          "csv MB": f.csv.peakRssAboveStartMB,
          "xlsx ms": f.xlsx.ms,
          "xlsx MB": f.xlsx.peakRssAboveStartMB,
          ...(f.hrPage ? { "/hr p95": f.hrPage.p95ms } : {}),
        },
      ]),
    ),
  );
}
console.log(
  only
    ? "\nPartial run: bench/results/latest.json left as it was."
    : "\nWritten: bench/results/latest.json",
);
