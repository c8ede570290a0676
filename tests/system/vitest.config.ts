import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// System tests start a real `next start` server on a built app: long timeouts, one file at a time
// (each file owns a server and a store, and the machine has two cores).
export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("../../", import.meta.url)),
      "server-only": fileURLToPath(new URL("../support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/system/**/*.test.ts"],
    // Store-specific suites run only against their store, as in the root config: several instances
    // on one database only with TEST_DATABASE_URL, PGlite-only suites only without it.
    exclude: [
      "**/node_modules/**",
      process.env.TEST_DATABASE_URL ? "**/*.pglite.test.ts" : "**/*.postgres.test.ts",
    ],
    environment: "node",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    // Figures are printed for the closing note; keep them on stdout as they happen.
    disableConsoleIntercept: true,
    reporters: ["verbose"],
  },
});
