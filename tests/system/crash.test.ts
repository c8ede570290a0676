import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mintReadingToken, type ActionClient, type Outcome } from "./support/action";
import {
  checkProtocol,
  cookiesFor,
  lockHolder,
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

const KILLS = 3;
const IN_FLIGHT = 20;
// Bounds each round: the kill comes long before a round runs out of fresh employees.
const EMPLOYEES_PER_ROUND = 300;
const ROUND_TIMEOUT_MS = 120_000;

let store: TestStore;
let dataDir: string;
let portal: Portal;
let server: ServerHandle | null = null;
let employees: SeededEmployee[];
let spare: SeededEmployee[];
let version: CurrentVersion;

beforeAll(async () => {
  store = await createTestStore();
  dataDir = store.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "portal-system-secrets-"));
  portal = await preparePortal(store, { dataDir });
  const seeded = await store.withStore((opened) =>
    seedStore(opened, { employees: KILLS * EMPLOYEES_PER_ROUND + 2 * KILLS + 1, prefix: "crash" }),
  );
  version = seeded.version;
  employees = seeded.employees.slice(0, KILLS * EMPLOYEES_PER_ROUND);
  // Not part of any load: the warm-up views and the one acknowledgement after each restart.
  spare = seeded.employees.slice(KILLS * EMPLOYEES_PER_ROUND);
});

