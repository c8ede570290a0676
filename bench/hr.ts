// P&O figures for bench/run.mjs, in a fresh process of its own:
//   tsx --conditions=react-server bench/hr.ts <output.json> [--sizes 200,20000] [--explain] [--http]
// For each size: a fresh PostgreSQL database (BENCH_DATABASE_URL with the size appended to its
// name, e.g. bench_hr_200, dropped and recreated; the embedded PGlite in a temp folder without it)
// with that many roster entries and accounts and 5 versions of acknowledgement history. Then the
// dashboard's aggregation and the list's first page (p50/p95 of --runs runs, default 30), and a
// full CSV and XLSX export (time, peak RSS above the start). The sizes' stores are open at once and
// timed in turn, run by run, so a burst of load elsewhere hits every size alike.
// --http (needs a production build): also the page /hr itself, GET by GET as a signed-in P&O
// user, from one `next start` per size on its database, interleaved the same way.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { type Db, openStore, type Store } from "@/lib/db/client";
import { acknowledgements, employees, policyVersions, rosterEntries } from "@/lib/db/schema";
import { eq, sql } from "drizzle-orm";
import { startSession } from "@/lib/auth/sessions";
import {
  DEFAULT_FILTER,
  explainedQueries,
  listEmployees,
  summarizeEmployees,
} from "@/lib/hr/employee-list";
import { streamEmployeeExport } from "@/lib/hr/export";

const out = process.argv[2];
if (!out) throw new Error("usage: hr.ts <output.json> [--sizes 200,20000]");
const sizesArg = process.argv.indexOf("--sizes");
const SIZES = sizesArg === -1 ? [200, 20_000] : process.argv[sizesArg + 1].split(",").map(Number);
// --explain: print the plans (EXPLAIN ANALYZE) of the dashboard's and the list's queries per size.
const EXPLAIN = process.argv.includes("--explain");
const HTTP = process.argv.includes("--http");
const VERSIONS = 5;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg === -1 ? 30 : Number(process.argv[runsArg + 1]);
const CHUNK = 2_000;
const DEPARTMENTS = [
  "Epilepsiezorg – Kinderen",
  "Epilepsiezorg – Volwassenen",
  "Slaapgeneeskunde",
  "Neurologie",
  "Onderwijs – De Berkenschutse",
  "Facilitair bedrijf",
  "ICT",
  "Personeel & Organisatie",
  "Financiën",
  "Communicatie",
];
const ACTOR = { employeeId: null, label: "bench" };

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

type Fresh = { store: Store; serverEnv: Record<string, string>; cleanup: () => void };

