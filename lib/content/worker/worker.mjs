// Entry of the MDX worker thread. Plain JavaScript, loaded by Node itself from the source tree
// (never bundled by Next): it registers tsx for the TypeScript of lib/ and resolves the
// `server-only` marker as a React server environment would, then loads tasks.ts.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
      return next(specifier, context);
    }`,
  )}`,
);
const tsx = registerTsx({ namespace: "mdx-worker" });
const { default: run } = await tsx.import("./tasks.ts", import.meta.url);

export default run;
