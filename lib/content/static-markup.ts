import "server-only";

import path from "node:path";
import type { ReactElement } from "react";

type RenderToStaticMarkup = (element: ReactElement) => string;

let renderer: RenderToStaticMarkup | null | undefined;

/**
 * React's renderToStaticMarkup, loaded by Node from node_modules rather than through the bundler:
 * in the server components layer the bundler refuses react-dom/server, yet rendering a published
 * part once per version to HTML is exactly what makes a page view cheap (see
 * components/content/mdx-content.tsx and docs/decisions/0015-reading-path-cache.md). The MDX
 * code is evaluated by mdx-bundler/client, which Node also loads from node_modules (it is a
 * server external package), so both sides use the same React. Null where it cannot be loaded (the
 * react-server condition, a trimmed deployment): the caller then renders the tree as before.
 */
export function staticMarkupRenderer(): RenderToStaticMarkup | null {
  if (renderer !== undefined) return renderer;
  try {
    // Not `import`/`require`: the bundler would resolve react-dom/server for the wrong layer.
    const { createRequire } = process.getBuiltinModule("node:module");
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const server = load("react-dom/server") as { renderToStaticMarkup?: RenderToStaticMarkup };
    renderer = typeof server.renderToStaticMarkup === "function" ? server.renderToStaticMarkup : null;
  } catch {
    renderer = null;
  }
  return renderer;
}
