import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "@/lib/db/client";
import { LOCK_FILE, readLock } from "@/lib/db/lock";
import { AppError } from "@/lib/errors";
import { findCurrentVersion } from "@/lib/policy/versions";
import { makeTempDir } from "@/tests/support/db";

// The data directory lock only exists for PGlite; vitest.config.ts runs *.pglite.test.ts in the PGlite run only.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir() {
  const dir = await makeTempDir("portal-lock-");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dataDir: string): Promise<Store> {
  const store = await openStore({ dataDir });
  cleanups.push(() => store.close());
  return store;
}

async function openError(dataDir: string): Promise<AppError> {
  const error = await openStore({ dataDir }).then(
    async (store) => {
      await store.close();
      return null;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Start a child that opens the data directory, and wait until it has. */
async function holdInChild(mode: "direct" | "portal", dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "tests/integration/fixtures/hold-store.ts",
      mode,
      dataDir,
    ],
    {
      env: { ...process.env, DATA_DIR: dataDir, PORT: "39123", DATABASE_URL: "", VITEST: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) =>
      reject(new Error(`child exited (${code}) before it was ready: ${stderr}`)),
    );
  });
  return child;
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("one process per data directory (PGlite)", () => {
  it("refuses a second open of the same directory with a message naming it, the process and the way out", async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const error = await openError(dir);
    expect(error.code).toBe("store_locked");
    expect(error.message).toContain(dir);
    expect(error.message).toContain(`proces ${process.pid}`);
    expect(error.message).toMatch(/Stop dat proces/);
    expect(error.message).toMatch(/DATABASE_URL/);

    await first.close();
    const second = await open(dir);
    expect(second.kind).toBe("pglite");
  });

  it("writes the lock readable by the owner only, and removes it on close", async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const file = path.join(dir, LOCK_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, token: store.lock!.token });
    expect(store.lock!.token).toMatch(/^[0-9a-f]{64}$/);
    await store.close();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = await tempDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await exited(gone);
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({
        pid: gone.pid,
        port: 3000,
        token: "oud",
        startedAt: new Date().toISOString(),
      }),
    );
    const store = await open(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    expect(store.lock?.token).not.toBe("oud");
  });

  it("takes over a lock that is empty or unreadable (a crash while writing it)", async () => {
    const dir = await tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), "");
    await open(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
  });

  it("releases the lock when opening fails, so the next try can succeed", async () => {
    const dir = await tempDir();
    // A file where PGlite wants its folder makes the open fail after the lock was taken.
    fs.writeFileSync(path.join(dir, "pglite"), "geen map");
    await expect(openStore({ dataDir: dir })).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    fs.rmSync(path.join(dir, "pglite"));
    await open(dir);
  });

  it("refuses while another live process holds the directory, and takes over after it was killed", async () => {
    const dir = await tempDir();
    const child = await holdInChild("direct", dir);
    const error = await openError(dir);
    expect(error.code).toBe("store_locked");
    expect(error.message).toContain(`proces ${child.pid}`);

    child.kill("SIGKILL");
    await exited(child);
    expect(readLock(dir)?.pid).toBe(child.pid); // left behind by the kill
    const store = await open(dir);
    // What the killed process committed is there, and the store opened without repair.
    expect((await findCurrentVersion({ policy: "sociale-media", db: store.db }))?.number).toBe(1);
  }, 60_000);

  it("closes the store and removes the lock when the portal gets SIGTERM", async () => {
    const dir = await tempDir();
    const child = await holdInChild("portal", dir);
    expect(readLock(dir)).toMatchObject({ pid: child.pid, port: 39123 });
    child.kill("SIGTERM");
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const store = await open(dir);
    expect((await findCurrentVersion({ policy: "sociale-media", db: store.db }))?.number).toBe(1);
  }, 60_000);
});
