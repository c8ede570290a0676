import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_REFERENCE_MANIFEST } from "../../support/next-internals";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/** The system tests run the production build; fail early with the command to run instead of a confusing 500. */
export function assertBuilt(): string {
  const buildId = path.join(REPO_ROOT, ".next", "BUILD_ID");
  const manifest = SERVER_REFERENCE_MANIFEST;
  if (!existsSync(buildId) || !existsSync(manifest)) {
    throw new Error(
      `No production build in ${path.join(REPO_ROOT, ".next")}. The system tests run against \`next start\`: ` +
        "run `npx next build` (or `npm run build`) first.",
    );
  }
  return readFileSync(buildId, "utf8").trim();
}

/** A port the kernel just handed out on loopback; the server binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerHandle = {
  pid: number;
  port: number;
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  exited: Promise<Exit>;
  isRunning: () => boolean;
  /** SIGKILL: no handler runs, nothing is flushed or released. */
  kill: () => Promise<Exit>;
  /** SIGTERM (the portal closes its store), SIGKILL after a grace period. */
  stop: (graceMs?: number) => Promise<Exit>;
};

// Only what the server needs: vitest's NODE_ENV=test and a developer's DATABASE_URL must not leak in.
const PASSED_THROUGH = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER"];

export async function startServer({
  port,
  env,
  readyTimeoutMs = 60_000,
  nodeArgs = [],
  cgroupProcs,
}: {
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /** Flags for Node itself, before next's bin (the benchmark's --cpu-prof). */
  nodeArgs?: string[];
  /**
   * A control group's `cgroup.procs` file: the server starts inside that group (the benchmark's
   * --memory-limit, a small VM's memory). A shell writes its own pid there and then execs Node, so
   * the pid stays the server's.
   */
  cgroupProcs?: string;
}): Promise<ServerHandle> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const key of PASSED_THROUGH)
    if (process.env[key] !== undefined) childEnv[key] = process.env[key];
  Object.assign(childEnv, {
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO_DATA: "off",
    PORT: String(port),
    ...env,
  });

  // `next start` serves in this very process, so its pid is the server's pid: SIGKILL hits the database client too.
  const command = [
    process.execPath,
    ...nodeArgs,
    NEXT_BIN,
    "start",
    "-H",
    "127.0.0.1",
    "-p",
    String(port),
  ];
  const child = spawn(
    cgroupProcs ? "/bin/sh" : command[0],
    cgroupProcs ? ["-c", 'echo $$ > "$0" && exec "$@"', cgroupProcs, ...command] : command.slice(1),
    {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  const append = (chunk: Buffer) => {
    log += chunk.toString("utf8");
    if (log.length > 200_000) log = log.slice(-100_000); // bounded
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  let running = true;
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error("next start did not spawn");

  const handle: ServerHandle = {
    pid: child.pid,
    port,
    baseUrl,
    output: () => log,
    exited,
    isRunning: () => running,
    kill: async () => {
      if (running) process.kill(child.pid!, "SIGKILL");
      return exited;
    },
    stop: async (graceMs = 15_000) => {
      if (!running) return exited;
      process.kill(child.pid!, "SIGTERM");
      const timer = setTimeout(() => running && process.kill(child.pid!, "SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  // Ready means it answers HTTP; the store opens lazily on the first request that needs it.
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (!running) throw new Error(`next start exited before it was ready:\n${log.slice(-4000)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`next start was not ready after ${readyTimeoutMs} ms:\n${log.slice(-4000)}`);
    }
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
