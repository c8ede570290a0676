import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { REPO_ROOT } from "./server";

type ManifestEntry = {
  exportedName?: string;
  filename?: string;
  workers?: Record<string, unknown>;
  layer?: Record<string, string>;
};

/**
 * The id the browser sends in `Next-Action`, from the build's server reference manifest. Only the
 * acknowledgement action of app/(portal)/richtlijnen/actions.ts qualifies.
 */
export function findActionId(
  exportedName = "acknowledgeAction",
  fileHint = "richtlijnen/actions",
): string {
  const file = path.join(REPO_ROOT, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node?: Record<string, ManifestEntry>;
  };
  const entries = Object.entries(manifest.node ?? {});
  const matches = entries.filter(
    ([, entry]) =>
      entry.exportedName === exportedName && (!entry.filename || entry.filename.includes(fileHint)),
  );
  if (matches.length !== 1) {
    throw new Error(
      `Expected one server action "${exportedName}" in ${file}, found ${matches.length}: ` +
        JSON.stringify(entries.map(([id, entry]) => [id, entry.exportedName, entry.filename])),
    );
  }
  return matches[0][0];
}

// React's own encoder, from the copy Next bundles: the body is then exactly what useActionState's
// dispatch sends from the browser, whatever this React version's wire format is.
const requireFromNext = createRequire(path.join(REPO_ROOT, "node_modules", "next", "package.json"));
const { encodeReply } = requireFromNext(
  "next/dist/compiled/react-server-dom-turbopack/client.edge",
) as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type AckFields = { versionId: number; contentHash: string; confirm?: string };

/** The reply for `acknowledgeAction(previousState = null, formData)`. */
export async function encodeAcknowledgement(fields: AckFields): Promise<FormData> {
  const form = new FormData();
  form.append("versionId", String(fields.versionId));
  form.append("contentHash", fields.contentHash);
  form.append("confirm", fields.confirm ?? "ja");
  const body = await encodeReply([null, form]);
  if (typeof body === "string")
    throw new Error("encodeReply returned a string for a FormData argument");
  return body;
}

export type Outcome =
  | { kind: "ok"; ms: number; value: Record<string, unknown> }
  | { kind: "refused"; ms: number; status: number; value: unknown; body: string } // a 200 whose result is not "ok"
  | { kind: "http-error"; ms: number; status: number; body: string }
  | { kind: "network-error"; ms: number; error: string };

export type ActionClient = {
  actionId: string;
  baseUrl: string;
  /** `body`: a reply encoded in advance (encodeAcknowledgement), so a burst leaves without encoding in between. */
  acknowledge: (args: {
    cookie: string;
    fields: AckFields;
    body?: FormData;
    signal?: AbortSignal;
  }) => Promise<Outcome>;
};

export function actionClient({
  baseUrl,
  actionId,
}: {
  baseUrl: string;
  actionId: string;
}): ActionClient {
  return {
    actionId,
    baseUrl,
    acknowledge: async ({ cookie, fields, body: encoded, signal }) => {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const response = await fetch(`${baseUrl}/richtlijnen`, {
          method: "POST",
          headers: {
            "Next-Action": actionId,
            Accept: "text/x-component",
            // Next compares Origin with Host before it runs an action.
            Origin: baseUrl,
            Cookie: cookie,
            "User-Agent": "portal-system-test",
          },
          body: encoded ?? (await encodeAcknowledgement(fields)),
          redirect: "manual",
          signal: signal ?? AbortSignal.timeout(120_000),
        });
        const body = await response.text();
        if (response.status !== 200)
          return {
            kind: "http-error",
            ms: ms(),
            status: response.status,
            body: body.slice(0, 2000),
          };
        const value = actionResult(body);
        if (value && typeof value === "object" && (value as { status?: unknown }).status === "ok") {
          return { kind: "ok", ms: ms(), value: value as Record<string, unknown> };
        }
        return {
          kind: "refused",
          ms: ms(),
          status: response.status,
          value,
          body: body.slice(0, 2000),
        };
      } catch (error) {
        return { kind: "network-error", ms: ms(), error: describe(error) };
      }
    },
  };
}

/**
 * The action's return value from the RSC (flight) payload: row 0 is `{ a: "$@<row>", ... }` and that
 * row holds the value as JSON. Rows are `<hex id>:<json>` lines.
 */
export function actionResult(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match && !rows.has(match[1])) rows.set(match[1], match[2]);
  }
  const root = parse(rows.get("0"));
  const ref = root && typeof root === "object" ? (root as { a?: unknown }).a : undefined;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return undefined;
  return parse(rows.get(ref.slice(2)));
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const causeText =
    cause instanceof Error
      ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}`
      : "";
  return `${error.name}: ${error.message}${causeText ? ` (${causeText})` : ""}`;
}
