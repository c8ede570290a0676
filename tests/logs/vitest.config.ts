import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The check of the e2e portal's log: runs after Playwright (scripts/test.mjs), on its output.
export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("../../", import.meta.url)),
      "server-only": fileURLToPath(new URL("../support/empty-module.ts", import.meta.url)),
    },
  },
  test: { include: ["tests/logs/**/*.test.ts"], environment: "node" },
});
