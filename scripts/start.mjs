#!/usr/bin/env node
// `npm start`: validates the configuration, builds when the build is missing or stale, starts the
// development IdP when no OIDC_ISSUER is set, then runs the standalone server of the build
// (.next/standalone/server.js, the same server the Docker image runs; `next start` warns on a
// standalone build) and stays its parent: signals go to it, and this process exits with its exit
// code. It prints what a newcomer needs (the address, the demo accounts) and none of Next's
// banner; the portal's own log lines (JSON, lib/log) pass through.
//   node scripts/start.mjs          production server (builds first if needed)
//   node scripts/start.mjs --dev    `next dev` with the development IdP, no build
// Honours PORT, HOST, DATA_DIR, DEV_IDP_PORT and the rest of lib/env.ts, so several instances
// (and Playwright's) can run side by side.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire, register as registerHooks } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { register as registerTsx } from "tsx/esm/api";
import { isFrameworkNoise } from "./start-output.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const STANDALONE_DIR = path.join(ROOT, ".next", "standalone");
const STANDALONE_SERVER = path.join(STANDALONE_DIR, "server.js");
// What a production build depends on. Tests and the development IdP are not part of it.
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "content",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const SHUTDOWN_GRACE_MS = 15_000;

const devMode = process.argv.includes("--dev");
process.chdir(ROOT);
// Read .env files exactly as Next will, so this process and Next agree on the configuration
// (above all on whether OIDC_ISSUER is set). Variables already in the environment win.
const { loadEnvConfig } = createRequire(path.join(ROOT, "node_modules", "next", "package.json"))(
  "@next/env",
);
loadEnvConfig(ROOT, devMode, { info: () => {}, error: console.error });
// Children get this environment; they derive the same secrets from the data directory. No
// telemetry notice (and no telemetry) unless the operator asks for it.
const childEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };

function log(message) {
  console.log(`[start] ${message}`);
}

function fail(message, code = 1) {
  console.error(`[start] ${message}`);
  process.exit(code);
}

// lib/ is TypeScript and marks server modules with `import "server-only"`, which throws outside
// a React server environment. Resolve that one package with the react-server condition, as
// Next and `tsx --conditions=react-server` do, and load our .ts through tsx in its own namespace.
registerHooks(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
      return next(specifier, context);
    }`,
  )}`,
);
const tsx = registerTsx({ namespace: "portal-launcher" });
const load = (file) => tsx.import(file, import.meta.url);

// oidc-provider, which runs only the development IdP, warns when it is imported on anything but
// Node 22+ ("Unsupported runtime"). The portal supports 20.19+ and 22 (engines, README) and the
// IdP is tested on both; the warning would be the first thing a newcomer reads.
async function withoutRuntimeWarning(run) {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!String(args[0]).includes("oidc-provider WARNING: Unsupported runtime")) warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

// 1. Configuration and the data directory: fail before anything slow happens. Everything this
// process and its children create (database files, WAL, lock, secret) is private to this account.
const { ensurePrivateDataDir, setPrivateUmask } = await load("../lib/db/data-dir.ts");
setPrivateUmask();
let env;
try {
  ({ env } = await load("../lib/env.ts"));
  void env.PORT; // parse now
  // The embedded database lives there; with PostgreSQL only the demo secret does (created above).
  if (!env.DATABASE_URL) ensurePrivateDataDir(env.DATA_DIR);
} catch (error) {
  if (error?.name === "EnvError" || error?.name === "DataDirPermissionError") fail(error.message);
  throw error;
}

// 2. A production build that matches the sources.
function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsCurrent() {
  let built;
  try {
    built = fs.statSync(BUILD_ID).mtimeMs;
  } catch {
    return false;
  }
  return (
    fs.existsSync(STANDALONE_SERVER) &&
    BUILD_INPUTS.every((input) => newestMtime(path.join(ROOT, input)) <= built)
  );
}

// The standalone server serves the client assets and public/ from its own directory; Next leaves
// copying them to the deployment (as its Docker example does). Cheap, so on every start.
function prepareStandalone() {
  fs.cpSync(path.join(ROOT, ".next", "static"), path.join(STANDALONE_DIR, ".next", "static"), {
    recursive: true,
  });
  fs.cpSync(path.join(ROOT, "public"), path.join(STANDALONE_DIR, "public"), { recursive: true });
}

