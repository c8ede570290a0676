import "server-only";

import type { Plugin as EsbuildPlugin } from "esbuild";
import { bundleMDX } from "mdx-bundler";
import { type AnchorCollector, rehypeAnchors } from "./rehype-anchors";
import { remarkValidate } from "./validate";

/**
 * The raw mdx-bundler call. Do not use directly: `compilePart` in compile.ts validates first,
 * caches and queues. The options here are the second line of defence, tested on their own.
 */

const refuse = (language: string) => () => {
  throw new Error(`Front matter in ${language} is not allowed.`);
};

/** gray-matter (inside mdx-bundler) evals `---js` front matter; these engines refuse instead. */
export const SAFE_GRAY_MATTER_ENGINES = {
  javascript: refuse("javascript"),
  js: refuse("js"),
  coffee: refuse("coffee"),
  coffeescript: refuse("coffeescript"),
  cson: refuse("cson"),
};

/** Compiled MDX may import nothing but the JSX runtime (resolved by mdx-bundler's globals plugin before this one). */
export const denyImports: EsbuildPlugin = {
  name: "deny-imports",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      return { errors: [{ text: `Importeren van "${args.path}" is niet toegestaan.` }] };
    });
  },
};

export async function bundlePart({ source, slug }: { source: string; slug: string }) {
  const collect: AnchorCollector = { headings: [], rules: [] };
  const result = await bundleMDX({
    source,
    grayMatterOptions: (options) => ({ ...options, engines: { ...options.engines, ...SAFE_GRAY_MATTER_ENGINES } }),
    mdxOptions: (options) => ({
      ...options,
      // First: mdx-bundler adds its own front matter ESM node, which the validator would reject.
      remarkPlugins: [remarkValidate, ...(options.remarkPlugins ?? [])],
      rehypePlugins: [...(options.rehypePlugins ?? []), [rehypeAnchors, { slug, collect }]],
    }),
    esbuildOptions: (options) => {
      const plugins = [...(options.plugins ?? [])];
      // Right after the globals plugin; if mdx-bundler ever reorders, every import is refused (fails safe).
      const globals = plugins.findIndex((plugin) => plugin.name === "global-externals");
      plugins.splice(globals + 1, 0, denyImports);
      return { ...options, plugins, logLevel: "silent", target: "es2022", minify: true };
    },
  });
  return { code: result.code, ...collect };
}
