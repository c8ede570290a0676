import pg from "pg";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/events";
import { contentDirectory, DEFAULT_POLICY } from "@/lib/content/source";
import { acknowledgements, policyVersions } from "@/lib/db/schema";
import {
  encodeAcknowledgement,
  mintReadingToken,
  type ActionClient,
  type Outcome,
} from "./support/action";
import {
  cookiesFor,
  getHealth,
  getPage,
  offeredReadingToken,
  offeredVersion,
  percentile,
  preparePortal,
  report,
  tally,
  type Portal,
} from "./support/portal";
import { REPO_ROOT, type ServerHandle } from "./support/server";
import { randomSecret } from "./support/session";
import {
  createTestStore,
  readFigures,
  seedStore,
  type SeededEmployee,
  type TestStore,
} from "./support/store";

// Two `next start` instances on one PostgreSQL database, as behind a load balancer: they migrate at
// the same moment, see each other's acknowledgements, serve a version published by the CLI from the
// next request on, and share the one-row-per-employee-and-version rule under load.
// tests/system/vitest.config.ts runs *.postgres.test.ts only when TEST_DATABASE_URL is set.

const LOAD_EMPLOYEES = 100;
const PART_SLUG = "privegebruik";
const PART_FILE = "20-privegebruik.mdx";
const OLD_RULE =
  "Geef in je privé-uitingen geen voeding aan eventuele roddels en discussies over de organisatie.";
const NOT_ACKNOWLEDGED = "Je hebt de richtlijnen nog niet bevestigd";
const CHANGED = "De richtlijnen zijn gewijzigd";
const ACKNOWLEDGED = "Bevestigd op";
const CLI_TIMEOUT_MS = 120_000;

type Instance = {
  name: "A" | "B";
  portal: Portal;
  server: ServerHandle | null;
  client: ActionClient | null;
};

let store: TestStore;
const tempDirs: string[] = [];
let instances: [Instance, Instance];
let reader: SeededEmployee;
let readerCookie: string;
let loadEmployees: SeededEmployee[];
let secret: string;
let versionTwo: { versionId: number; contentHash: string } | null = null;
const tag = `${Date.now().toString(36)}`;
const newRule = `Geef in je privé-uitingen geen voeding aan roddels over de organisatie, ook niet in besloten groepen (systeemtest ${tag}).`;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function running(instance: Instance): { server: ServerHandle; client: ActionClient } {
  if (!instance.server || !instance.client)
    throw new Error(`Instance ${instance.name} is not running`);
  return { server: instance.server, client: instance.client };
}

function serverLog(instance: Instance): string {
  return `--- instance ${instance.name} output ---\n${instance.server?.output().slice(-3000) ?? "(not running)"}`;
}

/** The operator CLI as an operator runs it: its own process, only DATABASE_URL pointing at the store. */
function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  // Not vitest's environment: its NODE_ENV=test and a developer's DATABASE_URL must not leak in.
  const env: Record<string, string> = { DATA_DIR: tempDir("portal-system-cli-") };
  for (const key of ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, store.serverEnv);
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", ...args],
      {
        cwd: REPO_ROOT,
        env: env as NodeJS.ProcessEnv,
        timeout: CLI_TIMEOUT_MS,
        killSignal: "SIGKILL",
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
      },
    );
  });
}

function ackValue(outcome: Outcome): string | null {
  return outcome.kind === "ok" ? JSON.stringify(outcome.value) : null;
}

beforeAll(async () => {
  store = await createTestStore();
  if (store.kind !== "postgres")
    throw new Error("instances.postgres.test.ts needs TEST_DATABASE_URL");
  secret = randomSecret(48);
  // Same store and secret, own port and data directory each: a session cookie is valid on both.
  const [a, b] = await Promise.all([
    preparePortal(store, { dataDir: tempDir("portal-system-a-"), secret }),
    preparePortal(store, { dataDir: tempDir("portal-system-b-"), secret }),
  ]);
  if (a.port === b.port) throw new Error("Both instances got the same port");
  instances = [
    { name: "A", portal: a, server: null, client: null },
    { name: "B", portal: b, server: null, client: null },
  ];
});

