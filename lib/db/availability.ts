// Is the database answering, quickly? Asked by the proxy before a page renders and by /api/health,
// so that a slow or unreachable database gives a prompt 503 instead of a request that hangs.
// No database imports here: the proxy loads this module, and lib/db/client.ts registers the probe
// when the server opens its store. State lives on globalThis, so every bundle in the process shares it.

export type DatabaseProbe = (timeoutMs: number) => Promise<void>;

type State = {
  probe: DatabaseProbe | null;
  checkedAt: number;
  available: boolean;
  inFlight: Promise<boolean> | null;
};

const state: State = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("portal.dbAvailability")
] ??= { probe: null, checkedAt: 0, available: true, inFlight: null }) as State;

/** How long one answer counts: a burst of page loads shares one probe. */
export const PROBE_FRESH_MS = 1_000;
/** A database that takes longer than this for a one-row read counts as unavailable. */
export const PROBE_TIMEOUT_MS = 2_500;

export function registerDatabaseProbe(probe: DatabaseProbe): void {
  state.probe = probe;
}

/**
 * True when the last probe (at most PROBE_FRESH_MS old) or a new one succeeded within the budget.
 * Never caches a failure for longer than that, so the portal recovers by itself when the database
 * comes back. Before the server has registered its probe there is nothing to ask: true.
 */
export async function isDatabaseAvailable({
  timeoutMs = PROBE_TIMEOUT_MS,
  now = Date.now(),
}: { timeoutMs?: number; now?: number } = {}): Promise<boolean> {
  const probe = state.probe;
  if (!probe) return true;
  if (now - state.checkedAt < PROBE_FRESH_MS) return state.available;
  state.inFlight ??= withTimeout(probe(timeoutMs), timeoutMs)
    .then(
      () => true,
      (error: unknown) => {
        console.error(
          "[db] database unavailable:",
          error instanceof Error ? error.message : String(error),
        );
        return false;
      },
    )
    .then((available) => {
      state.available = available;
      state.checkedAt = Date.now();
      state.inFlight = null;
      return available;
    });
  return state.inFlight;
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the database within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
