import type { NextConfig } from "next";
import { runtimeFileGlobs } from "./lib/build/runtime-files";
import { BASELINE_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // A self-contained server in .next/standalone (server.js with the node_modules it needs): what
  // the launcher runs and what the Docker image ships. See README, "Operations".
  output: "standalone",
  // The portal is served by its own launcher; nothing identifies the framework.
  poweredByHeader: false,
  // Native, WASM or ESM-only server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "mdx-bundler",
    "esbuild",
    "oidc-provider",
    // The MDX worker (lib/content/worker/worker.mjs) is loaded by Node from the source tree.
    "piscina",
    "tsx",
  ],
  // Baseline headers for every response, static files included. The Content-Security-Policy (with
  // a nonce per response) and HSTS come from proxy.ts, which runs at request time.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(BASELINE_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
  // What the server reads from disk by path (migrations at startup, the policy sources, the
  // receipt fonts, the MDX worker and its packages): copied into the standalone output. Startup
  // runs for every route, so every route gets them.
  outputFileTracingIncludes: { "/**": runtimeFileGlobs(process.cwd()) },
  experimental: {
    // forbidden() for role checks (403) next to notFound() and redirect().
    authInterrupts: true,
    // The proxy buffers request bodies up to this size; a roster upload (50,000 rows is about
    // 5 MB) must pass whole. lib/hr/roster-upload.ts refuses anything larger itself.
    proxyClientMaxBodySize: "25mb",
  },
};

export default nextConfig;
