// HTTP figures for bench/run.mjs against the production build (`next start`) on a fresh store:
//   tsx --conditions=react-server bench/http.ts <output.json> [--store pglite|postgres]
//     [--connections 10] [--duration 10] [--warmup 2] [--rounds 2] [--acks 200] [--writers 50]
//     [--soak <minutes>] [--port 3700] [--cpu-prof <dir>]
// Reuses tests/system/support: the same seeding, session cookies and server action client as the system tests.
// References it starts itself: /vloer (the floor: a trivial dynamic page of this build, BENCH_FLOOR=1)
// and a bare node:http server in its own process sending the part page's bytes (the machine's limit).
import { spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const out = args[0];
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const text = (name: string): string | null => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? null : args[index + 1];
};
const CONNECTIONS = option("connections", 10);
const DURATION_S = option("duration", 10);
const WARMUP_S = option("warmup", 2);
const ROUNDS = option("rounds", 2);
const ACKS = option("acks", 200);
const WRITERS = option("writers", 50);
const SOAK_MIN = option("soak", 0);
const PORT = option("port", 3700);
const CPU_PROF_DIR = text("cpu-prof");
// --memory <dir>: the server runs with bench/memory-probe.mjs (process.memoryUsage() every second);
// with --heap-snapshots too it writes a heap snapshot there after start, after the page runs and at
// the end (each costs the server ~100-200 MB of native memory it keeps, so RSS after one is not
// comparable).
const MEMORY_DIR = text("memory");
const HEAP_SNAPSHOTS = args.includes("--heap-snapshots");
// --memory-limit <MB>: the server runs in a memory control group of that size, as on a small VM.
// Node sizes its heap from the memory it is given (here 4 GB of heap for 23.5 GB of RAM; 524 MB in
// a 1 GB group), so this measures what an operator's VM would see, with no heap flag.
const MEMORY_LIMIT_MB = text("memory-limit") === null ? null : option("memory-limit", 0);
const STORE = text("store") ?? "pglite";
// --targets part,floor: only these (a CPU profile of one page); the floor is always measured.
const ONLY_TARGETS = text("targets")?.split(",") ?? null;
if (!out) throw new Error("usage: http.ts <output.json> [options]");
if (STORE !== "pglite" && STORE !== "postgres") throw new Error(`--store pglite|postgres`);

// Nothing in this process may fall back to ./data or a developer's database through the lazily parsed env.
delete process.env.DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
delete process.env.TEST_MIGRATION_DATABASE_URL;
delete process.env.TEST_APP_DATABASE_URL;
if (STORE === "postgres") {
  // A scratch database on this server, created and dropped by createTestStore.
  process.env.TEST_DATABASE_URL =
    process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}
const { createTestStore, seedStore } = await import("../tests/system/support/store");
const { checkProtocol, cookiesFor, percentile, preparePortal, warmUp } =
  await import("../tests/system/support/portal");
const { encodeAcknowledgement, mintReadingToken } = await import("../tests/system/support/action");

const store = await createTestStore();
// PostgreSQL runs still need a data directory (the demo setup keeps its generated secrets there).
const dataDir = store.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
process.env.DATA_DIR = dataDir;
let server:
  Awaited<ReturnType<Awaited<ReturnType<typeof preparePortal>>["start"]>>["server"] | null = null;
let bare: ChildProcess | null = null;

/** A memory control group (cgroup v2, else v1) of MEMORY_LIMIT_MB; its `cgroup.procs` file. */
function memoryGroup(): { procs: string; dir: string } | null {
  if (MEMORY_LIMIT_MB === null) return null;
  const bytes = String(MEMORY_LIMIT_MB * 1024 * 1024);
  const name = `portal-bench-${process.pid}`;
  for (const [root, limitFile] of [
    ["/sys/fs/cgroup", "memory.max"],
    ["/sys/fs/cgroup/unified", "memory.max"],
    ["/sys/fs/cgroup/memory", "memory.limit_in_bytes"],
  ]) {
    // Only a mounted hierarchy with the memory controller (a plain folder would take any file).
    const v2 = limitFile === "memory.max";
    const controllers = path.join(root, "cgroup.controllers");
    if (
      v2
        ? !existsSync(controllers) || !/\bmemory\b/.test(readFileSync(controllers, "utf8"))
        : !existsSync(path.join(root, limitFile))
    )
      continue;
    const dir = path.join(root, name);
    try {
      mkdirSync(dir);
    } catch {
      continue;
    }
    try {
      writeFileSync(path.join(dir, limitFile), bytes);
      return { procs: path.join(dir, "cgroup.procs"), dir };
    } catch {
      rmdirSync(dir);
    }
  }
  throw new Error("--memory-limit needs a writable memory control group (run as root on Linux)");
}
const group = memoryGroup();

async function cleanUp() {
  bare?.kill("SIGTERM");
  bare = null;
  await server?.stop();
  server = null;
  await store.dispose();
  if (!store.dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (group) rmdirSync(group.dir); // empty once the server has exited
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

/** VmRSS and VmHWM (peak) of the server process, in MB (Linux /proc). */
function serverMemory(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb("VmRSS") / 1024), peakRssMB: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return { rssMB: null, peakRssMB: null };
  }
}

