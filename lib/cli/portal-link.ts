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

/**
 * `details` of the AppError thrown when the request may have reached the portal but no answer
 * came back (connection reset, portal stopped, answer cut off): what happened is unknown, and the
 * caller must find out before it reports anything (see scripts/content-publish.ts).
 */
export type OutcomeUnknown = { outcomeUnknown: true };

export function isOutcomeUnknown(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.details as Partial<OutcomeUnknown> | undefined)?.outcomeUnknown === true
  );
}

/**
 * Calls an internal route of the running portal. No client-side timeout: the portal bounds its
 * own work (a publish within PUBLISH_BUDGET_MS), and giving up earlier would report a failure
 * while the portal may still complete the operation.
 */
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
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    // Refused: nothing reached the portal. Anything else: it may have, and may have acted on it.
    if (cause?.code !== "ECONNREFUSED") {
      throw new AppError(
        "internal",
        `De verbinding met het portaal (proces ${lock.pid}) werd verbroken voordat er een antwoord kwam: ${(error as Error).message}.`,
        { outcomeUnknown: true } satisfies OutcomeUnknown,
      );
    }
    throw new AppError(
      "internal",
      `Het portaal (proces ${lock.pid}) houdt de datamap vast, maar ${url} is niet bereikbaar: ${(error as Error).message}. ` +
        "Controleer of het portaal draait, of stop het en probeer het opnieuw.",
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new AppError(
      "internal",
      `Het antwoord van het portaal (proces ${lock.pid}) werd afgebroken: ${(error as Error).message}.`,
      { outcomeUnknown: true } satisfies OutcomeUnknown,
    );
  }
  let payload: InternalResponse<T> | null = null;
  try {
    payload = JSON.parse(text) as InternalResponse<T>;
  } catch {
    payload = null;
  }
  if (!payload || typeof payload !== "object" || !("ok" in payload)) {
    throw new AppError(
      "internal",
      `Onverwacht antwoord van het portaal op ${url} (HTTP ${response.status}).`,
      // A 5xx without our envelope (a proxy, a crash) says nothing about what was done.
      response.status >= 500 ? ({ outcomeUnknown: true } satisfies OutcomeUnknown) : undefined,
    );
  }
  if (!payload.ok)
    throw new AppError(payload.error.code, payload.error.message, payload.error.details);
  return payload.result;
}
