// `npm test`: every test the project has, in the order that fails fastest.
//   1. unit and database integration tests (Vitest, embedded PGlite)
//   2. a production build
//   3. system tests against the built server: concurrency and SIGKILL crash (PGlite)
//   4. end-to-end tests in Chromium through the real OIDC sign-in (Playwright)
// Set TEST_DATABASE_URL to run steps 1 and 3 against PostgreSQL instead.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log(
      "Chromium is missing: installing Debian's chromium package (Playwright cannot download browsers here).",
    );
    run("apt-get update", "apt-get", ["update", "-qq"]);
    run("install chromium", "apt-get", ["install", "-y", "-qq", "chromium"], {
      DEBIAN_FRONTEND: "noninteractive",
    });
    if (existsSync(chromium)) return;
  }
  console.error(
    [
      `Chromium was not found at ${chromium}.`,
      "Install it, then run npm test again:",
      "  Debian/Ubuntu: sudo apt-get install -y chromium",
      "  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
    ].join("\n"),
  );
  process.exit(1);
}

ensureChromium();
run("unit and integration tests", "npx", ["vitest", "run"]);
run("production build", "npx", ["next", "build"]);
run("system tests (concurrency, crash)", "npx", [
  "vitest",
  "run",
  "--config",
  "tests/system/vitest.config.ts",
]);
run("end-to-end tests", "npx", ["playwright", "test"]);
console.log("\n✔ All tests passed.");