async function load(url: string, cookie: string | null, duration: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: cookie ? { cookie } : {},
    timeout: 30,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    kilobytesPerResponse: result.requests.total
      ? Math.round(result.throughput.total / result.requests.total / 1024)
      : 0,
  };
}

/** With --memory: asks the server for a heap snapshot (SIGUSR2) and waits until it is written. */
async function heapSnapshot(pid: number, label: string) {
  if (!MEMORY_DIR || !HEAP_SNAPSHOTS) return;
  const dir = path.resolve(MEMORY_DIR);
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 120_000;
  let written: string | undefined;
  let lastSize = -1;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    written ??= readdirSync(dir).find(
      (name) => name.endsWith(".heapsnapshot") && !before.has(name),
    );
    if (!written) continue;
    const size = statSync(path.join(dir, written)).size;
    if (size > 0 && size === lastSize) break;
    lastSize = size;
  }
  if (written) renameSync(path.join(dir, written), path.join(dir, `${label}.heapsnapshot`));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
const gz = (data: string | Buffer) => gzipSync(data).length;

/** The bare reference: node:http in its own process, sending `bytes` to every request. */
async function startBare(file: string, port: number): Promise<ChildProcess> {
  const code = `
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(${port}, "127.0.0.1", () => process.send && process.send("ready"));`;
  const child = spawn(process.execPath, ["-e", code], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return child;
}

/**
 * What a page ships: the HTML, the inline RSC payload inside it (self.__next_f), and the JavaScript
 * files it loads, raw and gzip. The floor page is the bare Next.js page of the same build.
 */
async function weigh(baseUrl: string, pagePath: string, cookie: string) {
  const html = await (
    await fetch(`${baseUrl}${pagePath}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(30_000),
    })
  ).text();
  const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1])
    .filter((body) => body.includes("self.__next_f"))
    .join("");
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1])),
  ];
  let scriptBytes = 0;
  let scriptGzip = 0;
  for (const source of sources) {
    const body = Buffer.from(
      await (
        await fetch(new URL(source.replaceAll("&amp;", "&"), baseUrl), {
          signal: AbortSignal.timeout(30_000),
        })
      ).arrayBuffer(),
    );
    scriptBytes += body.length;
    scriptGzip += gz(body);
  }
  return {
    path: pagePath,
    htmlKB: kb(Buffer.byteLength(html)),
    htmlGzipKB: kb(gz(html)),
    rscInlineKB: kb(Buffer.byteLength(inline)),
    rscInlineGzipKB: kb(gz(inline)),
    scripts: sources.length,
    scriptsKB: kb(scriptBytes),
    scriptsGzipKB: kb(scriptGzip),
  };
}

try {
  console.log(`  ${new Date().toISOString().slice(11, 19)} seeding`);
  const seeded = await store.withStore((opened) =>
    seedStore(opened, { employees: ACKS + 1, prefix: "bench" }),
  );
  const [reader, ...ackers] = seeded.employees;
  const { version } = seeded;
  const portal = await preparePortal(store, {
    dataDir,
    port: PORT,
    devIdpPort: PORT + 2,
    env: {
      BENCH_FLOOR: "1",
      ...(process.env.XMALLOC ? { MALLOC_ARENA_MAX: process.env.XMALLOC } : {}),
      ...(MEMORY_DIR ? { BENCH_MEMORY_DIR: path.resolve(MEMORY_DIR) } : {}),
    },
    nodeArgs: [
      ...(CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
      ...(MEMORY_DIR
        ? [
            "--import",
            pathToFileURL(path.resolve("bench/memory-probe.mjs")).href,
            "--heapsnapshot-signal=SIGUSR2",
            `--diagnostic-dir=${path.resolve(MEMORY_DIR)}`,
          ]
        : []),
    ],
    cgroupProcs: group?.procs,
  });
  const started = await portal.start();
  server = started.server;
  const [cookie] = await cookiesFor([reader], portal.secret);
  await warmUp({ server, cookie, version }); // opens the store and checks the page offers this version
  await checkProtocol({ client: started.client, cookie, version });
  const afterStart = serverMemory(server.pid);
  await heapSnapshot(server.pid, "1-after-start");

  const partPath = "/richtlijnen/zakelijk-gebruik";
  const step = (what: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${what}`);
  step("server ready, store open");
  const partResponse = await fetch(`${server.baseUrl}${partPath}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(30_000),
  });
  const partBytes = Buffer.from(await partResponse.arrayBuffer());
  if (partResponse.status !== 200)
    throw new Error(`GET ${partPath} answered ${partResponse.status}`);
  const floorResponse = await fetch(`${server.baseUrl}/vloer`, {
    headers: { cookie },
    signal: AbortSignal.timeout(30_000),
  });
  if (floorResponse.status !== 200)
    throw new Error(`GET /vloer answered ${floorResponse.status}: is /vloer in this build?`);
  const bareFile = path.join(dataDir, "bench-part.html");
  writeFileSync(bareFile, partBytes);
  bare = await startBare(bareFile, PORT + 1);
  step("bare server ready");

  const weight = {
    part: await weigh(server.baseUrl, partPath, cookie),
    floor: await weigh(server.baseUrl, "/vloer", cookie),
  };

  // Interleaved rounds: every target once per round, so a burst of load elsewhere hits them alike.
  const targets = [
    { name: "floor", url: `${server.baseUrl}/vloer`, cookie },
    { name: "part", url: `${server.baseUrl}${partPath}`, cookie },
    { name: "overview", url: `${server.baseUrl}/richtlijnen`, cookie },
    { name: "bare", url: `http://127.0.0.1:${PORT + 1}/`, cookie: null },
  ];
  if (ONLY_TARGETS) {
    const keep = targets.filter((t) => t.name === "floor" || ONLY_TARGETS.includes(t.name));
    targets.splice(0, targets.length, ...keep);
  }
  const rounds: Record<string, Awaited<ReturnType<typeof load>>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    step(`round ${round + 1}`);
    const figures: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const target of targets) {
      if (WARMUP_S > 0) await load(target.url, target.cookie, WARMUP_S);
      figures[target.name] = await load(target.url, target.cookie, DURATION_S);
    }
    rounds.push(figures);
  }
  const afterPages = serverMemory(server.pid);
  await heapSnapshot(server.pid, "2-after-pages");
  const results: Record<string, Record<string, number | string>> = {};
  for (const target of targets) {
    const rps = rounds.map((round) => round[target.name].requestsPerSecond);
    results[target.name] = {
      path: target.url.replace(/^http:\/\/[^/]+/, ""),
      requestsPerSecond: median(rps),
      perRound: rps.join(" "),
      p50ms: median(rounds.map((round) => round[target.name].p50ms)),
      p99ms: median(rounds.map((round) => round[target.name].p99ms)),
      kilobytesPerResponse: rounds[0][target.name].kilobytesPerResponse,
      failed: rounds.reduce(
        (sum, round) =>
          sum + round[target.name].non2xx + round[target.name].errors + round[target.name].timeouts,
        0,
      ),
      // Ratio of each round's own figures, then the median: both sides saw the same machine.
      vsFloor: Number(
        median(
          rounds.map(
            (round) => round[target.name].requestsPerSecond / round.floor.requestsPerSecond,
          ),
        ).toFixed(3),
      ),
    };
  }

  // Acknowledgements: each employee once (a real insert and audit event), WRITERS at a time.
  let acks = null;
  if (ACKS > 0) {
    step("acknowledgements");
    const cookies = await cookiesFor(ackers, portal.secret);
    const fields = { versionId: version.id, contentHash: version.contentHash };
    const bodies = await Promise.all(
      ackers.map((employee) =>
        encodeAcknowledgement({
          ...fields,
          readingToken: mintReadingToken({
            secret: portal.secret,
            employeeId: employee.id,
            versionId: version.id,
          }),
        }),
      ),
    );
    const latencies: number[] = [];
    let ok = 0;
    let next = 0;
    const failures: string[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < ackers.length) {
          const i = next++;
          const outcome = await started.client.acknowledge({
            cookie: cookies[i],
            fields,
            body: bodies[i],
          });
          latencies.push(outcome.ms);
          if (outcome.kind === "ok") ok++;
          else if (failures.length < 3) failures.push(JSON.stringify(outcome).slice(0, 300));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    acks = {
      acknowledgements: ackers.length,
      writers: WRITERS,
      ok,
      acksPerSecond: Math.round((ok / seconds) * 10) / 10,
      p50ms: percentile(latencies, 50),
      p99ms: percentile(latencies, 99),
      failures,
    };
  }
  const afterAcks = serverMemory(server.pid);

  // Soak: the part page and the overview in turn, a minute at a time, RSS after each minute.
  const soak: { minute: number; rssMB: number | null; requestsPerSecond: number }[] = [];
  for (let minute = 1; minute <= SOAK_MIN; minute++) {
    const target = targets[minute % 2 ? 1 : 2] ?? targets[1] ?? targets[0];
    const figures = await load(target.url, target.cookie, 60);
    soak.push({
      minute,
      rssMB: serverMemory(server.pid).rssMB,
      requestsPerSecond: figures.requestsPerSecond,
    });
    console.log(
      `  soak minute ${minute}: RSS ${soak.at(-1)!.rssMB} MB, ${figures.requestsPerSecond} req/s`,
    );
  }

  await heapSnapshot(server.pid, "3-at-end");
  writeFileSync(
    out,
    JSON.stringify({
      store: STORE,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      warmupSeconds: WARMUP_S,
      rounds: ROUNDS,
      targets: results,
      weight,
      acknowledgements: acks,
      memoryLimitMB: MEMORY_LIMIT_MB,
      serverMemory: { afterStart, afterPages, afterAcks, soak },
    }),
  );
} finally {
  await cleanUp();
}
