// The session lifetime rule. Pure code (no server-only marker), so it is unit-tested directly.

/** Seconds. One working shift from sign-in; nothing extends it, after that, sign in again. */
export const SESSION_LIFETIME_SECONDS = 10 * 60 * 60;

/** When a session started at `startedAt` ends at the latest. */
export function sessionExpiresAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + SESSION_LIFETIME_SECONDS * 1000);
}

export type SessionState = {
  expiresAt: Date;
  endedAt: Date | null;
};

/** Why a session no longer counts, or null while it does. */
export function sessionRefusal(
  session: SessionState | null,
  now: Date = new Date(),
): "unknown" | "signed_out" | "expired" | null {
  if (!session) return "unknown";
  if (session.endedAt) return "signed_out";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  return null;
}

/**
 * The max age (seconds) for a re-issued session token: never past the session's absolute end, nor
 * past the expiry the presented token already had. next-auth would otherwise slide it by a full
 * maxAge on every read, so a session would never end.
 */
export function reissueMaxAge({
  expiresAt,
  tokenExp,
  now = new Date(),
  maxAge = SESSION_LIFETIME_SECONDS,
}: {
  /** The session's absolute end. */
  expiresAt: Date;
  /** `exp` of the token being renewed (seconds since the epoch), when there is one. */
  tokenExp?: number | null;
  now?: Date;
  maxAge?: number;
}): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let end = Math.floor(expiresAt.getTime() / 1000);
  if (typeof tokenExp === "number" && Number.isFinite(tokenExp)) end = Math.min(end, tokenExp);
  return Math.max(0, Math.min(maxAge, end - nowSeconds));
}