afterAll(async () => {
  await server?.kill();
  await store?.dispose();
  if (store && !store.dataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Sent = { employee: SeededEmployee; outcome: Outcome; afterKill: boolean };

/**
 * Keeps IN_FLIGHT acknowledgements of fresh employees running and SIGKILLs the server the moment
 * `killAfter` of them have succeeded, with the rest still in flight.
 */
async function loadAndKill({
  client,
  server: target,
  round,
  killAfter,
}: {
  client: ActionClient;
  server: ServerHandle;
  round: SeededEmployee[];
  killAfter: number;
}) {
  const cookies = await cookiesFor(round, portal.secret);
  const fields = { versionId: version.id, contentHash: version.contentHash };
  const sent: Sent[] = [];
  let next = 0;
  let successes = 0;
  let killedAt: number | null = null;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killing: Promise<unknown> | null = null;
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  const t0 = performance.now();

  const worker = async () => {
    while (killedAt === null && next < round.length && Date.now() < deadline) {
      const index = next++;
      inFlight++;
      const outcome = await client.acknowledge({
        cookie: cookies[index],
        fields: {
          ...fields,
          readingToken: mintReadingToken({
            secret: portal.secret,
            employeeId: round[index].id,
            versionId: version.id,
          }),
        },
        signal: AbortSignal.timeout(60_000),
      });
      inFlight--;
      sent.push({ employee: round[index], outcome, afterKill: killedAt !== null });
      if (outcome.kind === "ok") successes++;
      if (successes >= killAfter && killedAt === null) {
        killedAt = performance.now();
        inFlightAtKill = inFlight;
        killing = target.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (!killing) {
    killing = target.kill();
    throw new Error(
      `Round ended before the kill: ${successes} successes of ${killAfter} wanted in ${sent.length} requests; ${JSON.stringify(tally(sent.map((s) => s.outcome)))}`,
    );
  }
  const exit = await target.exited;
  const loadSeconds = ((killedAt ?? performance.now()) - t0) / 1000;
  return { sent, exit, inFlightAtKill, loadSeconds };
}

describe(`acknowledgements survive a crash (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  test(`every acknowledgement that got a success response is still there after ${KILLS} SIGKILLs mid-load`, async () => {
    const confirmed = new Map<number, SeededEmployee>(); // employee id -> employee, every success so far
    const totals = { sent: 0, successes: 0, errorsBeforeKill: 0, lost: 0 };

    for (let round = 1; round <= KILLS; round++) {
      const roundEmployees = employees.slice(
        (round - 1) * EMPLOYEES_PER_ROUND,
        round * EMPLOYEES_PER_ROUND,
      );
      const [viewer, afterRestart] = spare.slice((round - 1) * 2, round * 2);

      // 1. Start and load; kill at a different point each round.
      const started = await portal.start();
      server = started.server;
      const [viewerCookie] = await cookiesFor([viewer], portal.secret);
      await warmUp({ server, cookie: viewerCookie, version });
      if (round === 1)
        await checkProtocol({ client: started.client, cookie: viewerCookie, version });
      const killAfter = 20 + Math.floor(Math.random() * 60);
      const killedPid = server.pid;
      const { sent, exit, inFlightAtKill, loadSeconds } = await loadAndKill({
        client: started.client,
        server,
        round: roundEmployees,
        killAfter,
      });
      server = null;
      expect(exit.signal, "the server died of SIGKILL").toBe("SIGKILL");

      const okHere = sent.filter((s) => s.outcome.kind === "ok");
      for (const s of okHere) confirmed.set(s.employee.id, s.employee);
      const errorsBeforeKill = sent.filter((s) => s.outcome.kind !== "ok" && !s.afterKill);
      const staleLock = store.kind === "pglite" ? lockHolder(dataDir) : null;

      // 2. Restart on the same store: PGlite must take the dead server's lock over and open the data directory as it is.
      const restarted = await portal.start();
      server = restarted.server;
      await warmUp({ server, cookie: viewerCookie, version });
      const newHolder = store.kind === "pglite" ? lockHolder(dataDir) : null;
      const [afterCookie] = await cookiesFor([afterRestart], portal.secret);
      const afterOutcome = await restarted.client.acknowledge({
        cookie: afterCookie,
        fields: {
          versionId: version.id,
          contentHash: version.contentHash,
          readingToken: mintReadingToken({
            secret: portal.secret,
            employeeId: afterRestart.id,
            versionId: version.id,
          }),
        },
      });
      if (afterOutcome.kind === "ok") confirmed.set(afterRestart.id, afterRestart);
      const stopExit = await server.stop();
      // Opening after the crash needs no repair step: the restarted server logged no error at all.
      const restartErrors = server
        .output()
        .split("\n")
        .filter((line) => /error|corrupt|recover/i.test(line));
      server = null;

      // 3. Count in the database itself.
      const ids = [...confirmed.keys()];
      const figures = await store.withStore((opened) =>
        readFigures(opened, { versionId: version.id, employeeIds: ids }),
      );
      const lost = ids.filter((id) => !figures.presentEmployeeIds.has(id));

      totals.sent += sent.length;
      totals.successes += okHere.length;
      totals.errorsBeforeKill += errorsBeforeKill.length;
      totals.lost = lost.length;
      report(`crash ${store.kind} kill ${round}/${KILLS}`, {
        killAfter,
        requestsSent: sent.length,
        successesBeforeKill: okHere.length,
        inFlightAtKill,
        failedByKill: sent.filter((s) => s.outcome.kind !== "ok" && s.afterKill).length,
        errorsBeforeKill: errorsBeforeKill.length,
        requestsPerSecond: okHere.length / loadSeconds,
        staleLockPid:
          staleLock === null
            ? "-"
            : staleLock === killedPid
              ? `${staleLock}(killed server)`
              : staleLock,
        lockAfterRestart:
          newHolder === null
            ? "-"
            : newHolder === restarted.server.pid
              ? `${newHolder}(new server)`
              : newHolder,
        ackAfterRestart: afterOutcome.kind,
        restartErrorLines: restartErrors.length,
        confirmedSoFar: ids.length,
        rows: figures.acknowledgementRows,
        auditCreated: figures.createdEvents,
        lostAfterKill: lost.length,
        auditChain: figures.auditChain.ok
          ? `ok(${figures.auditChain.count})`
          : JSON.stringify(figures.auditChain),
      });

      expect(
        errorsBeforeKill.map((s) => s.outcome),
        "errors before the kill",
      ).toEqual([]);
      expect(inFlightAtKill, "the kill hit requests in flight").toBeGreaterThan(0);
      if (store.kind === "pglite") {
        expect(staleLock, "the killed server left its lock behind").toBe(killedPid);
        expect(newHolder, "the restarted server took the stale lock over").toBe(
          restarted.server.pid,
        );
      }
      expect(
        afterOutcome.kind,
        `acknowledging after the restart: ${JSON.stringify(afterOutcome)}`,
      ).toBe("ok");
      expect(restartErrors, "errors logged by the restarted server").toEqual([]);
      expect(stopExit).toEqual({ code: 0, signal: null });
      expect(lost, "employees whose success response has no acknowledgement").toEqual([]);
      // Some requests may have committed without their response getting out: never fewer rows than successes.
      expect(figures.acknowledgementRows).toBeGreaterThanOrEqual(ids.length);
      expect(figures.duplicateEmployees).toBe(0);
      expect(figures.createdEvents, "one audit event per acknowledgement, same transaction").toBe(
        figures.acknowledgementRows,
      );
      expect(figures.auditChain).toMatchObject({ ok: true });
    }

    report(`crash ${store.kind} total`, {
      kills: KILLS,
      requestsSent: totals.sent,
      successesBeforeKills: totals.successes,
      errorsBeforeKill: totals.errorsBeforeKill,
      lostAfterKills: totals.lost,
    });
  });
});