if (!devMode) {
  if (!buildIsCurrent()) {
    log("Building the portal (next build, a few minutes)…");
    // Quiet unless it fails: its route table and experiments are nothing a newcomer needs.
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: ["inherit", "pipe", "pipe"],
      env: childEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) {
      process.stdout.write(build.stdout ?? "");
      process.stderr.write(build.stderr ?? "");
      fail(`next build failed (exit ${build.status ?? build.signal}).`, build.status || 1);
    }
  }
  prepareStandalone();
}

// 3. The development IdP, in this process, only without an external issuer.
let idp = null;
if (env.DEV_IDP) {
  const { startDevIdpFromEnv } = await withoutRuntimeWarning(() =>
    load("../lib/dev-idp/server.ts"),
  );
  try {
    idp = await startDevIdpFromEnv(env);
  } catch (error) {
    if (error?.code === "EADDRINUSE") {
      fail(
        `Port ${env.DEV_IDP_PORT} for the development sign-in is in use (another portal?). Set DEV_IDP_PORT to a free port.`,
      );
    }
    throw error;
  }
  if (env.DEMO) {
    log(
      `DEMO=1: the portal listens on ${env.HOST} with demo accounts that share one known password. Never use this with real data.`,
    );
  }
} else {
  log(`Sign-in through ${env.OIDC_ISSUER}.`);
  if (
    !env.ROLE_HR_GROUPS.length &&
    !env.ROLE_EDITOR_GROUPS.length &&
    !env.ROLE_ADMIN_GROUPS.length
  ) {
    log(
      "Note: ROLE_HR_GROUPS, ROLE_EDITOR_GROUPS and ROLE_ADMIN_GROUPS are empty: everyone is an employee only.",
    );
  }
}

// 4. Next.js, as a child we own.
const nextArgs = devMode
  ? [NEXT_BIN, "dev", "-H", env.HOST, "-p", String(env.PORT)]
  : [STANDALONE_SERVER];
const child = spawn(process.execPath, nextArgs, {
  // stdout is filtered and stderr passed on (below), through this process, so whoever runs it
  // (scripts/e2e-server.mjs) sees all of it; stdin stays the terminal's.
  stdio: ["inherit", "pipe", "pipe"],
  env: {
    ...childEnv,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    // NEXT_MANUAL_SIG_HANDLE: the app's own handlers close the database before exiting.
    NEXT_MANUAL_SIG_HANDLE: "1",
    // The standalone server takes its address from these and changes into its own directory:
    // the paths the configuration resolved against this one go along absolute.
    HOSTNAME: env.HOST,
    PORT: String(env.PORT),
    DATA_DIR: env.DATA_DIR,
    CHECKPOINT_DIR: env.CHECKPOINT_DIR,
    CHECKPOINT_KEY_FILE: env.CHECKPOINT_KEY_FILE,
  },
});

// Next prints its banner, its experiments and the addresses it listens on ("- Local: …",
// "- Network: …"), but sign-in only works on NEXTAUTH_URL: the portal redirects other host names
// there. Print that one address only (step 5), so nobody copies one that fails.
createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
  if (!isFrameworkNoise(line)) process.stdout.write(`${line}\n`);
});
child.stderr.pipe(process.stderr);

let stopping = false;
function stop(signal) {
  if (stopping || child.exitCode !== null || child.signalCode !== null) return;
  stopping = true;
  const forward = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  // Ctrl-C in a terminal already reached Next (same process group); give it time to finish
  // before forwarding, so it does not get the signal twice.
  if (signal === "SIGINT" && process.stdin.isTTY) setTimeout(forward, 5_000).unref();
  else forward();
  setTimeout(() => child.kill("SIGKILL"), SHUTDOWN_GRACE_MS).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

child.on("error", (error) => fail(`Could not start Next.js: ${error.message}`));
child.on("exit", async (code, signal) => {
  await idp?.close().catch(() => {});
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});

// 5. Say where it is once it answers.
async function waitForPort(host, port, timeoutMs) {
  const target = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const open = await new Promise((resolve) => {
      const socket = net.connect({ host: target, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

if (await waitForPort(env.HOST, env.PORT, 60_000)) {
  const lines = [`Portal ready: ${env.NEXTAUTH_URL} (other host names are redirected here)`];
  if (env.DEV_IDP) {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await load("../lib/dev-idp/accounts.ts");
    lines.push(
      `Demo sign-in (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.login} (${a.roleLabel})`).join(", ")}`,
    );
  }
  for (const line of lines) log(line);
}
