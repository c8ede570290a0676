import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of the test's own: initdb in a temporary folder, a free port on 127.0.0.1,
 * stopped and restarted at will. The machine's shared server is never touched. initdb refuses to
 * run as root, so as root everything runs as the `postgres` OS user, which owns the folder.
 */
export type OwnPostgres = {
  url: string;
  port: number;
  start: () => void;
  stop: () => void;
  dispose: () => void;
};

function findBinDir(): string {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error(
      "No PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin). Install postgresql or set PG_BIN_DIR.",
    );
  }
  return path.join(root, versions[0], "bin");
}

export function createOwnPostgres(port: number): OwnPostgres {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-own-pg-"));
  const dataDir = path.join(dir, "data");
  const log = path.join(dir, "server.log");

  function run(command: string, args: string[]) {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
      );
    }
  }

  if (asRoot) {
    const { uid, gid } = userIds("postgres");
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;

  let running = false;
  const handle: OwnPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => {
      run("pg_ctl", ["-D", dataDir, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop: () => {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    dispose: () => {
      try {
        if (running) handle.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return handle;
}

function userIds(name: string): { uid: number; gid: number } {
  const result = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const groups = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (result.status !== 0 || groups.status !== 0) {
    throw new Error(`Running as root needs the OS user "${name}" for initdb (it refuses root).`);
  }
  return { uid: Number(result.stdout.trim()), gid: Number(groups.stdout.trim()) };
}
