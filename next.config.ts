import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The portal is served by its own launcher; nothing identifies the framework.
  poweredByHeader: false,
  // Native, WASM or ESM-only server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "mdx-bundler", "esbuild", "oidc-provider"],
  experimental: {
    // forbidden() for role checks (403) next to notFound() and redirect().
    authInterrupts: true,
  },
};

export default nextConfig;
