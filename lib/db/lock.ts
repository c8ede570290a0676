import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDataDir } from "@/lib/db/data-dir";
import { AppError } from "@/lib/errors";

/**
 * One process per PGlite data directory. PGlite itself lets two processes open the same directory
 * and silently loses rows, so the portal guards it with `portal.lock`, created with O_EXCL.
 * The file also tells the CLIs where the running portal listens and which token it accepts.
 */

export type LockInfo = { pid: number; port: number | null; token: string; startedAt: string };

export type HeldLock = LockInfo & { path: string; release: () => void };

export const LOCK_FILE = "portal.lock";

// Locks this process holds (token -> file): a lock naming our own pid is only live if we wrote it.
const held: Map<string, string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("portal.heldLocks")
] ??= new Map<string, string>()) as Map<string, string>;

let exitHandlerInstalled = false;

// Synchronous, so it also runs when something else calls process.exit().
function installExitHandler() {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once("exit", () => {
    for (const [token, file] of held) removeIfOurs(file, token);
  });
}

export function lockPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE);
}

export function readLock(dataDir: string): LockInfo | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return parseLock(text);
}

function parseLock(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid !== "number" || typeof value.token !== "string") return null;
    return {
      pid: value.pid,
      port: typeof value.port === "number" ? value.port : null,
      token: value.token,
      startedAt: typeof value.startedAt === "string" ? value.startedAt : new Date(0).toISOString(),
    };
  } catch {
    // A half-written lock (crash between open and write) carries no owner: treat it as stale.
    return null;
  }
}

/** A live lock belongs to a running process; anything else can be taken over. */
export function isLockLive(lock: LockInfo): boolean {
  if (lock.pid === process.pid) return held.has(lock.token);
  if (!isProcessAlive(lock.pid)) return false;
  // After a reboot or container restart the pid may belong to a different, younger process.
  const started = processStartTime(lock.pid);
  if (started && started.getTime() > Date.parse(lock.startedAt) + 5_000) return false;
  return true;
}

/** The lock of a portal (or CLI) that is running now, or null. */
export function readLiveLock(dataDir: string): LockInfo | null {
  const lock = readLock(dataDir);
  return lock && isLockLive(lock) ? lock : null;
}

export function acquireLock({
  dataDir,
  port = null,
}: {
  dataDir: string;
  port?: number | null;
}): HeldLock {
  // Created 0700 (and refused when others can get in) before PGlite writes anything there.
  const dir = ensurePrivateDataDir(dataDir);
  const file = lockPath(dir);
  const info: LockInfo = {
    pid: process.pid,
    port,
    token: randomBytes(32).toString("hex"),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(
        file,
        fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL,
        0o600,
      );
      try {
        fs.writeSync(fd, JSON.stringify(info));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      held.set(info.token, file);
      installExitHandler();
      let released = false;
      return {
        ...info,
        path: file,
        release: () => {
          if (released) return;
          released = true;
          held.delete(info.token);
          removeIfOurs(file, info.token);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const text = safeRead(file);
    if (text === null) continue; // removed in between: try again
    const existing = parseLock(text);
    if (existing && isLockLive(existing)) throw lockedError(dir, existing);
    takeOverStale(file, text);
  }
  throw new AppError(
    "store_locked",
    `De datamap ${dir} kon niet worden vergrendeld: ${file} blijft in gebruik.`,
  );
}

function lockedError(dir: string, lock: LockInfo): AppError {
  return new AppError(
    "store_locked",
    `De datamap ${dir} is al in gebruik door proces ${lock.pid}` +
      (lock.port ? ` (portaal op poort ${lock.port})` : "") +
      `. Er mag maar één proces tegelijk een datamap openen. Stop dat proces eerst, ` +
      `gebruik een andere DATA_DIR, of gebruik PostgreSQL via DATABASE_URL.`,
    { dataDir: dir, pid: lock.pid, port: lock.port },
  );
}

/**
 * Move a stale lock aside atomically. When two processes race for the same stale lock, the
 * slower one may move the winner's fresh lock instead; it notices the token and puts it back.
 */
function takeOverStale(file: string, staleText: string) {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = safeRead(aside);
  if (moved !== null && moved !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds it now; the next attempt will see their lock.
    }
  }
  fs.rmSync(aside, { force: true });
}

function removeIfOurs(file: string, token: string) {
  const text = safeRead(file);
  if (text === null) return;
  if (parseLock(text)?.token !== token) return;
  fs.rmSync(file, { force: true });
}

function safeRead(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Linux only (from /proc); null elsewhere, which makes the check rely on the pid alone. */
function processStartTime(pid: number): Date | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const startTicks = Number(fields[19]); // field 22 overall
    const bootLine = fs
      .readFileSync("/proc/stat", "utf8")
      .split("\n")
      .find((line) => line.startsWith("btime "));
    if (!bootLine || !Number.isFinite(startTicks)) return null;
    const bootSeconds = Number(bootLine.split(" ")[1]);
    // /proc reports in USER_HZ, which is 100 on every Linux the portal runs on.
    return new Date((bootSeconds + startTicks / 100) * 1000);
  } catch {
    return null;
  }
}
