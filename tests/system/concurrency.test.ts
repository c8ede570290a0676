import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { encodeAcknowledgement, mintReadingToken, type Outcome } from "./support/action";
import {
  checkProtocol,
  cookiesFor,
  percentile,
  preparePortal,
  report,
  tally,
  warmUp,
  type Portal,
} from "./support/portal";
import type { ServerHandle } from "./support/server";
import {
  createTestStore,
  readFigures,
  seedStore,
  type CurrentVersion,
  type SeededEmployee,
  type TestStore,
} from "./support/store";

const EMPLOYEES = 250;
const SUBMITS_PER_EMPLOYEE = 2;

let store: TestStore;
let dataDir: string;
let portal: Portal;
let server: ServerHandle | null = null;
let employees: SeededEmployee[];
let warmUpEmployee: SeededEmployee;
let version: CurrentVersion;

beforeAll(async () => {
  store = await createTestStore();
  dataDir = store.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "portal-system-secrets-"));
  portal = await preparePortal(store, { dataDir });
  // Seeded before the server starts: with PGlite only one process may hold the data directory.
  const seeded = await store.withStore((opened) =>
    seedStore(opened, { employees: EMPLOYEES + 1, prefix: "gelijktijdig" }),
  );
  [warmUpEmployee, ...employees] = seeded.employees;
  version = seeded.version;
});

afterAll(async () => {
  await server?.kill();
  await store?.dispose();
  if (store && !store.dataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`acknowledgements under concurrency (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  test(`${EMPLOYEES} employees who each submit twice at the same moment get ${EMPLOYEES} acknowledgements and all see success`, async () => {
    const started = await portal.start();
    server = started.server;
    const { client } = started;
    const [warmUpCookie] = await cookiesFor([warmUpEmployee], portal.secret);
    await warmUp({ server, cookie: warmUpCookie, version });
    await checkProtocol({ client, cookie: warmUpCookie, version });

    const cookies = await cookiesFor(employees, portal.secret);
    const fields = { versionId: version.id, contentHash: version.contentHash };
    // Everything encoded first, so the requests leave together: each employee's two submits are adjacent.
    const requests = await Promise.all(
      employees.flatMap((employee, index) =>
        Array.from({ length: SUBMITS_PER_EMPLOYEE }, async () => ({
          employee,
          cookie: cookies[index],
          body: await encodeAcknowledgement({
            ...fields,
            readingToken: mintReadingToken({
              secret: portal.secret,
              employeeId: employee.id,
              versionId: version.id,
            }),
          }),
        })),
      ),
    );

    const t0 = performance.now();
    const outcomes: Outcome[] = await Promise.all(
      requests.map(({ cookie, body }) =>
        client.acknowledge({ cookie, fields, body, signal: AbortSignal.timeout(180_000) }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;

    // PGlite: the server must let go of the data directory before this process may open it.
    const exit = await server.stop();
    server = null;
    const figures = await store.withStore((opened) =>
      readFigures(opened, {
        versionId: version.id,
        employeeIds: employees.map((employee) => employee.id),
      }),
    );
    const counts = tally(outcomes);
    // Both submits of an employee report the one stored acknowledgement (same version, same time).
    let pairsDisagreeing = 0;
    for (let i = 0; i < outcomes.length; i += SUBMITS_PER_EMPLOYEE) {
      const values = outcomes
        .slice(i, i + SUBMITS_PER_EMPLOYEE)
        .map((outcome) => (outcome.kind === "ok" ? JSON.stringify(outcome.value) : null));
      if (values.some((value) => value === null || value !== values[0])) pairsDisagreeing++;
    }
    const latencies = outcomes.map((outcome) => outcome.ms);
    report(`concurrency ${store.kind}`, {
      requests: outcomes.length,
      employees: employees.length,
      successes: counts.ok,
      errors: outcomes.length - counts.ok,
      rows: figures.acknowledgementRows,
      auditCreated: figures.createdEvents,
      duplicates: figures.duplicateEmployees,
      pairsDisagreeing,
      auditChain: figures.auditChain.ok
        ? `ok(${figures.auditChain.count})`
        : JSON.stringify(figures.auditChain),
      seconds,
      requestsPerSecond: outcomes.length / seconds,
      p50ms: percentile(latencies, 50),
      p95ms: percentile(latencies, 95),
      maxMs: percentile(latencies, 100),
      serverExit: exit.signal ?? exit.code,
    });

    expect(counts.samples, "error responses (first five)").toEqual([]);
    expect(counts.ok).toBe(EMPLOYEES * SUBMITS_PER_EMPLOYEE);
    expect(pairsDisagreeing).toBe(0);
    expect(figures.acknowledgementRows).toBe(EMPLOYEES);
    expect(figures.duplicateEmployees).toBe(0);
    expect(figures.presentEmployeeIds.size).toBe(EMPLOYEES);
    expect(figures.createdEvents).toBe(EMPLOYEES);
    expect(figures.auditChain).toMatchObject({ ok: true });
    // SIGTERM closes the store and exits cleanly.
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
