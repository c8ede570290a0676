import { readLock } from "@/lib/db/lock";
import { actionClient, findActionId, type ActionClient, type Outcome } from "./action";
import { assertBuilt, freePort, startServer, type ServerHandle } from "./server";
import { mintSessionCookie, randomSecret } from "./session";
import type { CurrentVersion, SeededEmployee, TestStore } from "./store";

/** Everything needed to (re)start the built portal on one store, always on the same port and secret. */
export type Portal = {
  port: number;
  baseUrl: string;
  secret: string;
  actionId: string;
  start: () => Promise<{ server: ServerHandle; client: ActionClient }>;
};

/**
 * `secret`: pass one to let several portals on one store accept the same session cookies.
 * `port`, `devIdpPort`, `env` and `nodeArgs`, `cgroupProcs`: for the benchmark (fixed ports, its floor page, a CPU
 * profile, a memory limit).
 */
export async function preparePortal(
  store: Pick<TestStore, "serverEnv">,
  {
    dataDir,
    secret: sharedSecret,
    port: fixedPort,
    devIdpPort: fixedDevIdpPort,
    env: extraEnv = {},
    nodeArgs,
    cgroupProcs,
  }: {
    dataDir: string;
    secret?: string;
    port?: number;
    devIdpPort?: number;
    env?: Record<string, string>;
    nodeArgs?: string[];
    cgroupProcs?: string;
  },
): Promise<Portal> {
  assertBuilt();
  const actionId = findActionId();
  const port = fixedPort ?? (await freePort());
  let devIdpPort = fixedDevIdpPort ?? (await freePort());
  if (devIdpPort === port) devIdpPort = port === 65535 ? port - 1 : port + 1;
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = sharedSecret ?? randomSecret(48);
  const env: Record<string, string> = {
    // PostgreSQL runs still need a data directory: the demo setup keeps its generated secrets there.
    DATA_DIR: dataDir,
    // Inside the test's own folder, so it goes when the folder does.
    CHECKPOINT_DIR: `${dataDir}/checkpoints`,
    ...store.serverEnv,
    NEXT_MANUAL_SIG_HANDLE: "1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: secret,
    // Never started by `next start`; set so it cannot collide with the portal's port.
    DEV_IDP_PORT: String(devIdpPort),
    ...extraEnv,
  };
  return {
    port,
    baseUrl,
    secret,
    actionId,
    start: async () => {
      const server = await startServer({ port, env, nodeArgs, cgroupProcs });
      return { server, client: actionClient({ baseUrl, actionId }) };
    },
  };
}

/**
 * An authenticated page view that needs the store: opens it (migrations, PGlite recovery, lock
 * take-over) before any load, and checks that the page offers the version the test will acknowledge
 * (the full text: the form comes after it).
 */
export async function warmUp({
  server,
  cookie,
  version,
}: {
  server: ServerHandle;
  cookie: string;
  version: CurrentVersion;
}) {
  const response = await fetch(`${server.baseUrl}/richtlijnen/volledig`, {
    headers: { Cookie: cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const html = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `GET /richtlijnen/volledig answered ${response.status} (${response.headers.get("location") ?? ""}):\n${html.slice(0, 500)}\n--- server output ---\n${server.output().slice(-3000)}`,
    );
  }
  const versionId = /name="versionId" value="(\d+)"/.exec(html)?.[1];
  const contentHash = /name="contentHash" value="([0-9a-f]{64})"/.exec(html)?.[1];
  if (versionId !== String(version.id) || contentHash !== version.contentHash) {
    throw new Error(
      `The page offers version ${versionId} / ${contentHash}, the database's current version is ${version.id} / ${version.contentHash}`,
    );
  }
}

/**
 * Proves the action id, body encoding, origin check and session cookie against the real server
 * without writing a row: without the tick the action answers "invalid", which it only does after
 * the session check passed.
 */
export async function checkProtocol({
  client,
  cookie,
  version,
}: {
  client: ActionClient;
  cookie: string;
  version: CurrentVersion;
}) {
  const outcome = await client.acknowledge({
    cookie,
    fields: { versionId: version.id, contentHash: version.contentHash, confirm: "" },
  });
  const status =
    outcome.kind === "refused"
      ? (outcome.value as { status?: string } | undefined)?.status
      : undefined;
  if (status !== "invalid")
    throw new Error(
      `Protocol check: expected the action to answer "invalid", got ${JSON.stringify(outcome)}`,
    );
}

export function cookiesFor(employees: SeededEmployee[], secret: string): Promise<string[]> {
  return Promise.all(employees.map((employee) => mintSessionCookie({ employee, secret })));
}

export type Health = {
  status?: string;
  database?: string;
  store?: string;
  currentVersion?: number | null;
};

/** GET /api/health: one request, no retry. */
export async function getHealth(baseUrl: string): Promise<{ httpStatus: number; health: Health }> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
  return { httpStatus: response.status, health: (await response.json()) as Health };
}

/** One page view as the employee of `cookie`: one request, redirects not followed. */
export async function getPage({
  baseUrl,
  path,
  cookie,
}: {
  baseUrl: string;
  path: string;
  cookie: string;
}): Promise<{ status: number; html: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Cookie: cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, html: await response.text() };
}

/** The version the page's acknowledgement form offers (hidden fields), or null when it offers none. */
export function offeredVersion(html: string): { versionId: number; contentHash: string } | null {
  const versionId = /name="versionId" value="(\d+)"/.exec(html)?.[1];
  const contentHash = /name="contentHash" value="([0-9a-f]{64})"/.exec(html)?.[1];
  return versionId && contentHash ? { versionId: Number(versionId), contentHash } : null;
}

/** PGlite only: the pid that holds the data directory's lock file, or null. */
export function lockHolder(dataDir: string): number | null {
  return readLock(dataDir)?.pid ?? null;
}

export type Tally = {
  ok: number;
  refused: number;
  httpError: number;
  networkError: number;
  samples: string[];
};

export function tally(outcomes: Outcome[]): Tally {
  const result: Tally = { ok: 0, refused: 0, httpError: 0, networkError: 0, samples: [] };
  for (const outcome of outcomes) {
    if (outcome.kind === "ok") result.ok++;
    else {
      if (outcome.kind === "refused") result.refused++;
      else if (outcome.kind === "http-error") result.httpError++;
      else result.networkError++;
      if (result.samples.length < 5) result.samples.push(JSON.stringify(outcome).slice(0, 600));
    }
  }
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One line per figure, prefixed so the lead can grep them out of a CI log. */
export function report(label: string, figures: Record<string, unknown>) {
  const text = Object.entries(figures)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === "number" && !Number.isInteger(value) ? value.toFixed(1) : String(value)}`,
    )
    .join(" ");
  console.log(`[system] ${label}: ${text}`);
}

/** The reading token the page's acknowledgement form carries, or null when it offers no form. */
export function offeredReadingToken(html: string): string | null {
  return /name="readingToken" value="([A-Za-z0-9_.-]+)"/.exec(html)?.[1] ?? null;
}
