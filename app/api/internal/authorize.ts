import "server-only";

import { getStore } from "@/lib/db/client";
import { tokenMatches } from "@/lib/db/portal-link";
import { AppError, type AppErrorCode, httpStatus } from "@/lib/errors";
import { isLoopbackRequest } from "@/lib/security/loopback";

/**
 * Internal routes serve only the CLIs on this machine, authorised by the token this process wrote
 * into the data directory lock. Without an embedded store there is no lock, and the routes do not exist.
 * Returns an error response, or null when the request may proceed.
 */
export async function authorizeInternal(request: Request): Promise<Response | null> {
  if (!isLoopbackRequest(request.headers)) return new Response(null, { status: 404 });
  const store = await getStore().catch(() => null);
  if (!store?.lock) return new Response(null, { status: 404 });
  if (!tokenMatches(request.headers.get("authorization"), store.lock.token)) {
    return internalError("forbidden", "Ongeldig of ontbrekend token.");
  }
  return null;
}

export function internalResult(result: unknown): Response {
  return Response.json({ ok: true, result }, { headers: { "cache-control": "no-store" } });
}

export function internalError(code: AppErrorCode, message: string): Response {
  return Response.json(
    { ok: false, error: { code, message } },
    { status: httpStatus(code), headers: { "cache-control": "no-store" } },
  );
}

export function internalFailure(error: unknown): Response {
  if (error instanceof AppError) return internalError(error.code, error.message);
  console.error("[internal] request failed:", error);
  return internalError("internal", "Er ging iets mis in het portaal; zie het serverlog.");
}
