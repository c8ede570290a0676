// The standalone server as a container runs it (Dockerfile), for tests/standalone: copies
// .next/standalone with the client assets and public/ to a temporary directory outside the
// repository (so nothing can be read from the source tree by accident), starts the development
// IdP in this process, as the launcher does, then `node server.js` in the copy. Stops both on
// SIGTERM/SIGINT and removes the copy and its data directory.
//   env: PORT, DEV_IDP_PORT (both required), HOST=127.0.0.1
import { spawn } from "node:child_process";
import fs from "node:fs";
import { register as registerHooks } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register as registerTsx } from "tsx/esm/api";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD = path.join(ROOT, ".next");
if (!fs.existsSync(path.join(BUILD, "standalone", "server.js"))) {
  console.error("No standalone build: run `npx next build` first.");
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-standalone-"));
const app = path.join(work, "app");
fs.cpSync(path.join(BUILD, "standalone"), app, { recursive: true, verbatimSymlinks: true });
fs.cpSync(path.join(BUILD, "static"), path.join(app, ".next", "static"), { recursive: true });
fs.cpSync(path.join(ROOT, "public"), path.join(app, "public"), { recursive: true });

process.env.DATA_DIR = path.join(work, "data");
process.env.HOST ??= "127.0.0.1";
process.env.NEXTAUTH_URL ??= `http://${process.env.HOST}:${process.env.PORT}`;
process.env.DEMO_DATA ??= "off";

// As scripts/start.mjs: lib/ is TypeScript with `server-only` markers.
registerHooks(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
      return next(specifier, context);
    }`,
  )}`,
);
const tsx = registerTsx({ namespace: "portal-standalone" });
const { env } = await tsx.import("../lib/env.ts", import.meta.url);
const { startDevIdpFromEnv } = await tsx.import("../lib/dev-idp/server.ts", import.meta.url);
const idp = await startDevIdpFromEnv(env);

const server = spawn(process.execPath, [path.join(app, "server.js")], {
  cwd: work,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "1",
    HOSTNAME: env.HOST,
    PORT: String(env.PORT),
  },
});

async function cleanUp(code) {
  await idp.close().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
  });
}
server.on("exit", (code, signal) => void cleanUp(code ?? (signal ? 1 : 0)));
