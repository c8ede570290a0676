import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
    },
  },
  esbuild: { jsx: "automatic" },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "tests/integration/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    // Store-specific suites run only against their store: the PGlite lock and CLI-to-portal routes
    // in the default run, several instances on one database in the PostgreSQL run.
    exclude: [
      "**/node_modules/**",
      process.env.TEST_DATABASE_URL ? "**/*.pglite.test.ts" : "**/*.postgres.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
