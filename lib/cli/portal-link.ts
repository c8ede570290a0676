import "server-only";

import { AppError, type AppErrorCode } from "@/lib/errors";
import { type LockInfo, readLiveLock } from "@/lib/db/lock";

/**
 * The CLIs and a running portal share one PGlite data directory, which only one process may open.
 * So while the portal runs, a CLI asks it over loopback, authorised by the token in the lock file
 * (mode 0600: only the account that runs the portal can read it). See docs/decisions/0001.
 */

export const INTERNAL_HEADER_PREFIX = "Bearer ";

/** The running portal that holds the data directory, or null when nothing (or nothing reachable) holds it. */
export function findRunningPortal(dataDir: string): LockInfo | null {
  return readLiveLock(dataDir);
}

export type InternalResponse<T> =
  | { ok: true; result: T }
  | { ok: false; error: { code: AppErrorCode; message: string; details?: unknown } };

export async function callRunningPortal<T>({
  lock,
  path,
  body,
}: {
  lock: LockInfo;
  path: string;
  body?: unknown;
}): Promise<T> {
  if (!lock.port) {
    throw new AppError(
      "store_locked",
      `De datamap is in gebruik door proces ${lock.pid}, dat geen portaal is (bijvoorbeeld een ander CLI-commando). Wacht tot het klaar is en probeer het opnieuw.`,
    );
  }
  const url = `http://127.0.0.1:${lock.port}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `${INTERNAL_HEADER_PREFIX}${lock.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new AppError(
      "internal",
      `Het portaal (proces ${lock.pid}) houdt de datamap vast, maar ${url} is niet bereikbaar: ${(error as Error).message}. ` +
        "Controleer of het portaal draait, of stop het en probeer het opnieuw.",
    );
  }
  const payload = (await response.json().catch(() => null)) as InternalResponse<T> | null;
  if (!payload || typeof payload !== "object" || !("ok" in payload)) {
    throw new AppError(
      "internal",
      `Onverwacht antwoord van het portaal op ${url} (HTTP ${response.status}).`,
    );
  }
  if (!payload.ok)
    throw new AppError(payload.error.code, payload.error.message, payload.error.details);
  return payload.result;
}
