import "server-only";

import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePrivateDataDir } from "@/lib/db/data-dir";
import { AppError } from "@/lib/errors";

/**
 * One process per PGlite data directory. PGlite itself lets two processes open the same directory
 * and silently loses rows, so the portal guards it with `portal.lock`, created with O_EXCL.
 * The file also tells the CLIs where the running portal listens and where to find the token it
 * accepts. The token itself is kept out of the data directory, so a backup never copies it: it sits
 * in a runtime directory of the portal's account ($XDG_RUNTIME_DIR, else the temp dir), mode 0700,
 * in a file only that account can read. Whoever can read it runs as the portal's OS user.
 */

export type LockInfo = {
  pid: number;
  port: number | null;
  /** Identifies this lock instance (not a secret): ownership checks on release and take-over. */
  id: string;
  /** The internal API token, read from `tokenFile`; "" when it cannot be read. */
  token: string;
  tokenFile: string | null;
  startedAt: string;
};

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
  const lock = parseLock(text);
  if (lock?.tokenFile) lock.token = safeRead(lock.tokenFile, true)?.trim() ?? "";
  return lock;
}

/** The lock file's content: no secret in it (the data directory ends up in backups). */
type LockFileContent = Omit<LockInfo, "token">;

function parseLock(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockFileContent> & { token?: unknown };
    // `token`: lock files written before the token moved out; the value then served as the id.
    const id = typeof value.id === "string" ? value.id : value.token;
    if (typeof value.pid !== "number" || typeof id !== "string") return null;
    return {
      pid: value.pid,
      port: typeof value.port === "number" ? value.port : null,
      id,
      token: "",
      tokenFile: typeof value.tokenFile === "string" ? value.tokenFile : null,
      startedAt: typeof value.startedAt === "string" ? value.startedAt : new Date(0).toISOString(),
    };
  } catch {
    // A half-written lock (crash between open and write) carries no owner: treat it as stale.
    return null;
  }
}

/** A live lock belongs to a running process; anything else can be taken over. */
export function isLockLive(lock: LockInfo): boolean {
  if (lock.pid === process.pid) return held.has(lock.id);
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
  const token = randomBytes(32).toString("hex");
  const info: LockInfo = {
    pid: process.pid,
    port,
    id: randomBytes(16).toString("hex"),
    token,
    tokenFile: tokenFilePath(dir),
    startedAt: new Date().toISOString(),
  };
  const content: LockFileContent = {
    pid: info.pid,
    port: info.port,
    id: info.id,
    tokenFile: info.tokenFile,
    startedAt: info.startedAt,
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(
        file,
        fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL,
        0o600,
      );
      try {
        // The token first: a live lock always points to a readable token.
        writeTokenFile(info.tokenFile!, token);
        fs.writeSync(fd, JSON.stringify(content));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      held.set(info.id, file);
      installExitHandler();
      let released = false;
      return {
        ...info,
        path: file,
        release: () => {
          if (released) return;
          released = true;
          held.delete(info.id);
          removeIfOurs(file, info.id);
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

function removeIfOurs(file: string, id: string) {
  const text = safeRead(file);
  if (text === null) return;
  const lock = parseLock(text);
  if (lock?.id !== id) return;
  if (lock.tokenFile) fs.rmSync(lock.tokenFile, { force: true });
  fs.rmSync(file, { force: true });
}

function safeRead(file: string, quietly = false): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || (quietly && code === "EACCES")) return null;
    throw error;
  }
}

/**
 * Per account, outside any data directory: $XDG_RUNTIME_DIR (private by design) or the temp dir.
 * A directory there that is not ours alone (someone else may have created it first in /tmp) is refused.
 */
export function runtimeDir(): string {
  const uid = process.getuid?.() ?? 0;
  const base = process.env.XDG_RUNTIME_DIR?.trim();
  const dir = base
    ? path.join(base, "kempenhaeghe-portaal")
    : path.join(os.tmpdir(), `kempenhaeghe-portaal-${uid}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0) {
    throw new AppError(
      "internal",
      `De map ${dir} voor het token van het portaal is niet alleen van dit account (rechten ${(stat.mode & 0o777).toString(8)}). ` +
        `Verwijder hem, of zet XDG_RUNTIME_DIR op een eigen map.`,
    );
  }
  return dir;
}

function tokenFilePath(dataDir: string): string {
  const name = createHash("sha256").update(dataDir).digest("hex").slice(0, 32);
  return path.join(runtimeDir(), `${name}.token`);
}

function writeTokenFile(file: string, token: string) {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temporary, `${token}\n`, { mode: 0o600, flag: "wx" });
  fs.renameSync(temporary, file);
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
