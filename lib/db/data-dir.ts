// The data directory holds the embedded database (WAL included), the lock with the CLI token and the
// demo secret: nobody but the portal's own account may read or change any of it.
// No "server-only" marker and relative imports only: the launcher and the secrets module use this too.
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_UMASK = 0o077;

export class DataDirPermissionError extends Error {
  constructor(
    public dataDir: string,
    public mode: number,
  ) {
    const octal = (mode & 0o777).toString(8).padStart(3, "0");
    super(
      `De datamap ${dataDir} is toegankelijk voor andere gebruikers (rechten ${octal}); ` +
        `alleen het account van het portaal mag erbij. Herstel het met: chmod 700 ${dataDir}\n` +
        `The data directory ${dataDir} is accessible to other users (mode ${octal}); ` +
        `only the portal's account may use it. Fix it with: chmod 700 ${dataDir}`,
    );
    this.name = "DataDirPermissionError";
  }
}

/**
 * Files this process creates from now on are private to its account (PGlite creates its files with
 * mode 0666 and leaves the rest to the umask). Worker threads cannot change the umask; they share
 * the process's, which the main thread set.
 */
export function setPrivateUmask(): void {
  try {
    process.umask(PRIVATE_UMASK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_UNSUPPORTED_OPERATION") throw error;
  }
}

/**
 * Creates the data directory with mode 0700 when it is missing, and refuses one that group or
 * others may read, write or enter. An existing directory is never chmod-ed silently: someone made
 * it that way, and its contents may already have been exposed, which the operator should know.
 */
export function ensurePrivateDataDir(dataDir: string): string {
  setPrivateUmask();
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) !== 0) throw new DataDirPermissionError(dir, stat.mode);
  return dir;
}

/**
 * PGlite's file system layer (Emscripten NODEFS) sets modes explicitly, 0666 for files, so the umask
 * does not reach them. Strip group and other access from everything under `dir` after it opened.
 * Files it creates later (new WAL segments) sit inside the 0700 data directory, which others cannot enter.
 */
export function stripGroupAndOtherAccess(dir: string): void {
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(entry, stat.mode & 0o700);
    if (stat.isDirectory())
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
  };
  visit(dir);
}
