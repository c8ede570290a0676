// HTTP figures for bench/run.mjs against the production build (`next start`) on a fresh PGlite data dir:
//   tsx --conditions=react-server bench/http.ts <output.json> [--connections 10] [--duration 10] [--warmup 2] [--acks 200]
// Reuses tests/system/support: the same seeding, session cookies and server action client as the system tests.
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const out = args[0];
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const CONNECTIONS = option("connections", 10);
const DURATION_S = option("duration", 10);
const WARMUP_S = option("warmup", 2);
const ACKS = option("acks", 200);
if (!out) throw new Error("usage: http.ts <output.json> [options]");

// Always PGlite, and nothing in this process may fall back to ./data through the lazily parsed env.
delete process.env.TEST_DATABASE_URL;
delete process.env.DATABASE_URL;
const { createTestStore, seedStore } = await import("../tests/system/support/store");
const { checkProtocol, cookiesFor, percentile, preparePortal, warmUp } =
  await import("../tests/system/support/portal");
const { encodeAcknowledgement, mintReadingToken } = await import("../tests/system/support/action");

const store = await createTestStore();
process.env.DATA_DIR = store.dataDir!;
let server:
  Awaited<ReturnType<Awaited<ReturnType<typeof preparePortal>>["start"]>>["server"] | null = null;

async function cleanUp() {
  await server?.stop();
  server = null;
  await store.dispose();
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

try {
  const seeded = await store.withStore((opened) =>
    seedStore(opened, { employees: ACKS + 1, prefix: "bench" }),
  );
  const [reader, ...ackers] = seeded.employees;
  const { version } = seeded;
  const portal = await preparePortal(store, { dataDir: store.dataDir! });
  const started = await portal.start();
  server = started.server;
  const [cookie] = await cookiesFor([reader], portal.secret);
  await warmUp({ server, cookie, version }); // opens the store and checks the page offers this version
  await checkProtocol({ client: started.client, cookie, version });
  const afterStart = serverMemory(server.pid);

  const targets = [
    { name: "health", path: "/api/health", cookie: null },
    { name: "overview", path: "/richtlijnen", cookie },
    { name: "part", path: "/richtlijnen/zakelijk-gebruik", cookie },
  ];
  const results: Record<string, Awaited<ReturnType<typeof load>> & { path: string }> = {};
  for (const target of targets) {
    const url = `${server.baseUrl}${target.path}`;
    if (WARMUP_S > 0) await load(url, target.cookie, WARMUP_S);
    results[target.name] = { path: target.path, ...(await load(url, target.cookie, DURATION_S)) };
  }
  const afterPages = serverMemory(server.pid);

  // Acknowledgements: each employee once (a real insert and audit event), CONNECTIONS at a time.
  let acks = null;
  if (ACKS > 0) {
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
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < ackers.length) {
          const i = next++;
          const outcome = await started.client.acknowledge({
            cookie: cookies[i],
            fields,
            body: bodies[i],
          });
          latencies.push(outcome.ms);
          if (outcome.kind === "ok") ok++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    acks = {
      acknowledgements: ackers.length,
      ok,
      acksPerSecond: Math.round((ok / seconds) * 10) / 10,
      p50ms: percentile(latencies, 50),
      p99ms: percentile(latencies, 99),
    };
  }
  const afterAcks = serverMemory(server.pid);

  writeFileSync(
    out,
    JSON.stringify({
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      warmupSeconds: WARMUP_S,
      store: "pglite",
      targets: results,
      acknowledgements: acks,
      serverMemory: { afterStart, afterPages, afterAcks },
    }),
  );
} finally {
  await cleanUp();
}
