import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnPostgres, type OwnPostgres } from "./support/own-postgres";
import { assertBuilt, freePort, sleep, startServer, type ServerHandle } from "./support/server";
import { randomSecret } from "./support/session";

// A slow or vanished database must give prompt 503s (JSON from /api/health, a Dutch page for
// pages), and the portal must recover by itself. Against a PostgreSQL of this test's own, which it
// locks, stops and restarts; the machine's shared server is left alone.

/** Well above the probe's 2.5 s budget, far below the 44 s a locked table used to hold health. */
const PROMPT_MS = 8_000;

let postgres: OwnPostgres;
let server: ServerHandle;
let dataDir: string;

beforeAll(async () => {
  assertBuilt();
  postgres = createOwnPostgres(await freePort());
  postgres.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-outage-"));
  const port = await freePort();
  server = await startServer({
    port,
    env: {
      DATABASE_URL: postgres.url,
      DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomSecret(48),
      DEV_IDP_PORT: String(await freePort()),
      NEXT_MANUAL_SIG_HANDLE: "1",
    },
  });
});

afterAll(async () => {
  await server?.stop();
  postgres?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function timed(url: string) {
  const started = Date.now();
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  return {
    status: response.status,
    body,
    type: response.headers.get("content-type") ?? "",
    ms: Date.now() - started,
  };
}

async function health() {
  return timed(`${server.baseUrl}/api/health`);
}

async function page() {
  return timed(`${server.baseUrl}/aanmelden`);
}

function expectUnavailable(result: Awaited<ReturnType<typeof timed>>, kind: "health" | "page") {
  const context = `${kind}: ${result.status} after ${result.ms} ms\n${result.body.slice(0, 300)}\n--- server ---\n${server.output().slice(-2000)}`;
  expect(result.status, context).toBe(503);
  expect(result.ms, context).toBeLessThan(PROMPT_MS);
  if (kind === "health") {
    expect(result.type).toContain("application/json");
    expect(JSON.parse(result.body)).toMatchObject({ status: "error", database: "error" });
  } else {
    expect(result.type).toContain("text/html");
    expect(result.body).toContain('<html lang="nl">');
    expect(result.body).toContain("Het portaal is tijdelijk niet beschikbaar");
  }
}

async function waitUntilHealthy(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await health();
    if (result.status === 200) return result;
    if (Date.now() > deadline)
      throw new Error(
        `not healthy after ${timeoutMs} ms: ${result.status} ${result.body}\n${server.output().slice(-2000)}`,
      );
    await sleep(500);
  }
}

describe("a slow or unreachable database", () => {
  it("is healthy to begin with", async () => {
    const result = await waitUntilHealthy(60_000);
    expect(JSON.parse(result.body)).toMatchObject({
      status: "ok",
      database: "ok",
      store: "postgres",
    });
    expect((await page()).status).toBe(200);
  });

  it("answers 503 promptly while a table is locked, and recovers when the lock goes", async () => {
    const locker = new pg.Client({ connectionString: postgres.url });
    await locker.connect();
    try {
      await locker.query("begin");
      await locker.query("lock table policy_versions in access exclusive mode");
      await sleep(1_100); // past the last healthy answer's freshness
      const [h, p] = [await health(), await page()];
      console.log(`locked table: health ${h.status} in ${h.ms} ms, page ${p.status} in ${p.ms} ms`);
      expectUnavailable(h, "health");
      expectUnavailable(p, "page");
    } finally {
      await locker.query("rollback").catch(() => {});
      await locker.end();
    }
    const recovered = await waitUntilHealthy(20_000);
    expect(recovered.status).toBe(200);
    expect((await page()).status).toBe(200);
  });

  it("answers 503 promptly while the server is down, and recovers when it is back", async () => {
    postgres.stop();
    await sleep(1_100);
    const [h, p] = [await health(), await page()];
    console.log(`server down: health ${h.status} in ${h.ms} ms, page ${p.status} in ${p.ms} ms`);
    expectUnavailable(h, "health");
    expectUnavailable(p, "page");

    postgres.start();
    const started = Date.now();
    await waitUntilHealthy(30_000);
    console.log(`recovered ${Date.now() - started} ms after the restart`);
    expect((await page()).status).toBe(200);
  });
});
