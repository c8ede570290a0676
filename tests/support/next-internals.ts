// The one place where tests lean on Next.js internals that are not a public API: the build's
// server-reference manifest (to find the id the browser sends in `Next-Action`), React's flight
// encoder as Next bundles it, and the flight payload an action answers with. When a Next upgrade
// changes any of them, the errors below say which assumption broke and where to look.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where `next build` writes the server actions' ids (Next 16: `.next/server/…`). */
export const SERVER_REFERENCE_MANIFEST = path.join(
  REPO_ROOT,
  ".next",
  "server",
  "server-reference-manifest.json",
);

type ManifestEntry = {
  exportedName?: string;
  filename?: string;
  workers?: Record<string, unknown>;
  layer?: Record<string, string>;
};

function broken(what: string, detail: string): Error {
  return new Error(
    `Next.js internals changed: ${what}. ${detail} ` +
      "Only tests/support/next-internals.ts depends on this; adapt it to the new Next version.",
  );
}

/**
 * The id the browser sends in `Next-Action` for the action exported as `exportedName` from a file
 * whose path contains `fileHint`.
 */
export function findActionId(exportedName: string, fileHint: string): string {
  if (!existsSync(SERVER_REFERENCE_MANIFEST)) {
    throw new Error(
      `No ${SERVER_REFERENCE_MANIFEST}: run \`npx next build\` first (the system tests use the build).`,
    );
  }
  const manifest = JSON.parse(readFileSync(SERVER_REFERENCE_MANIFEST, "utf8")) as {
    node?: Record<string, ManifestEntry>;
  };
  if (!manifest.node || typeof manifest.node !== "object") {
    throw broken(
      "the server-reference manifest has no `node` map",
      `Top-level keys now: ${Object.keys(manifest).join(", ")}.`,
    );
  }
  const entries = Object.entries(manifest.node);
  const matches = entries.filter(
    ([, entry]) =>
      entry.exportedName === exportedName && (!entry.filename || entry.filename.includes(fileHint)),
  );
  if (matches.length !== 1) {
    const looksChanged = entries.length > 0 && entries.every(([, entry]) => !entry.exportedName);
    const listing = JSON.stringify(entries.map(([id, e]) => [id, e.exportedName, e.filename]));
    if (looksChanged)
      throw broken("manifest entries no longer carry `exportedName`", `Entries: ${listing}`);
    throw new Error(
      `Expected one server action "${exportedName}" in a file matching "${fileHint}", found ${matches.length}: ${listing}`,
    );
  }
  return matches[0][0];
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;
let encodeReplyFn: EncodeReply | undefined;

/**
 * React's own encoder, from the copy Next bundles: the body is then exactly what useActionState's
 * dispatch sends from the browser, whatever this React version's wire format is.
 */
export async function encodeActionReply(args: unknown[]): Promise<FormData> {
  if (!encodeReplyFn) {
    const requireFromNext = createRequire(
      path.join(REPO_ROOT, "node_modules", "next", "package.json"),
    );
    const modulePath = "next/dist/compiled/react-server-dom-turbopack/client.edge";
    let loaded: { encodeReply?: EncodeReply };
    try {
      loaded = requireFromNext(modulePath) as { encodeReply?: EncodeReply };
    } catch (error) {
      throw broken(`${modulePath} cannot be loaded`, String(error));
    }
    if (typeof loaded.encodeReply !== "function") {
      throw broken(`${modulePath} no longer exports encodeReply`, "");
    }
    encodeReplyFn = loaded.encodeReply;
  }
  const body = await encodeReplyFn(args);
  if (typeof body === "string") {
    throw broken("encodeReply returned a string for a FormData argument", "");
  }
  return body;
}

/**
 * The action's return value from the RSC (flight) payload: row 0 is `{ a: "$@<row>", ... }` and that
 * row holds the value as JSON. Rows are `<hex id>:<json>` lines. Undefined when the shape differs.
 */
export function parseActionResult(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match && !rows.has(match[1])) rows.set(match[1], match[2]);
  }
  const root = parseJson(rows.get("0"));
  const ref = root && typeof root === "object" ? (root as { a?: unknown }).a : undefined;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return undefined;
  return parseJson(rows.get(ref.slice(2)));
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where `next build` lists every page and route handler of the app directory (Next 16). */
export const APP_PATHS_MANIFEST = path.join(
  REPO_ROOT,
  ".next",
  "server",
  "app-paths-manifest.json",
);

// Entries Next adds itself, for its own error pages: not ours to authorize.
const NEXT_OWN_ENTRIES = new Set(["/_not-found/page", "/_global-error/page"]);

export type BuiltRoute = {
  /** The URL pattern as the app directory spells it, route groups removed: "/mijn-bevestigingen/[id]/pdf". */
  path: string;
  kind: "page" | "route";
  /** The file under app/ that defines it, without extension: "app/(portal)/beheer/page". */
  source: string;
};

function readManifest<T>(file: string): T {
  if (!existsSync(file)) {
    throw new Error(`No ${file}: run \`npx next build\` first (the tests compare with the build).`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/**
 * Every page and route handler the build contains. The manifest maps "/(group)/a/[b]/page" (or
 * ".../route") to its compiled file.
 */
export function listBuiltRoutes(): BuiltRoute[] {
  const manifest = readManifest<Record<string, string>>(APP_PATHS_MANIFEST);
  const keys = Object.keys(manifest);
  if (keys.length === 0 || keys.some((key) => !/\/(page|route)$/.test(key))) {
    throw broken(
      "app-paths-manifest keys no longer end in /page or /route",
      `Keys: ${keys.join(", ")}.`,
    );
  }
  return keys
    .filter((key) => !NEXT_OWN_ENTRIES.has(key))
    .map((key) => {
      const kind = key.endsWith("/page") ? "page" : "route";
      const segments = key
        .slice(0, -`/${kind}`.length)
        .split("/")
        .filter((segment) => segment && !/^\(.*\)$/.test(segment));
      return { path: `/${segments.join("/")}`, kind, source: `app${key}` } satisfies BuiltRoute;
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
}

export type BuiltAction = {
  /** The id the browser sends in `Next-Action`. */
  id: string;
  /** "app/(portal)/beheer/actions.ts#verifyAuditAction". */
  key: string;
};

/** Every server action the build contains, keyed by file and export name. */
export function listBuiltActions(): BuiltAction[] {
  const manifest = readManifest<{ node?: Record<string, ManifestEntry> }>(
    SERVER_REFERENCE_MANIFEST,
  );
  if (!manifest.node || typeof manifest.node !== "object") {
    throw broken("the server-reference manifest has no `node` map", "");
  }
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) {
        throw broken(
          "server-reference manifest entries no longer carry `filename` and `exportedName`",
          `Entry ${id}: ${JSON.stringify(entry)}.`,
        );
      }
      return { id, key: `${entry.filename}#${entry.exportedName}` };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
