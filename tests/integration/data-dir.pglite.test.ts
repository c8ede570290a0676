import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "@/lib/db/client";
import { DataDirPermissionError } from "@/lib/db/data-dir";
import { parseEnv } from "@/lib/env";
import { makeTempDir } from "@/tests/support/db";

// With an external identity provider no demo secret is written, so nothing else creates the data
// directory privately: the store itself must. Run with a permissive umask, as a service might.

const externalIdp = {
  OIDC_ISSUER: "https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9/v2.0",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: "client-secret",
  NEXTAUTH_SECRET: "x".repeat(32),
};

let root: string;
let savedUmask: number;
beforeEach(async () => {
  root = await makeTempDir("portal-datadir-");
  savedUmask = process.umask(0o000);
});
afterEach(() => {
  process.umask(savedUmask);
  fs.rmSync(root, { recursive: true, force: true });
});

function walk(dir: string): { file: string; mode: number; isDir: boolean }[] {
  const entries = [{ file: dir, mode: fs.statSync(dir).mode & 0o777, isDir: true }];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) entries.push(...walk(file));
    else entries.push({ file, mode: fs.statSync(file).mode & 0o777, isDir: false });
  }
  return entries;
}

describe("the data directory is the portal's alone", () => {
  it("creates the directory 0700 and every database file, WAL and lock without group or other access", async () => {
    const env = parseEnv({ ...externalIdp, DATA_DIR: "portal/data" }, { cwd: root });
    expect(env.DEV_IDP).toBe(false);
    const store = await openStore({ dataDir: env.DATA_DIR });
    try {
      const entries = walk(env.DATA_DIR);
      expect(fs.statSync(env.DATA_DIR).mode & 0o777).toBe(0o700);
      expect(entries.some((e) => e.file.endsWith("portal.lock"))).toBe(true);
      expect(entries.some((e) => e.file.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
      const exposed = entries.filter((e) => (e.mode & 0o077) !== 0);
      expect(exposed.map((e) => `${e.file} ${e.mode.toString(8)}`)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("refuses a data directory that others can read, and says how to fix it", async () => {
    const dataDir = path.join(root, "shared");
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    const error = await openStore({ dataDir }).then(
      async (store) => {
        await store.close();
        return null;
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DataDirPermissionError);
    expect((error as Error).message).toContain(`chmod 700 ${dataDir}`);
    expect((error as Error).message).toContain("andere gebruikers");
    // Nothing was written into it.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("refuses one that others can write to, also for the demo secret", async () => {
    const dataDir = path.join(root, "writable");
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o703);
    expect(() => parseEnv({ DATA_DIR: dataDir }, { cwd: root })).toThrow(DataDirPermissionError);
  });
});
