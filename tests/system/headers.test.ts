import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, freePort, startServer, type ServerHandle } from "./support/server";
import { randomSecret } from "./support/session";
import { createTestStore, type TestStore } from "./support/store";

// The built portal behind a TLS-terminating proxy (NEXTAUTH_URL https): HSTS on every response,
// the nonce-based policy on HTML, and oversized headers refused before anything renders.

let store: TestStore;
let server: ServerHandle;
let dataDir: string;

beforeAll(async () => {
  assertBuilt();
  store = await createTestStore();
  dataDir = store.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "portal-headers-"));
  const port = await freePort();
  server = await startServer({
    port,
    env: {
      DATA_DIR: dataDir,
      ...store.serverEnv,
      NEXTAUTH_URL: "https://beleid.kempenhaeghe.example",
      NEXTAUTH_SECRET: randomSecret(48),
      DEV_IDP_PORT: String(await freePort()),
      NEXT_MANUAL_SIG_HANDLE: "1",
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await store?.dispose();
  if (dataDir && !store?.dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("response headers of the built portal", () => {
  it("sends HSTS when the public URL is https, on pages, redirects and route handlers", async () => {
    for (const route of ["/aanmelden", "/richtlijnen", "/api/health"]) {
      const response = await fetch(`${server.baseUrl}${route}`, { redirect: "manual" });
      await response.arrayBuffer();
      expect(response.headers.get("strict-transport-security"), route).toBe(
        "max-age=31536000; includeSubDomains",
      );
    }
  });

  it("puts a fresh nonce in the policy and on every script of the page", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      // As the TLS-terminating proxy forwards it: the public host name, so the page is served here
      // rather than redirected there (and nothing leaves loopback).
      const response = await fetch(`${server.baseUrl}/aanmelden`, {
        headers: { "x-forwarded-host": "beleid.kempenhaeghe.example" },
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(3);
  });

  it("refuses a 16 KB User-Agent with 431 at once, ten at a time, while health stays quick", async () => {
    const userAgent = "Mozilla/5.0 ".padEnd(16_000, "x");
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${server.baseUrl}${i % 2 ? "/api/health" : "/aanmelden"}`, {
          headers: { "user-agent": userAgent },
        }).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const healthStarted = Date.now();
    const health = await fetch(`${server.baseUrl}/api/health`);
    await health.arrayBuffer();
    console.log(
      `10 requests with a 16 KB User-Agent: ${elapsed} ms; health afterwards ${Date.now() - healthStarted} ms`,
    );
    expect(results).toEqual(Array(10).fill(431));
    expect(elapsed).toBeLessThan(2_000);
    expect(health.status).toBe(200);
  });
});
