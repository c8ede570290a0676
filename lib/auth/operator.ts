import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";
import { getStore } from "@/lib/db/client";
import { isLoopbackRequest } from "@/lib/security/loopback";

// The operator check for app/api/internal/*: those routes serve only the CLIs on this machine,
// authorised by the token this process wrote into the data directory lock (mode 0600, so only the
// account that runs the portal can read it). See docs/decisions/0001.

const BEARER = "Bearer ";

/** Constant-time comparison of a presented `Authorization: Bearer …` header with the lock's token. */
export function operatorTokenMatches(header: string | null, expected: string): boolean {
  if (!header?.startsWith(BEARER)) return false;
  const presented = header.slice(BEARER.length);
  // Hash both so the comparison is over equal lengths whatever was sent.
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export type OperatorCheck = "ok" | "no-embedded-store" | "forbidden";

/**
 * Whether `request` carries the operator token. Without an embedded store there is no lock, so no
 * token, and the internal routes answer as if they did not exist ("no-embedded-store").
 */
export async function checkOperatorToken(request: Request): Promise<OperatorCheck> {
  // Only the CLIs on this machine: anything that came through a proxy or from elsewhere is answered
  // as if the routes did not exist. The token stays the real credential (lib/security/loopback.ts).
  if (!isLoopbackRequest(request.headers)) return "no-embedded-store";
  const store = await getStore().catch(() => null);
  if (!store?.lock) return "no-embedded-store";
  return operatorTokenMatches(request.headers.get("authorization"), store.lock.token)
    ? "ok"
    : "forbidden";
}
