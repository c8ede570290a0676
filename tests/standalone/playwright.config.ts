import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The standalone server (.next/standalone/server.js) as the Docker image runs it, from a copy
// outside the repository, with the development IdP beside it (scripts/standalone-server.mjs).
// .ci/run runs it after the build.
const PORT = Number(process.env.STANDALONE_PORT ?? 3200);
const IDP_PORT = Number(process.env.STANDALONE_IDP_PORT ?? 3201);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  retries: 0,
  reporter: "list",
  use: { ...base.use, baseURL: BASE_URL },
  projects: [{ name: "standalone", use: base.projects?.[0]?.use }],
  webServer: {
    command: "node scripts/standalone-server.mjs",
    cwd: "../..",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), DEV_IDP_PORT: String(IDP_PORT), HOST: "127.0.0.1" },
  },
});
