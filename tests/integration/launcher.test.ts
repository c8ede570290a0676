import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// The launcher (`npm start`) as an operator runs it: it must refuse before it builds or starts anything.
const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-launcher-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function launch(env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
  };
  return spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: { ...childEnv, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start in production without an identity provider", () => {
  it("refuses to start the demo sign-in on 0.0.0.0 and says why", () => {
    const dataDir = path.join(dir, "data");
    const run = launch({ HOST: "0.0.0.0", PORT: "3990", DATA_DIR: dataDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("OIDC_ISSUER");
    expect(run.stderr).toContain('"beheerder" with password "demo"');
    expect(run.stderr).toContain("DEMO=1");
    expect(run.stdout).not.toContain("Building");
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe("npm start with a data directory others can read", () => {
  it("refuses to start and says how to fix it, whatever the identity provider", () => {
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    const run = launch({
      PORT: "3990",
      DATA_DIR: dataDir,
      OIDC_ISSUER: "https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9/v2.0",
      OIDC_CLIENT_ID: "portal",
      OIDC_CLIENT_SECRET: "client-secret",
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`chmod 700 ${dataDir}`);
    expect(run.stdout).not.toContain("Building");
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
