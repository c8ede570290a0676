// System tests against the built portal (`next start`): concurrency and SIGKILL crash, on PGlite
// and on PostgreSQL. Needs `next build` first (pass --build to run it here).
//   node scripts/test-system.mjs [--store pglite|postgres|both] [--build] [vitest filters...]
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); each test file
// creates its own database there and drops it afterwards.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const args = process.argv.slice(2);
let store = "both";
let build = false;
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--store") store = args[++i];
  else if (args[i].startsWith("--store=")) store = args[i].slice("--store=".length);
  else if (args[i] === "--build") build = true;
  else filters.push(args[i]);
}
if (!["pglite", "postgres", "both"].includes(store)) {
  console.error(`--store must be pglite, postgres or both (got ${store})`);
  process.exit(2);
}

function run(label, command, commandArgs, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${commandArgs.join(" ")}`);
  const result = spawnSync(command, commandArgs, {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

if (build) run("production build", "npx", ["next", "build"]);
if (!existsSync(".next/BUILD_ID")) {
  console.error(
    "No production build (.next/BUILD_ID). Run `npx next build` first, or pass --build.",
  );
  process.exit(1);
}

const vitest = ["vitest", "run", "--config", "tests/system/vitest.config.ts", ...filters];
const withoutPg = { ...process.env };
delete withoutPg.TEST_DATABASE_URL;
if (store !== "postgres") {
  console.log("\n▶ system tests on PGlite");
  const result = spawnSync("npx", vitest, { stdio: "inherit", env: withoutPg });
  if (result.status !== 0) process.exit(result.status || 1);
}
if (store !== "pglite") {
  run("system tests on PostgreSQL", "npx", vitest, {
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
  });
}
console.log("\n✔ System tests passed.");
