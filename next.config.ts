import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
  // Baseline headers for every response; a full Content-Security-Policy follows with the hardening work.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=()",
          },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() for role checks (403) next to notFound() and redirect().
    authInterrupts: true,
    // The proxy buffers request bodies up to this size; a roster upload (50,000 rows is about
    // 5 MB) must pass whole. lib/hr/roster-upload.ts refuses anything larger itself.
    proxyClientMaxBodySize: "25mb",
  },
};

export default nextConfig;
