// Pure (no env): the system tests and benchmarks sign tokens as the portal does.
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Proof that a page with the whole text was rendered for this employee and this version before they
 * confirmed: the acknowledgement form carries it, and the action refuses a confirmation without it.
 * A signed value (HMAC-SHA256 with a key derived from NEXTAUTH_SECRET, so every instance agrees),
 * not a database row: rendering a page writes nothing.
 */

/** Where the whole text was shown: the full text, the last part (after the others), or the redline. */
export const READING_PAGES = ["volledig", "laatste-onderdeel", "wijzigingen"] as const;
export type ReadingPage = (typeof READING_PAGES)[number];

/** Long enough to read the text at leisure in one sitting; a page left open overnight is read again. */
export const READING_TOKEN_TTL_MS = 4 * 60 * 60 * 1000;
// Instances' clocks may differ a little.
const CLOCK_SKEW_MS = 60 * 1000;

export type ReadingClaims = {
  employeeId: number;
  versionId: number;
  page: ReadingPage;
  issuedAt: Date;
};

type Payload = { e: number; v: number; p: ReadingPage; t: number };

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`reading-token.v1.${body}`).digest("base64url");
}

export function signReadingToken(secret: string, claims: ReadingClaims): string {
  const payload: Payload = {
    e: claims.employeeId,
    v: claims.versionId,
    p: claims.page,
    t: claims.issuedAt.getTime(),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

export type ReadingTokenCheck =
  | { ok: true; claims: ReadingClaims }
  | { ok: false; reason: "missing" | "malformed" | "signature" | "mismatch" | "expired" };

/** Valid only for the same employee and version, signed with `secret`, and issued within the TTL. */
export function verifyReadingToken(
  secret: string,
  token: string | null | undefined,
  expected: { employeeId: number; versionId: number; now?: Date },
): ReadingTokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const [, body, signature] = match;
  const wanted = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (wanted.length !== given.length || !timingSafeEqual(wanted, given))
    return { ok: false, reason: "signature" };

  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (
    !Number.isSafeInteger(payload.e) ||
    !Number.isSafeInteger(payload.v) ||
    !Number.isSafeInteger(payload.t) ||
    !READING_PAGES.includes(payload.p)
  )
    return { ok: false, reason: "malformed" };
  if (payload.e !== expected.employeeId || payload.v !== expected.versionId)
    return { ok: false, reason: "mismatch" };
  const now = (expected.now ?? new Date()).getTime();
  if (payload.t > now + CLOCK_SKEW_MS || now - payload.t > READING_TOKEN_TTL_MS)
    return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: {
      employeeId: payload.e,
      versionId: payload.v,
      page: payload.p,
      issuedAt: new Date(payload.t),
    },
  };
}