async function freshStore(size: number): Promise<Fresh> {
  const base = process.env.BENCH_DATABASE_URL;
  if (base) {
    const url = new URL(base);
    url.pathname = `${url.pathname}_${size}`;
    const name = url.pathname.slice(1);
    const admin = new URL(base);
    admin.pathname = "/postgres";
    for (const sql of [`drop database if exists "${name}"`, `create database "${name}"`]) {
      const result = spawnSync("psql", [admin.toString(), "-qc", sql], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(result.stderr);
    }
    // The server still needs a data directory: the demo setup keeps its generated secrets there.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-hr-"));
    return {
      store: await openStore({ databaseUrl: url.toString() }),
      serverEnv: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
      cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-hr-"));
  return {
    store: await openStore({ dataDir: dir }),
    serverEnv: { DATA_DIR: dir },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The page /hr over HTTP: one signed-in P&O user (an existing account given the hr role, so the
 * list keeps its shape) and `next start` on the same database. Closes `store` first: PGlite is one
 * process per data directory. Returns one GET, which checks it got the dashboard, and a stop.
 */
async function startPage({ store, serverEnv }: Fresh) {
  const { preparePortal } = await import("../tests/system/support/portal");
  const { mintSessionCookie } = await import("../tests/system/support/session");
  const [account] = await store.db
    .update(employees)
    .set({ roles: ["employee", "hr"] })
    .where(eq(employees.id, sql`(select min(id) from ${employees})`))
    .returning();
  const session = await startSession({ db: store.db, employeeId: account.id });
  await store.close();
  const portal = await preparePortal({ serverEnv }, { dataDir: serverEnv.DATA_DIR });
  const cookie = await mintSessionCookie({
    employee: { ...account, sessionId: session.id, sessionExpiresAt: session.expiresAt },
    secret: portal.secret,
  });
  const { server } = await portal.start();
  const get = async () => {
    const response = await fetch(`${server.baseUrl}/hr`, {
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const html = await response.text();
    if (response.status !== 200 || !html.includes('data-testid="aandeel-bevestigd"'))
      throw new Error(`GET /hr answered ${response.status}:\n${server.output().slice(-2000)}`);
  };
  return { get, stop: () => server.stop() };
}

async function seed(db: Db, size: number) {
  const now = Date.now();
  const versionIds: number[] = [];
  for (let n = 1; n <= VERSIONS; n++) {
    const [row] = await db
      .insert(policyVersions)
      .values({
        policy: DEFAULT_POLICY,
        number: n,
        contentHash: n.toString(16).padStart(64, "0"),
        summary: `Versie ${n}`,
        material: true,
        // The newest version's deadline passed a week ago: outstanding and overdue both occur.
        deadline: n === VERSIONS ? new Date(now - 7 * 86_400_000) : null,
        publishedAt: new Date(now - (VERSIONS - n + 1) * 30 * 86_400_000),
        publishedByLabel: "bench",
      })
      .returning({ id: policyVersions.id });
    versionIds.push(row.id);
  }
  for (let start = 0; start < size; start += CHUNK) {
    const count = Math.min(CHUNK, size - start);
    const numbers = Array.from({ length: count }, (_, i) => String(100_000 + start + i));
    await db.insert(rosterEntries).values(
      numbers.map((number, i) => ({
        employeeNumber: number,
        name: `Medewerker ${number}`,
        email: `m${number}@kempenhaeghe.example`,
        department: DEPARTMENTS[(start + i) % DEPARTMENTS.length],
        // One in twenty left.
        leftAt: (start + i) % 20 === 0 ? new Date(now - 86_400_000) : null,
      })),
    );
    const accounts = await db
      .insert(employees)
      .values(
        numbers.map((number, i) => ({
          issuer: "urn:bench",
          subject: `bench-${number}`,
          name: `Medewerker ${number}`,
          email: `m${number}@kempenhaeghe.example`,
          department: DEPARTMENTS[(start + i) % DEPARTMENTS.length],
          rosterEmployeeNumber: number,
        })),
      )
      .returning({ id: employees.id });
    // Each employee acknowledged versions 1..k, k from 0 to 5: the newest one about a sixth each.
    const rows = accounts.flatMap(({ id }, i) =>
      versionIds.slice(0, (start + i) % (VERSIONS + 1)).map((versionId, v) => ({
        employeeId: id,
        versionId,
        contentHash: (v + 1).toString(16).padStart(64, "0"),
      })),
    );
    for (let j = 0; j < rows.length; j += CHUNK)
      await db.insert(acknowledgements).values(rows.slice(j, j + CHUNK));
  }
}

/**
 * p50/p95 of RUNS runs of each function, after 3 warm-ups (plans, caches), one of each per run.
 * Also the p50 of this process's CPU time per run: with PGlite the database works in this thread,
 * so that figure barely depends on what else the machine is doing (with PostgreSQL it is only the
 * client's share).
 */
async function timedInTurn(fns: (() => Promise<unknown>)[]) {
  for (let i = 0; i < 3; i++) for (const fn of fns) await fn();
  const ms = fns.map(() => [] as number[]);
  const cpu = fns.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of fns.entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      ms[k].push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu[k].push((used.user + used.system) / 1000);
    }
  }
  return ms.map((values, k) => ({
    p50ms: round(percentile(values, 0.5), 2),
    p95ms: round(percentile(values, 0.95), 2),
    cpuP50ms: round(percentile(cpu[k], 0.5), 2),
  }));
}

async function exportFigures(db: Db, format: "csv" | "xlsx") {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  let bytes = 0;
  const t0 = performance.now();
  await pipeline(
    streamEmployeeExport({ format, filter: DEFAULT_FILTER, actor: ACTOR, db }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    ms: round(ms),
    bytes,
    peakRssAboveStartMB: round((peak - rssBefore) / 2 ** 20),
    peakRssMB: round(peak / 2 ** 20),
  };
}

async function explain(db: Db, size: number, now: Date) {
  for (const [label, query] of explainedQueries({ now, db })) {
    const result = await db.execute(sql`explain (analyze, costs off) ${query}`);
    const rows = (result as unknown as { rows: Record<string, string>[] }).rows;
    console.log(`\n── ${size}: ${label}`);
    for (const row of rows) console.log(Object.values(row)[0]);
  }
}

const opened: { size: number; fresh: Fresh; now: Date }[] = [];
const sizes: Record<string, Record<string, unknown>> = {};
const stops: (() => Promise<unknown>)[] = [];
try {
  for (const size of SIZES) {
    const fresh = await freshStore(size);
    opened.push({ size, fresh, now: new Date() });
    const t0 = performance.now();
    await seed(fresh.store.db, size);
    sizes[size] = {
      employees: size,
      acknowledgements: await fresh.store.db.$count(acknowledgements),
      seedSeconds: round((performance.now() - t0) / 1000),
      runs: RUNS,
    };
  }
  for (const { size, fresh, now } of opened) if (EXPLAIN) await explain(fresh.store.db, size, now);

  const measure = async (name: string, query: (db: Db, now: Date) => Promise<unknown>) => {
    const figures = await timedInTurn(
      opened.map(
        ({ fresh, now }) =>
          () =>
            query(fresh.store.db, now),
      ),
    );
    for (const [k, { size }] of opened.entries()) sizes[size][name] = figures[k];
  };
  await measure("dashboardAggregation", (db, now) => summarizeEmployees({ now, db }));
  await measure("listFirstPage", (db, now) => listEmployees({ filter: DEFAULT_FILTER, now, db }));
  await measure("listOutstandingByStatus", (db, now) =>
    listEmployees({
      filter: { ...DEFAULT_FILTER, status: "outstanding", sort: "status", order: "desc" },
      now,
      db,
    }),
  );
  for (const { size, fresh } of opened) {
    sizes[size].csv = await exportFigures(fresh.store.db, "csv");
    sizes[size].xlsx = await exportFigures(fresh.store.db, "xlsx");
  }
  if (HTTP) {
    const pages = [];
    for (const { fresh } of opened) {
      const page = await startPage(fresh);
      stops.push(page.stop);
      pages.push(page.get);
    }
    const figures = await timedInTurn(pages);
    for (const [k, { size }] of opened.entries()) sizes[size].hrPage = figures[k];
  }
  for (const size of SIZES) console.log(size, JSON.stringify(sizes[size]));
} finally {
  for (const stop of stops) await stop();
  for (const { fresh } of opened) {
    await fresh.store.close();
    fresh.cleanup();
  }
}

writeFileSync(
  out,
  JSON.stringify({ store: process.env.BENCH_DATABASE_URL ? "postgres" : "pglite", sizes }),
);
