// Files the server reads from disk at run time that Next's file tracing cannot see, for
// `output: "standalone"` (next.config.ts). The standalone server changes into its own directory,
// and the portal finds these relative to the working directory, so they must be copied there.
import fs from "node:fs";
import path from "node:path";

/** Read by path at run time: migrations, the policy sources, the receipt fonts, the MDX worker. */
export const RUNTIME_FILES = [
  "./lib/db/migrations/**/*",
  "./content/**/*",
  "./lib/receipts/fonts/*",
  // The MDX worker thread is loaded by Node from the source tree (lib/content/worker/index.ts)
  // and imports these through tsx.
  "./lib/content/*.ts",
  "./lib/content/worker/*.{ts,mjs}",
  "./tsconfig.json",
];

/**
 * Packages the MDX worker imports. Nothing in the server bundle imports them, so tracing misses
 * them; they and everything they depend on are copied whole.
 */
const WORKER_PACKAGES = [
  "tsx",
  "piscina",
  "server-only",
  "mdx-bundler",
  "esbuild",
  "remark-frontmatter",
  "remark-mdx",
  "remark-parse",
  "unified",
  "yaml",
  "zod",
  "diff",
  "mdast-util-to-string",
];

/**
 * Loaded by Node from node_modules at run time, past the bundler: react-dom/server renders each
 * published part to HTML once (lib/content/static-markup.ts). Without it the pages still work, at
 * the cost of rendering the tree on every view.
 */
const SERVER_LOADED_PACKAGES = ["react", "react-dom"];

/** `./node_modules/<name>/**` for each package and its installed (hoisted) dependencies. */
export function packageClosureGlobs(root: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(root, "node_modules", name, "package.json");
    if (!fs.existsSync(manifest)) return; // an optional dependency for another platform
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen].sort().map((name) => `./node_modules/${name}/**/*`);
}

export function runtimeFileGlobs(root: string): string[] {
  return [
    ...RUNTIME_FILES,
    ...packageClosureGlobs(root, [...WORKER_PACKAGES, ...SERVER_LOADED_PACKAGES]),
  ];
}