afterAll(async () => {
  await Promise.all((instances ?? []).map((instance) => instance.server?.kill()));
  await store?.dispose();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("two instances on one PostgreSQL database", () => {
  test("both start at the same moment on an empty database: migrations race, both report healthy on version 1", async () => {
    const t0 = performance.now();
    // Ready means /api/health answered, so both open the store (migrate, import version 1) concurrently.
    const started = await Promise.allSettled(instances.map((instance) => instance.portal.start()));
    started.forEach((result, index) => {
      if (result.status === "fulfilled") Object.assign(instances[index], result.value);
    });
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const startSeconds = (performance.now() - t0) / 1000;

    const health = await Promise.all(
      instances.map((instance) => getHealth(running(instance).server.baseUrl)),
    );
    const journal = JSON.parse(
      readFileSync(
        path.join(REPO_ROOT, "lib", "db", "migrations", "meta", "_journal.json"),
        "utf8",
      ),
    ) as { entries: unknown[] };
    // The migrations table belongs to whoever migrates: the owner, when there are two roles.
    const location = store.location as {
      databaseUrl: string;
      migrationDatabaseUrl?: string | null;
    };
    const owner = new pg.Client({
      connectionString: location.migrationDatabaseUrl ?? location.databaseUrl,
    });
    await owner.connect();
    const migrations = await owner
      .query("select count(*)::int as n from drizzle.__drizzle_migrations")
      .finally(() => owner.end());
    const db = await store.withStore(async (opened) => {
      const [{ versions }] = await opened.db.select({ versions: count() }).from(policyVersions);
      // Employees as a first sign-in creates them, after the servers own the schema.
      const seeded = await seedStore(opened, {
        employees: LOAD_EMPLOYEES + 1,
        prefix: "instanties",
      });
      return {
        migrations: (migrations.rows[0] as { n: number }).n,
        versions,
        seeded,
      };
    });
    [reader, ...loadEmployees] = db.seeded.employees;
    [readerCookie] = await cookiesFor([reader], secret);

    report("instances start", {
      startSeconds,
      healthA: JSON.stringify(health[0]),
      healthB: JSON.stringify(health[1]),
      migrationsApplied: db.migrations,
      migrationsShipped: journal.entries.length,
      versionRows: db.versions,
    });
    for (const { httpStatus, health: body } of health) {
      expect(httpStatus).toBe(200);
      expect(body).toMatchObject({
        status: "ok",
        database: "ok",
        store: "postgres",
        currentVersion: 1,
      });
    }
    // Each migration recorded once and one version 1, whoever won the race.
    expect(db.migrations).toBe(journal.entries.length);
    expect(db.versions).toBe(1);
  });

  test("an acknowledgement on A shows on B, and acknowledging again on B gives the same one row", async () => {
    const [a, b] = instances.map(running);
    const before = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({ baseUrl: server.baseUrl, path: "/richtlijnen/volledig", cookie: readerCookie }),
      ),
    );
    for (const [index, page] of before.entries())
      expect(page.status, serverLog(instances[index])).toBe(200);
    const offered = before.map((page) => offeredVersion(page.html));
    expect(offered[0], "A offers a version to acknowledge").not.toBeNull();
    expect(offered[1], "both instances offer the same version").toEqual(offered[0]);
    for (const page of before) expect(page.html).toContain(NOT_ACKNOWLEDGED);
    // A's token: both instances sign with the same secret, so B accepts it too.
    const readingToken = offeredReadingToken(before[0].html);
    expect(readingToken, "the form carries a reading token").not.toBeNull();
    const fields = { ...offered[0]!, readingToken: readingToken! };

    const onA = await a.client.acknowledge({ cookie: readerCookie, fields });
    expect(onA.kind, JSON.stringify(onA)).toBe("ok");
    const shownAt = String((onA as Extract<Outcome, { kind: "ok" }>).value.acknowledgedAtText);

    const onBPage = await getPage({
      baseUrl: b.server.baseUrl,
      path: "/richtlijnen",
      cookie: readerCookie,
    });
    const onB = await b.client.acknowledge({ cookie: readerCookie, fields });
    const rows = await store.withStore(async (opened) => {
      const [{ n }] = await opened.db
        .select({ n: count() })
        .from(acknowledgements)
        .where(
          and(
            eq(acknowledgements.employeeId, reader.id),
            eq(acknowledgements.versionId, fields.versionId),
          ),
        );
      return n;
    });

    report("instances cross-read", {
      ackOnA: onA.kind,
      statusOnB: onBPage.html.includes(ACKNOWLEDGED) ? "bevestigd" : "niet bevestigd",
      sameTimeOnB: onBPage.html.includes(shownAt),
      ackAgainOnB: onB.kind,
      sameResult: ackValue(onB) === ackValue(onA),
      rows,
    });
    expect(onBPage.status).toBe(200);
    expect(onBPage.html).toContain(ACKNOWLEDGED);
    expect(onBPage.html).not.toContain(NOT_ACKNOWLEDGED);
    expect(onBPage.html, "B shows the time A stored").toContain(shownAt);
    expect(onB.kind, JSON.stringify(onB)).toBe("ok");
    expect(ackValue(onB), "B reports the acknowledgement A stored").toBe(ackValue(onA));
    expect(rows).toBe(1);
  });

  test("a material version published with the CLI is served by both instances from the very next request", async () => {
    const [a, b] = instances.map(running);
    // Both have rendered the part with version 1, so anything cached per process holds the old text.
    const v1Parts = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({
          baseUrl: server.baseUrl,
          path: `/richtlijnen/${PART_SLUG}`,
          cookie: readerCookie,
        }),
      ),
    );
    for (const page of v1Parts) {
      expect(page.status).toBe(200);
      expect(page.html).toContain(OLD_RULE);
      expect(page.html).toContain(ACKNOWLEDGED);
    }

    const contentDir = tempDir("portal-system-content-");
    cpSync(contentDirectory(DEFAULT_POLICY), contentDir, { recursive: true });
    const file = path.join(contentDir, PART_FILE);
    const original = readFileSync(file, "utf8");
    expect(original, "the rule this test changes is in the shipped content").toContain(OLD_RULE);
    writeFileSync(file, original.replace(OLD_RULE, newRule));

    const cli = await runCli([
      "content:publish",
      "--",
      "--content-dir",
      contentDir,
      "--summary",
      `Regel over roddels aangescherpt (systeemtest ${tag}).`,
      "--material",
      "--by",
      "Systeemtest",
    ]);
    expect(cli.code, `content:publish failed:\n${cli.stdout}\n${cli.stderr}`).toBe(0);

    // Exactly one request of each kind per instance, no retries: the next request must already be version 2.
    const health = await Promise.all([a, b].map(({ server }) => getHealth(server.baseUrl)));
    const parts = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({
          baseUrl: server.baseUrl,
          path: `/richtlijnen/${PART_SLUG}`,
          cookie: readerCookie,
        }),
      ),
    );
    const overviews = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({ baseUrl: server.baseUrl, path: "/richtlijnen", cookie: readerCookie }),
      ),
    );
    // After a material change the form sits under the redline, so the employee sees what changed first.
    const redlines = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({
          baseUrl: server.baseUrl,
          path: "/richtlijnen/wijzigingen",
          cookie: readerCookie,
        }),
      ),
    );
    const current = await store.withStore(async (opened) => {
      const [row] = await opened.db
        .select()
        .from(policyVersions)
        .where(eq(policyVersions.number, 2));
      return row;
    });

    report("instances publish", {
      cliMs: cli.ms,
      cliOutput: JSON.stringify(cli.stdout.trim().split("\n")[0] ?? ""),
      healthVersionA: health[0].health.currentVersion,
      healthVersionB: health[1].health.currentVersion,
      newRuleA: parts[0].html.includes(newRule),
      newRuleB: parts[1].html.includes(newRule),
      statusA: overviews[0].html.includes(CHANGED) ? "gewijzigd" : "?",
      statusB: overviews[1].html.includes(CHANGED) ? "gewijzigd" : "?",
      redlineOffersA: offeredVersion(redlines[0].html)?.versionId ?? "-",
      redlineOffersB: offeredVersion(redlines[1].html)?.versionId ?? "-",
    });
    expect(current?.material).toBe(true);
    versionTwo = { versionId: current!.id, contentHash: current!.contentHash };
    for (const [index, { httpStatus, health: body }] of health.entries()) {
      expect(httpStatus, serverLog(instances[index])).toBe(200);
      expect(body).toMatchObject({ store: "postgres", currentVersion: 2 });
    }
    for (const [index, page] of [...parts, ...overviews, ...redlines].entries()) {
      expect(page.status, serverLog(instances[index % 2])).toBe(200);
      expect(page.html).toContain(CHANGED);
      expect(page.html).not.toContain(ACKNOWLEDGED);
    }
    for (const page of parts) {
      expect(page.html).toContain(newRule);
      expect(page.html).not.toContain(OLD_RULE);
    }
    for (const page of redlines)
      expect(offeredVersion(page.html)).toEqual({
        versionId: current!.id,
        contentHash: current!.contentHash,
      });
  });

  test(`${LOAD_EMPLOYEES} employees acknowledging version 2 on A and on B at the same moment give ${LOAD_EMPLOYEES} rows`, async () => {
    const [a, b] = instances.map(running);
    const cookies = await cookiesFor(loadEmployees, secret);
    // Someone who never acknowledged gets the form under the full text, on either instance.
    const overviews = await Promise.all(
      [a, b].map(({ server }) =>
        getPage({ baseUrl: server.baseUrl, path: "/richtlijnen/volledig", cookie: cookies[0] }),
      ),
    );
    const fields = offeredVersion(overviews[0].html);
    expect(fields).not.toBeNull();
    expect(offeredVersion(overviews[1].html)).toEqual(fields);
    expect(fields, "the form offers version 2").toEqual(versionTwo);
    // Encoded first so the requests leave together; each employee's two submits go to different instances.
    const requests = await Promise.all(
      loadEmployees.flatMap((_, index) =>
        [a.client, b.client].map(async (client) => ({
          client,
          cookie: cookies[index],
          body: await encodeAcknowledgement({
            ...fields!,
            readingToken: mintReadingToken({
              secret,
              employeeId: loadEmployees[index].id,
              versionId: fields!.versionId,
            }),
          }),
        })),
      ),
    );
    const t0 = performance.now();
    const outcomes = await Promise.all(
      requests.map(({ client, cookie, body }) =>
        client.acknowledge({ cookie, fields: fields!, body, signal: AbortSignal.timeout(180_000) }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;

    let pairsDisagreeing = 0;
    for (let i = 0; i < outcomes.length; i += 2) {
      const [onA, onB] = [ackValue(outcomes[i]), ackValue(outcomes[i + 1])];
      if (onA === null || onA !== onB) pairsDisagreeing++;
    }
    const figures = await store.withStore(async (opened) => ({
      v2: await readFigures(opened, {
        versionId: fields!.versionId,
        employeeIds: loadEmployees.map((employee) => employee.id),
      }),
      chain: await verifyAuditChain({ db: opened.db }),
      allRows: (await opened.db.select({ n: count() }).from(acknowledgements))[0].n,
    }));
    const counts = tally(outcomes);
    const latencies = outcomes.map((outcome) => outcome.ms);
    report("instances load", {
      requests: outcomes.length,
      employees: loadEmployees.length,
      successes: counts.ok,
      errors: outcomes.length - counts.ok,
      successesA: outcomes.filter((outcome, i) => i % 2 === 0 && outcome.kind === "ok").length,
      successesB: outcomes.filter((outcome, i) => i % 2 === 1 && outcome.kind === "ok").length,
      rowsV2: figures.v2.acknowledgementRows,
      rowsAll: figures.allRows,
      duplicates: figures.v2.duplicateEmployees,
      pairsDisagreeing,
      auditCreated: figures.v2.createdEvents,
      auditChain: figures.chain.ok ? `ok(${figures.chain.count})` : JSON.stringify(figures.chain),
      seconds,
      p50ms: percentile(latencies, 50),
      p95ms: percentile(latencies, 95),
      maxMs: percentile(latencies, 100),
    });

    expect(counts.samples, "error responses (first five)").toEqual([]);
    expect(counts.ok).toBe(LOAD_EMPLOYEES * 2);
    expect(pairsDisagreeing).toBe(0);
    expect(figures.v2.acknowledgementRows).toBe(LOAD_EMPLOYEES);
    expect(figures.v2.duplicateEmployees).toBe(0);
    expect(figures.v2.presentEmployeeIds.size).toBe(LOAD_EMPLOYEES);
    // The reader's version 1 acknowledgement plus one per load employee; one audit event each.
    expect(figures.allRows).toBe(LOAD_EMPLOYEES + 1);
    expect(figures.v2.createdEvents).toBe(LOAD_EMPLOYEES + 1);
    expect(figures.chain).toMatchObject({ ok: true });
  });

  test("both instances stop cleanly on SIGTERM, having logged no errors", async () => {
    const servers = instances.map(running).map(({ server }) => server);
    const logs = servers.map((server) =>
      server
        .output()
        .split("\n")
        .filter((line) => /error/i.test(line)),
    );
    const exits = await Promise.all(servers.map((server) => server.stop()));
    for (const instance of instances) {
      instance.server = null;
      instance.client = null;
    }
    report("instances stop", {
      exitA: exits[0].signal ?? exits[0].code,
      exitB: exits[1].signal ?? exits[1].code,
      errorLinesA: logs[0].length,
      errorLinesB: logs[1].length,
    });
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(logs).toEqual([[], []]);
  });
});
