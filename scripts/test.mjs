// `npm test`: every test the project has, in the order that fails fastest.
//   1. unit and database integration tests (Vitest, embedded PGlite)
//   2. a production build
//   3. system tests against the built server: concurrency and SIGKILL crash (PGlite)
//   4. end-to-end tests in Chromium through the real OIDC sign-in (Playwright)
//   5. a check of the log the e2e portal wrote (tests/logs)
// Set TEST_DATABASE_URL to run steps 1 and 3 against PostgreSQL instead.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label} (at ${elapsed()}): ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Installs a Debian package when its binary is missing (as root), or says what to install. */
function ensureTool({ binary, debianPackage, why, elsewhere }) {
  if (existsSync(binary)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log(`${why} is missing: installing Debian's ${debianPackage} package.`);
    run("apt-get update", "apt-get", ["update", "-qq"]);
    run(`install ${debianPackage}`, "apt-get", ["install", "-y", "-qq", debianPackage], {
      DEBIAN_FRONTEND: "noninteractive",
    });
    if (existsSync(binary)) return;
  }
  console.error(
    [
      `${why} was not found at ${binary}.`,
      "Install it, then run npm test again:",
      `  Debian/Ubuntu: sudo apt-get install -y ${debianPackage}`,
      ...(elsewhere ? [`  elsewhere: ${elsewhere}`] : []),
    ].join("\n"),
  );
  process.exit(1);
}

// Playwright cannot download browsers here.
ensureTool({
  binary: chromium,
  debianPackage: "chromium",
  why: "Chromium",
  elsewhere: "install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
});
// The PDF receipt test reads the PDF back with poppler's pdftotext.
ensureTool({
  binary: "/usr/bin/pdftotext",
  debianPackage: "poppler-utils",
  why: "pdftotext (poppler-utils)",
});
run("unit and integration tests", "npx", ["vitest", "run"]);
run("production build", "npx", ["next", "build"]);
run("system tests (concurrency, crash)", "npx", [
  "vitest",
  "run",
  "--config",
  "tests/system/vitest.config.ts",
]);
run("end-to-end tests", "npx", ["playwright", "test"]);
// What the e2e portal printed: JSON log lines with request ids, and nothing secret or personal.
run("log check of the end-to-end run", "npx", [
  "vitest",
  "run",
  "--config",
  "tests/logs/vitest.config.ts",
]);
console.log(`\n✔ All tests passed in ${elapsed()}.`);
